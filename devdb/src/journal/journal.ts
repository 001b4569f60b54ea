import fs from "node:fs";
import path from "node:path";
import type { Document } from "bson";
import {
  acquireLock,
  currentGeneration,
  fsyncDir,
  journalName,
  PRIVATE_DIR,
  PRIVATE_FILE,
  restrictModes,
  removeStaleFiles,
  snapshotName,
} from "./files.js";
import { Compaction } from "./compaction.js";
import { datasync, writeAll } from "./io.js";
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
 * Compaction (see Compaction) writes a snapshot of the whole state and starts a new journal
 * generation; the snapshot's rename is the commit point, so a crash at any moment leaves one
 * valid generation.
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
  private compaction: Compaction | null = null;
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
    fs.mkdirSync(dir, { recursive: true, mode: PRIVATE_DIR });
    restrictModes(dir);
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
      const fd = fs.openSync(jPath, "a", PRIVATE_FILE);
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

  /** Forces a compaction now (tests, tooling) and waits until it has committed. */
  async compact(): Promise<void> {
    this.compactRequested = true;
    this.schedule();
    await this.drain();
  }

  private get busy(): boolean {
    const c = this.compaction;
    return this.pending.length > 0 || (c === null ? this.compactRequested : c.state !== "writing");
  }

  private async drain(): Promise<void> {
    while (this.running || this.busy || this.compaction) {
      if (!this.running && !this.busy && this.compaction) await this.compaction.settled;
      else {
        this.schedule();
        await this.idle;
      }
    }
  }

  private schedule(): void {
    if (this.running || !this.busy) return;
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

  /** The only writer of journal files; compaction steps happen between batches. */
  private async run(): Promise<void> {
    for (;;) {
      if (this.pending.length > 0) {
        await this.flushPending();
        continue;
      }
      const c = this.compaction;
      if (c?.state === "ready") this.finishCompaction(c);
      else if (c?.state === "failed") this.abortCompaction(c);
      else if (!c && this.compactionDue()) this.startCompaction();
      else return;
    }
  }

  private compactionDue(): boolean {
    if (this.compactRequested) return true;
    const due = this.journalBytes > Math.max(this.compactBytes, this.snapshotBytes);
    return due && Date.now() - this.compactFailedAt > 30_000;
  }

  /** Called with nothing pending, so journal N holds exactly the state captured here. */
  private startCompaction(): void {
    this.compactRequested = false;
    try {
      this.compaction = new Compaction(this.dir, this.gen + 1, this.snapshot(), () => this.schedule());
    } catch {
      this.compactFailedAt = Date.now();
    }
  }

  private finishCompaction(c: Compaction): void {
    try {
      c.commit();
    } catch {
      this.abortCompaction(c);
      return;
    }
    const oldFd = this.fd;
    const oldGen = this.gen;
    this.fd = c.journalFd;
    this.gen = c.gen;
    this.journalBytes = c.mirroredBytes;
    this.snapshotBytes = c.snapshotBytes;
    this.compaction = null;
    fs.closeSync(oldFd);
    fs.rmSync(path.join(this.dir, journalName(oldGen)), { force: true });
    if (oldGen > 0) fs.rmSync(path.join(this.dir, snapshotName(oldGen)), { force: true });
  }

  private abortCompaction(c: Compaction): void {
    this.compaction = null;
    this.compactFailedAt = Date.now();
    try {
      c.abort();
    } catch {
      /* leftovers of a failed compaction are removed at the next start */
    }
  }

  private async flushPending(): Promise<void> {
    const batch = this.pending;
    const seq = this.appendSeq;
    this.pending = [];
    let bytes = 0;
    for (const b of batch) bytes += b.length;
    const mirror = this.compaction;
    try {
      await Promise.all([
        writeAll(this.fd, batch).then(() => datasync(this.fd)),
        mirror?.state === "writing" || mirror?.state === "ready" ? mirror.mirror(batch, bytes) : undefined,
      ]);
      this.journalBytes += bytes;
      this.markDurable(seq);
    } catch (err) {
      // Cut off whatever part of the batch reached the file, so later records stay readable.
      try {
        fs.ftruncateSync(this.fd, this.journalBytes);
      } catch {
        /* the next replay stops at the damaged record anyway */
      }
      if (mirror) mirror.state = "failed";
      this.failWaiters(seq, err as Error);
    }
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
