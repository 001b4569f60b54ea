import { createServer, type Server as HttpServer } from "node:http";
import { join } from "node:path";
import express, { Router, type Express } from "express";
import helmet from "helmet";
import { LIMITS } from "@rembuk/shared";
import { REPO_ROOT, type Config } from "./config.js";
import { passport, configureLoginThrottle, touchSession } from "./features/auth/index.js";
import { featureCommands, ioFeatures } from "./features/registry.js";
import { mountCommands } from "./lib/commands/http.js";
import { metaHandlers } from "./lib/commands/meta.js";
import { connectDb, syncAllIndexes, type Db } from "./lib/db.js";
import { apiNotFound, errorHandler } from "./lib/http/errorHandler.js";
import { attachActor } from "./lib/http/requireAuth.js";
import { configureMail, startMailSender, stopMailSender } from "./features/mail/index.js";
import { backfillOfficeKeys } from "./features/users/index.js";
import { requestLog } from "./lib/http/requestLog.js";
import { sameOrigin } from "./lib/http/sameOrigin.js";
import { compressJson, serveClient } from "./lib/http/static.js";
import { pageMeta, withPageMeta } from "./features/sharing/index.js";
import { createSessionMiddleware } from "./lib/http/session.js";
import { logger } from "./lib/logger.js";
import { rejectNulBytes } from "./lib/nulBytes.js";
import { configureRateLimits, scaledBudgets, type LimitName } from "./lib/rateLimit.js";
import { createIo } from "./lib/realtime/io.js";
import { setPublisher, type IoServer } from "./lib/realtime/publish.js";
import { connectRedis, type Redis } from "./lib/redis.js";
import { configureGuestCookies, setSharedCounters } from "./features/qa/index.js";
import { startNotifications, type Worker } from "./features/notifications/index.js";

export interface AppOptions {
  /** Serve this directory as the client (default: client/dist when it has been built). */
  clientDist?: string | null;
  /** Raise budgets for tests that legitimately do many things from one address. */
  rateLimitOverrides?: Partial<Record<LimitName, number>>;
  /** Run the notifications fan-out worker in this process (default true; restart tests start their own). */
  notifyWorker?: boolean;
}

export interface RembukApp {
  app: Express;
  httpServer: HttpServer;
  io: IoServer;
  db: Db;
  redis: Redis | null;
  /** The notifications fan-out worker of this process, if it runs one. */
  notifyWorker: Worker | null;
  /** Stop Socket.io and HTTP, then Redis and the database (the embedded one flushes on stop). */
  close(): Promise<void>;
}

/** The CSP the built client runs under (external module scripts and stylesheets only, no eval). */
const CSP_DIRECTIVES = {
  defaultSrc: ["'self'"],
  scriptSrc: ["'self'"],
  styleSrc: ["'self'", "'unsafe-inline'"],
  imgSrc: ["'self'", "data:"],
  connectSrc: ["'self'", "ws:", "wss:"],
  fontSrc: ["'self'"],
  objectSrc: ["'none'"],
  frameAncestors: ["'none'"],
  baseUri: ["'self'"],
};

/**
 * Build the whole server without listening: database (embedded or MONGODB_URI), optional Redis,
 * Express (security headers, logs, sessions, passport, feature routers, client), and Socket.io.
 */
export async function createApp(config: Config, options: AppOptions = {}): Promise<RembukApp> {
  const db = await connectDb(config);
  let redis: Redis | null = null;
  try {
    redis = config.redisUrl ? await connectRedis(config.redisUrl) : null;
    return await build(config, options, db, redis);
  } catch (err) {
    await redis?.close();
    await db.close();
    throw err;
  }
}

async function build(config: Config, options: AppOptions, db: Db, redis: Redis | null): Promise<RembukApp> {
  await syncAllIndexes();
  configureRateLimits(redis?.client ?? null, {
    ...scaledBudgets(config.rateLimitScale),
    ...options.rateLimitOverrides,
  });
  configureLoginThrottle({ redis: redis?.client ?? null, scale: config.rateLimitScale });
  await backfillOfficeKeys();
  configureMail({ smtp: config.smtpUrl !== null, publicUrl: config.publicUrl });
  if (config.smtpUrl) startMailSender(config.smtpUrl, config.mailFrom);

  configureGuestCookies({ secret: config.sessionSecret, secure: config.secureCookies });
  setSharedCounters(redis?.client ?? null);

  const app = express();
  app.disable("x-powered-by");
  app.set("trust proxy", config.trustProxy);

  app.use(requestLog(logger));
  app.use(
    helmet({
      contentSecurityPolicy: { useDefaults: false, directives: CSP_DIRECTIVES },
      // HSTS only where the site really is https; on plain http it would only confuse local setups.
      strictTransportSecurity: config.secureCookies ? { maxAge: 180 * 24 * 60 * 60 } : false,
    }),
  );

  const database = db.connection.db;
  if (!database) throw new Error("Database connection has no database");
  const session = await createSessionMiddleware(config, db.connection.getClient(), database.databaseName);
  const passportSession = passport.session();
  const allowedOrigins = config.publicOrigin ? [config.publicOrigin] : [];

  const commands = featureCommands({ config });
  const api = Router();
  mountCommands(
    api,
    metaHandlers({
      health: () => ({
        ok: db.connection.readyState === 1,
        db: db.kind,
        redis: redis !== null,
        version: config.version,
      }),
      commands: () => commands.map((b) => b.command),
      version: config.version,
    }),
  );
  api.use(compressJson());
  api.use(sameOrigin(allowedOrigins));
  api.use(express.json({ limit: LIMITS.jsonBodyBytes }));
  api.use(rejectNulBytes);
  api.use(session, passport.initialize(), passportSession, attachActor, touchSession);
  mountCommands(api, commands);
  api.use(apiNotFound);
  api.use(errorHandler);
  app.use("/api", api);

  serveClient(
    app,
    options.clientDist === undefined ? join(REPO_ROOT, "client", "dist") : options.clientDist,
    {
      // Behind a proxy the configured address is the one people share, whatever Host says.
      find: (path, origin) => pageMeta(path, config.publicOrigin ?? origin),
      render: withPageMeta,
    },
  );
  app.use(errorHandler);

  const httpServer = createServer(app);
  const trustProxy: (addr: string, i: number) => boolean = app.get("trust proxy fn");
  const io = createIo(httpServer, {
    session,
    passportSession,
    redis,
    allowedOrigins,
    trustProxy,
    features: ioFeatures,
    commands,
  });

  const notifyWorker =
    options.notifyWorker === false
      ? null
      : startNotifications({ redis: redis ? { pub: redis.pub, sub: redis.sub } : null });

  let closing: Promise<void> | null = null;
  const close = () =>
    (closing ??= (async () => {
      await notifyWorker?.stop();
      setPublisher(null);
      await stopMailSender();
      // io.close() disconnects every socket and closes the HTTP server; idle keep-alive
      // connections would otherwise hold it open.
      const closed = new Promise<void>((resolve) => io.close(() => resolve()));
      httpServer.closeAllConnections();
      await closed;
      await redis?.close();
      await db.close();
    })());

  return { app, httpServer, io, db, redis, notifyWorker, close };
}
