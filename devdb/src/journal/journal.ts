import fs from "node:fs";
import path from "node:path";
import type { Document } from "bson";
import {
  acquireLock,
  currentGeneration,
  fsyncDir,
  journalName,
  removeStaleFiles,
  snapshotName,
} from "./files.js";
import { frameRecord, readRecords } from "./records.js";

export interface Persistence {
  /** Queues a change record; it is durable once a later `commit()` resolves. */
  append(record: Document): void;
  /** Resolves when every record appended so far has been fsynced. */
  commit(): Promise<void>;
  close(): Promise<void>;
}

export class MemoryPersistence implements Persistence {
  append(): void {}
  commit(): Promise<void> {
    return Promise.resolve();
  }
  close(): Promise<void> {
    return Promise.resolve();
  }
}

export interface JournalOptions {
  /** Journal size that triggers compaction, at least; default 16 MiB. */
  compactBytes?: number;
}

interface Waiter {
  seq: number;
  resolve: () => void;
  reject: (err: Error) => void;
}

/**
 * Append-only journal with group commit: records appended during one event-loop turn are
 * written and fsynced together, and their commits resolve after that single fsync.
 * Compaction writes a snapshot of the whole state and starts a new journal generation; the
 * snapshot's rename is the commit point, so a crash at any moment leaves one valid generation.
 */
export class Journal implements Persistence {
  private gen: number;
  private fd: number;
  private journalBytes: number;
  private snapshotBytes = 0;
  private pending: Buffer[] = [];
  private appendSeq = 0;
  private durableSeq = 0;
  private waiters: Waiter[] = [];
  private running = false;
  private compactRequested = false;
  private compactFailedAt = 0;
  private closed = false;
  private idle: Promise<void> = Promise.resolve();
  private readonly compactBytes: number;
  private readonly releaseLock: () => void;

  private constructor(
    private readonly dir: string,
    private readonly snapshot: () => Iterable<Document>,
    opts: JournalOptions,
    gen: number,
    fd: number,
    journalBytes: number,
    releaseLock: () => void,
  ) {
    this.gen = gen;
    this.fd = fd;
    this.journalBytes = journalBytes;
    this.compactBytes = opts.compactBytes ?? 16 * 1024 * 1024;
    this.releaseLock = releaseLock;
  }

  /**
   * Replays the live generation into `apply`, truncating a torn journal tail, then opens the
   * journal for appending. `snapshot` must yield records that rebuild the full current state.
   */
  static open(
    dir: string,
    apply: (rec: Document) => void,
    snapshot: () => Iterable<Document>,
    opts: JournalOptions = {},
  ): Journal {
    fs.mkdirSync(dir, { recursive: true });
    const releaseLock = acquireLock(dir);
    try {
      const gen = currentGeneration(dir);
      removeStaleFiles(dir, gen);
      let snapshotBytes = 0;
      const snapPath = path.join(dir, snapshotName(gen));
      if (gen > 0) {
        const buf = fs.readFileSync(snapPath);
        snapshotBytes = buf.length;
        readRecords(buf, apply);
      }
      const jPath = path.join(dir, journalName(gen));
      let journalBytes = 0;
      if (fs.existsSync(jPath)) {
        const buf = fs.readFileSync(jPath);
        const { validLength } = readRecords(buf, apply);
        if (validLength < buf.length) fs.truncateSync(jPath, validLength);
        journalBytes = validLength;
      }
      const fd = fs.openSync(jPath, "a");
      fs.fsyncSync(fd);
      fsyncDir(dir);
      const j = new Journal(dir, snapshot, opts, gen, fd, journalBytes, releaseLock);
      j.snapshotBytes = snapshotBytes;
      return j;
    } catch (err) {
      releaseLock();
      throw err;
    }
  }

  append(record: Document): void {
    if (this.closed) throw new Error("journal is closed");
    this.pending.push(frameRecord(record));
    this.appendSeq++;
    this.schedule();
  }

  commit(): Promise<void> {
    if (this.durableSeq >= this.appendSeq) return Promise.resolve();
    return new Promise((resolve, reject) => {
      this.waiters.push({ seq: this.appendSeq, resolve, reject });
      this.schedule();
    });
  }

  async close(): Promise<void> {
    await this.drain();
    this.closed = true;
    fs.closeSync(this.fd);
    this.releaseLock();
  }

  /** Forces a compaction (used by tests and on demand); runs inside the writer loop. */
  async compact(): Promise<void> {
    this.compactRequested = true;
    this.schedule();
    await this.drain();
  }

  private async drain(): Promise<void> {
    while (this.running || this.pending.length > 0 || this.compactRequested) {
      this.schedule();
      await this.idle;
    }
  }

  private schedule(): void {
    if (this.running || (this.pending.length === 0 && !this.compactRequested)) return;
    this.running = true;
    this.idle = new Promise((done) => {
      // setImmediate lets every write arriving in this event-loop turn join the same fsync.
      setImmediate(() => {
        this.run().finally(() => {
          this.running = false;
          done();
          this.schedule();
        });
      });
    });
  }

