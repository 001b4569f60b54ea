import type { AddressInfo } from "node:net";
import { ConfigError, displayPath, loadConfig, type Config } from "./config.js";
import { logger } from "./lib/logger.js";

/**
 * `pnpm --filter @rembuk/server start`: configuration, database, first admin, demo content, listen;
 * stop cleanly on SIGTERM/SIGINT (stop accepting, close sockets, close the database, exit 0).
 */
async function main(): Promise<void> {
  let config: Config;
  try {
    config = loadConfig();
  } catch (err) {
    if (err instanceof ConfigError) {
      process.stderr.write(`${err.message}\nSee docs/configuration.md.\n`);
      process.exit(1);
    }
    throw err;
  }

  // Imported only after the configuration is known good: a wrong variable is reported at once,
  // before the whole application (and the database driver) loads.
  const { createApp } = await import("./app.js");
  const { demoBanner } = await import("./startupBanner.js");
  const { prepareData } = await import("./startup.js");

  const rembuk = await createApp(config);
  await prepareData(config, logger);

  await new Promise<void>((resolve, reject) => {
    rembuk.httpServer.once("error", reject);
    rembuk.httpServer.listen(config.port, () => resolve());
  });
  const { port } = rembuk.httpServer.address() as AddressInfo;
  const url = config.publicOrigin ?? `http://localhost:${port}`;
  logger.info(
    {
      url,
      db: rembuk.db.kind,
      redis: rembuk.redis !== null,
      dataDir: displayPath(config.dataDir),
      env: config.env,
    },
    "Rembuk is listening",
  );
  process.stdout.write(
    `\n  Mail: ${config.smtpUrl ? `SMTP (${new URL(config.smtpUrl).host})` : `no SMTP_URL; messages stay in the outbox (Kotak keluar): ${config.publicUrl}/admin/outbox`}\n`,
  );
  process.stdout.write(
    `\n  Rembuk: ${url}\n  Database: ${rembuk.db.kind}${rembuk.db.kind === "embedded" ? ` (${displayPath(config.dataDir)}/devdb)` : ""}\n`,
  );

  if (config.demoContent) process.stdout.write(await demoBanner());
  process.stdout.write("\n");

  let stopping = false;
  const stop = (signal: NodeJS.Signals) => {
    if (stopping) return;
    stopping = true;
    logger.info({ signal }, "shutting down");
    // A stuck connection must not keep the process alive forever.
    setTimeout(() => {
      logger.error("shutdown timed out");
      process.exit(1);
    }, 10_000).unref();
    rembuk.close().then(
      () => process.exit(0),
      (err: unknown) => {
        logger.error({ err }, "shutdown failed");
        process.exit(1);
      },
    );
  };
  process.on("SIGTERM", stop);
  process.on("SIGINT", stop);
}

main().catch((err: unknown) => {
  logger.fatal({ err }, "failed to start");
  process.exit(1);
});
