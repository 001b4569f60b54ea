import { randomCredentials } from "./auth/users.js";
import { startDevDb } from "./index.js";

const dataDir = process.env.DATA_DIR ?? "./data/devdb";
const port = Number(process.env.PORT ?? 27017);
// Fixed credentials from the environment let server processes keep one MONGODB_URI across
// restarts; without them every start makes new ones, printed in the URI below.
const envUser = process.env.DEVDB_USERNAME;
const envPassword = process.env.DEVDB_PASSWORD;
if ((envUser === undefined) !== (envPassword === undefined)) {
  console.error("devdb: set both DEVDB_USERNAME and DEVDB_PASSWORD, or neither");
  process.exit(2);
}
const credentials =
  envUser !== undefined && envPassword !== undefined
    ? { username: envUser, password: envPassword }
    : randomCredentials();

const db = await startDevDb({ dataDir, port, credentials });
console.log(`devdb listening on ${db.uri} (data: ${dataDir})`);
console.log(`servers connect with MONGODB_URI=${db.uriFor("rembuk")}`);

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
