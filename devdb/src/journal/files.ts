import fs from "node:fs";
import path from "node:path";

const SNAPSHOT = /^snapshot-(\d+)\.bson$/;
const JOURNAL = /^journal-(\d+)\.log$/;

/** The data holds password hashes and session ids: only the owner may read the directory. */
export const PRIVATE_DIR = 0o700;
export const PRIVATE_FILE = 0o600;

/** Tightens a data directory made before devdb restricted modes (or by a lax umask). */
export function restrictModes(dir: string): void {
  fs.chmodSync(dir, PRIVATE_DIR);
  for (const name of fs.readdirSync(dir)) {
    const file = path.join(dir, name);
    if (fs.lstatSync(file).isFile()) fs.chmodSync(file, PRIVATE_FILE);
  }
}

export const snapshotName = (gen: number): string => `snapshot-${gen}.bson`;
export const journalName = (gen: number): string => `journal-${gen}.log`;

/**
 * The live generation is the newest one whose snapshot was committed by rename
 * (or 0, which has no snapshot). Journals of other generations are leftovers.
 */
export function currentGeneration(dir: string): number {
  let gen = 0;
  for (const name of fs.readdirSync(dir)) {
    const m = SNAPSHOT.exec(name);
    if (m) gen = Math.max(gen, Number(m[1]));
  }
  return gen;
}

export function removeStaleFiles(dir: string, keep: number): void {
  for (const name of fs.readdirSync(dir)) {
    const m = SNAPSHOT.exec(name) ?? JOURNAL.exec(name);
    const stale = (m && Number(m[1]) !== keep) || name.endsWith(".tmp");
    if (stale) fs.rmSync(path.join(dir, name), { force: true });
  }
}

export function fsyncDir(dir: string): void {
  // Directory fsync makes a rename durable; some platforms refuse it, which is harmless.
  try {
    const fd = fs.openSync(dir, "r");
    try {
      fs.fsyncSync(fd);
    } finally {
      fs.closeSync(fd);
    }
  } catch {
    /* not supported here */
  }
}

const lockedHere = new Set<string>();

/**
 * Refuses a second devdb (in this or another process) on the same directory; a lock left by
 * a dead process is taken over.
 */
export function acquireLock(dir: string): () => void {
  const file = path.join(dir, "devdb.lock");
  if (lockedHere.has(file)) throw new Error(`data directory ${dir} is in use by this process`);
  for (let attempt = 0; attempt < 2; attempt++) {
    try {
      fs.writeFileSync(file, String(process.pid), { flag: "wx", mode: PRIVATE_FILE });
      lockedHere.add(file);
      return () => {
        lockedHere.delete(file);
        fs.rmSync(file, { force: true });
      };
    } catch (err) {
      if ((err as NodeJS.ErrnoException).code !== "EEXIST") throw err;
      const pid = Number(fs.readFileSync(file, "utf8"));
      if (pid && pid !== process.pid && isAlive(pid)) {
        throw new Error(`data directory ${dir} is in use by process ${pid}`, { cause: err });
      }
      fs.rmSync(file, { force: true });
    }
  }
  throw new Error(`could not lock ${dir}`);
}

function isAlive(pid: number): boolean {
  try {
    process.kill(pid, 0);
    return true;
  } catch (err) {
    return (err as NodeJS.ErrnoException).code === "EPERM";
  }
}
