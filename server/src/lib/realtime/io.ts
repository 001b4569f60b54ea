import type { Server as HttpServer } from "node:http";
import type { RequestHandler } from "express";
import { Server } from "socket.io";
import { createAdapter } from "@socket.io/redis-adapter";
import { LIMITS } from "@rembuk/shared";
import { ioInitializers, socketRegistrars } from "../../features/registry.js";
import { registerCommandSockets } from "../commands/socket.js";
import type { BoundCommand } from "../commands/handle.js";
import type { Redis } from "../redis.js";
import { logger } from "../logger.js";
import { installHandshake } from "./handshake.js";
import { ioPublisher, setPublisher, type IoServer } from "./publish.js";
import { rooms } from "./rooms.js";

export interface IoOptions {
  session: RequestHandler;
  passportSession: RequestHandler;
  redis: Redis | null;
  /** Origins allowed besides the request's own host (PUBLIC_URL). */
  allowedOrigins: readonly string[];
  /** Express's compiled `trust proxy` rule, so a socket's address is read like `req.ip`. */
  trustProxy: (addr: string, i: number) => boolean;
  /** Every feature's commands: those with a socket path are registered on each connection. */
  commands: readonly BoundCommand[];
}

/**
 * Socket.io on the app's HTTP server: same origin only (no CORS), small messages, the session
 * handshake, server-chosen rooms, then every feature's socket commands. With Redis, broadcasts and
 * `disconnectSockets` reach sockets on every server process.
 */
export function createIo(httpServer: HttpServer, opts: IoOptions): IoServer {
  const allowed = new Set(opts.allowedOrigins);
  const io: IoServer = new Server(httpServer, {
    serveClient: false,
    // Socket commands carry at most a post body; the REST JSON limit is the same order of size.
    maxHttpBufferSize: LIMITS.jsonBodyBytes,
    // WebSockets ignore CORS, so check Origin here: a browser page elsewhere cannot open a socket
    // that rides on our cookie (SameSite=Lax already stops that; this is the second lock).
    allowRequest: (req, callback) => {
      const origin = req.headers.origin;
      if (!origin || allowed.has(origin)) return callback(null, true);
      callback(null, URL.canParse(origin) && new URL(origin).host === req.headers.host);
    },
  });
  if (opts.redis) io.adapter(createAdapter(opts.redis.pub, opts.redis.sub));

  installHandshake(io, opts.session, opts.passportSession, opts.trustProxy);

  io.on("connection", (socket) => {
    const { userId, role, sessionId } = socket.data;
    if (userId) void socket.join(rooms.user(userId));
    if (sessionId) void socket.join(rooms.session(sessionId));
    if (role === "admin" || role === "moderator") void socket.join(rooms.mod());
    registerCommandSockets(socket, opts.commands);
    for (const register of socketRegistrars) {
      try {
        register(socket, io);
      } catch (err) {
        logger.error({ err, socketId: socket.id }, "socket registrar failed");
      }
    }
  });

  setPublisher(ioPublisher(io));
  for (const init of ioInitializers) init(io);
  return io;
}