  /** The only writer of files: appends and compactions never interleave. */
  private async run(): Promise<void> {
    while (this.pending.length > 0 || this.compactRequested) {
      if (this.pending.length > 0) await this.flushPending();
      const due = this.journalBytes > Math.max(this.compactBytes, this.snapshotBytes);
      const backingOff = Date.now() - this.compactFailedAt < 30_000;
      if (this.compactRequested || (due && !backingOff)) {
        this.compactRequested = false;
        try {
          await this.compactNow();
        } catch {
          // Compaction is an optimisation: keep appending to the current journal, retry later.
          this.compactFailedAt = Date.now();
        }
      }
    }
  }

  private async flushPending(): Promise<void> {
    const batch = this.pending;
    const seq = this.appendSeq;
    this.pending = [];
    try {
      await writeAll(this.fd, batch);
      await datasync(this.fd);
      for (const b of batch) this.journalBytes += b.length;
      this.markDurable(seq);
    } catch (err) {
      // Cut off whatever part of the batch reached the file, so later records stay readable.
      try {
        fs.ftruncateSync(this.fd, this.journalBytes);
      } catch {
        /* the next replay stops at the damaged record anyway */
      }
      this.failWaiters(seq, err as Error);
    }
  }

  private async compactNow(): Promise<void> {
    // The snapshot captures the state produced by every record appended so far, including
    // those still pending: they become durable with it. Capturing is cheap (references to
    // immutable documents); encoding and writing happen in slices, so the server keeps
    // answering meanwhile. Writes arriving now wait in `pending` for the new journal.
    const covered = this.appendSeq;
    const carried = this.pending;
    this.pending = [];
    const records = this.snapshot()[Symbol.iterator]();
    let bytes = 0;
    const next = this.gen + 1;
    const tmp = path.join(this.dir, snapshotName(next) + ".tmp");
    const nextJournal = path.join(this.dir, journalName(next));
    let jfd: number | undefined;
    try {
      const tfd = fs.openSync(tmp, "w");
      try {
        for (;;) {
          const { chunks, size, done } = encodeSlice(records, SNAPSHOT_SLICE_BYTES);
          await writeAll(tfd, chunks);
          bytes += size;
          if (done) break;
        }
        await datasync(tfd);
      } finally {
        fs.closeSync(tfd);
      }
      fs.writeFileSync(nextJournal, "");
      jfd = fs.openSync(nextJournal, "a");
      fs.fsyncSync(jfd);
      fs.renameSync(tmp, path.join(this.dir, snapshotName(next)));
    } catch (err) {
      // Nothing was committed: the carried records go to the current journal after all.
      // Replaying them over a state that already contains them is harmless (records are
      // whole documents and deletes by _id: the last one for a document wins).
      if (jfd !== undefined) fs.closeSync(jfd);
      this.pending = carried.concat(this.pending);
      throw err;
    }
    fsyncDir(this.dir);
    const oldFd = this.fd;
    const oldGen = this.gen;
    this.fd = jfd;
    this.gen = next;
    this.journalBytes = 0;
    this.snapshotBytes = bytes;
    fs.closeSync(oldFd);
    fs.rmSync(path.join(this.dir, journalName(oldGen)), { force: true });
    if (oldGen > 0) fs.rmSync(path.join(this.dir, snapshotName(oldGen)), { force: true });
    this.markDurable(covered);
  }

  private markDurable(seq: number): void {
    if (seq > this.durableSeq) this.durableSeq = seq;
    const still: Waiter[] = [];
    for (const w of this.waiters) {
      if (w.seq <= this.durableSeq) w.resolve();
      else still.push(w);
    }
    this.waiters = still;
  }

  private failWaiters(seq: number, err: Error): void {
    const still: Waiter[] = [];
    for (const w of this.waiters) {
      if (w.seq <= seq) w.reject(err);
      else still.push(w);
    }
    this.waiters = still;
  }
}

const SNAPSHOT_SLICE_BYTES = 1024 * 1024;

function encodeSlice(
  records: Iterator<Document>,
  maxBytes: number,
): { chunks: Buffer[]; size: number; done: boolean } {
  const chunks: Buffer[] = [];
  let size = 0;
  while (size < maxBytes) {
    const next = records.next();
    if (next.done) return { chunks, size, done: true };
    const b = frameRecord(next.value);
    chunks.push(b);
    size += b.length;
  }
  return { chunks, size, done: false };
}

function writeAll(fd: number, chunks: Buffer[]): Promise<void> {
  return new Promise((resolve, reject) => {
    const buf = chunks.length === 1 ? chunks[0] : Buffer.concat(chunks);
    let offset = 0;
    const step = (): void => {
      fs.write(fd, buf, offset, buf.length - offset, null, (err, written) => {
        if (err) return reject(err);
        offset += written;
        if (offset < buf.length) step();
        else resolve();
      });
    };
    if (buf.length === 0) resolve();
    else step();
  });
}

function datasync(fd: number): Promise<void> {
  return new Promise((resolve, reject) => fs.fdatasync(fd, (err) => (err ? reject(err) : resolve())));
}
