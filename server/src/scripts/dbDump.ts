import { existsSync, readdirSync, statSync } from "node:fs";
import { join, resolve } from "node:path";
import { parseArgs } from "node:util";
import { exportDatabase, importDatabase } from "@rembuk/devdb";
import { loadConfig } from "../config.js";
import { runScript } from "./runScript.js";
import { connectDb } from "../lib/db.js";

/**
 * `pnpm db:export DIR` and `pnpm db:import DIR [--drop] [--from NAME]`: carry the data out in
 * mongodump's layout (`DIR/<db>/<collection>.bson` + `.metadata.json`, which mongorestore loads
 * into any MongoDB) and back in (a mongodump of a real MongoDB too).
 *
 * Database: MONGODB_URI when set; otherwise the embedded database in DATA_DIR. A running server
 * owns those files (its lock), so the script connects to that server's embedded database through
 * DATA_DIR/embedded-db.json, and devdb exports one point in time while it keeps serving;
 * with no server running, the script opens DATA_DIR itself (taking the lock).
 */
const SYSTEM_DATABASES = new Set(["admin", "config", "local"]);

/** The directory of one database inside a dump: DIR itself, its only database, or `--from`. */
function databaseDir(dir: string, from: string | undefined): string {
  if (!existsSync(dir)) throw new Error(`${dir} does not exist`);
  if (readdirSync(dir).some((f) => f.endsWith(".bson"))) return dir;
  const dbs = readdirSync(dir).filter(
    (f) => statSync(join(dir, f)).isDirectory() && !SYSTEM_DATABASES.has(f),
  );
  if (from !== undefined) {
    if (!dbs.includes(from))
      throw new Error(`${dir} has no database ${from} (it has: ${dbs.join(", ") || "none"})`);
    return join(dir, from);
  }
  if (dbs.length === 1) return join(dir, dbs[0]);
  if (dbs.length === 0) throw new Error(`${dir} holds no database dump`);
  throw new Error(`${dir} holds several databases (${dbs.join(", ")}); choose one with --from NAME`);
}

async function main(): Promise<number> {
  const { positionals, values } = parseArgs({
    allowPositionals: true,
    options: { drop: { type: "boolean", default: false }, from: { type: "string" } },
    strict: true,
  });
  const [command, target] = positionals;
  if ((command !== "export" && command !== "import") || !target || positionals.length > 2) {
    process.stderr.write("usage: pnpm db:export DIR | pnpm db:import DIR [--drop] [--from NAME]\n");
    return 2;
  }
  // pnpm runs scripts inside server/; DIR is relative to where the command was typed.
  const dir = resolve(process.env.INIT_CWD ?? process.cwd(), target);
  const config = loadConfig();
  const conn = await connectDb(config, { attachToRunning: true });
  try {
    const db = conn.connection.db;
    if (!db) throw new Error("database connection is not open");
    if (command === "export") {
      const s = await exportDatabase(db, dir);
      for (const c of s.collections)
        process.stdout.write(`${s.database}.${c.name}: ${c.documents} dokumen\n`);
      process.stdout.write(`Ekspor selesai: ${s.dir}\n`);
      if (s.pointInTime === "none") {
        process.stderr.write(
          "Peringatan: server MongoDB ini tidak mendukung snapshot read (standalone); koleksi dibaca satu per satu. Gunakan mongodump --oplog pada replica set.\n",
        );
      }
    } else {
      const s = await importDatabase(db, databaseDir(dir, values.from), { drop: values.drop });
      for (const c of s.collections)
        process.stdout.write(`${s.database}.${c.name}: ${c.documents} dokumen, ${c.indexes} indeks\n`);
      process.stdout.write("Impor selesai.\n");
    }
    return 0;
  } finally {
    await conn.close();
  }
}

runScript(main);
