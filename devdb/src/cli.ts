import { startDevDb } from "./index.js";

const dataDir = process.env.DATA_DIR ?? "./data/devdb";
const port = Number(process.env.PORT ?? 27017);

const db = await startDevDb({ dataDir, port });
console.log(`devdb listening on ${db.uri} (data: ${dataDir})`);

let stopping = false;
async function shutdown(signal: string): Promise<void> {
  if (stopping) return;
  stopping = true;
  console.log(`devdb: ${signal}, shutting down`);
  await db.stop();
  process.exit(0);
}
process.on("SIGINT", () => void shutdown("SIGINT"));
process.on("SIGTERM", () => void shutdown("SIGTERM"));
