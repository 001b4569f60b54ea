import fs from "node:fs";
import path from "node:path";
import type { Document } from "bson";
import { fsyncDir, journalName, PRIVATE_FILE, snapshotName } from "./files.js";
import { datasync, writeAll } from "./io.js";
import { frameRecord } from "./records.js";

const SLICE_BYTES = 1024 * 1024;

/**
 * One compaction from generation N to N+1. It starts when journal N holds exactly the state
 * being captured; from then on every batch goes to both journal N and the new journal N+1
 * (`mirror`), while the snapshot is encoded and written in slices in the background. `commit`
 * renames the snapshot into place: before that instant generation N is complete on its own,
 * after it generation N+1 is. Nothing has to pause while the snapshot is written.
 */
export class Compaction {
  state: "writing" | "ready" | "failed" = "writing";
  /** Settles (never rejects) when the snapshot file is fully written or has failed. */
  readonly settled: Promise<void>;
  mirroredBytes = 0;
  snapshotBytes = 0;
  readonly journalFd: number;
  private readonly tmp: string;

  constructor(
    private readonly dir: string,
    readonly gen: number,
    records: Iterable<Document>,
    onSettled: () => void,
  ) {
    this.tmp = path.join(dir, snapshotName(gen) + ".tmp");
    const journal = path.join(dir, journalName(gen));
    fs.writeFileSync(journal, "", { mode: PRIVATE_FILE });
    this.journalFd = fs.openSync(journal, "a", PRIVATE_FILE);
    this.settled = this.writeSnapshot(records[Symbol.iterator]()).then(
      () => {
        // A failed mirror write may already have doomed this compaction.
        if (this.state === "writing") this.state = "ready";
        onSettled();
      },
      () => {
        this.state = "failed";
        onSettled();
      },
    );
  }

  async mirror(batch: Buffer[], bytes: number): Promise<void> {
    try {
      await writeAll(this.journalFd, batch);
      await datasync(this.journalFd);
      this.mirroredBytes += bytes;
    } catch {
      // Generation N still has the batch; only this compaction is lost.
      this.state = "failed";
    }
  }

  /** The commit point: afterwards generation N+1 is the live one. */
  commit(): void {
    fs.fsyncSync(this.journalFd);
    fs.renameSync(this.tmp, path.join(this.dir, snapshotName(this.gen)));
    fsyncDir(this.dir);
  }

  abort(): void {
    fs.closeSync(this.journalFd);
    fs.rmSync(this.tmp, { force: true });
    fs.rmSync(path.join(this.dir, journalName(this.gen)), { force: true });
  }

  private async writeSnapshot(records: Iterator<Document>): Promise<void> {
    const fd = fs.openSync(this.tmp, "w", PRIVATE_FILE);
    try {
      for (;;) {
        const chunks: Buffer[] = [];
        let size = 0;
        let done = false;
        while (size < SLICE_BYTES) {
          const next = records.next();
          if (next.done) {
            done = true;
            break;
          }
          const b = frameRecord(next.value);
          chunks.push(b);
          size += b.length;
        }
        // Each await yields to the event loop, so requests are served between slices.
        await writeAll(fd, chunks);
        this.snapshotBytes += size;
        if (done) break;
      }
      await datasync(fd);
    } finally {
      fs.closeSync(fd);
    }
  }
}
