import { ConfigError, loadConfig } from "../config.js";
import { connectDb, syncAllIndexes } from "../lib/db.js";
import { logger } from "../lib/logger.js";
import "../features/policies.js";
import { seedDemoIfEmpty } from "../features/demo/index.js";

/**
 * `pnpm --filter @rembuk/server seed`: seed the demo content into an empty database (what the
 * server does at start unless DEMO_CONTENT=false). Attaches to a running server's embedded database.
 */
async function main(): Promise<void> {
  const config = loadConfig();
  const db = await connectDb(config, { attachToRunning: true });
  try {
    await syncAllIndexes();
    const seeded = await seedDemoIfEmpty(logger);
    process.stdout.write(
      seeded ? "Demo content seeded.\n" : "The database already has users; nothing seeded.\n",
    );
  } finally {
    await db.close();
  }
}

main().catch((err: unknown) => {
  process.stderr.write(`${err instanceof ConfigError || err instanceof Error ? err.message : String(err)}\n`);
  process.exit(1);
});
