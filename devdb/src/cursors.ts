import { Long, type Document } from "bson";
import { serializeTyped } from "./storage/num-types.js";
import { randomBytes } from "node:crypto";
import { MAX_BSON_OBJECT_SIZE } from "./wire/constants.js";
import { cursorReply } from "./wire/cursor-reply.js";
import { CommandError } from "./errors.js";

/** Room left in a 16 MiB reply for the cursor envelope around the batch. */
const BATCH_BYTES = MAX_BSON_OBJECT_SIZE - 16 * 1024;
const DEFAULT_FIRST_BATCH = 101;
const IDLE_TIMEOUT_MS = 10 * 60 * 1000;

interface OpenCursor {
  ns: string;
  docs: Document[];
  pos: number;
  lastUsed: number;
}

/**
 * Server-side cursors. Results are materialised when the cursor opens (references to immutable
 * stored documents, or fresh aggregation output), so later writes never disturb a cursor.
 */
export class CursorRegistry {
  private readonly cursors = new Map<string, OpenCursor>();

  get size(): number {
    return this.cursors.size;
  }

  /** Replies with the first batch, opening a cursor when more remains. */
  firstBatch(ns: string, docs: Document[], batchSize: number | undefined, singleBatch: boolean): Buffer {
    const cursor: OpenCursor = { ns, docs, pos: 0, lastUsed: Date.now() };
    const batch = this.take(cursor, batchSize ?? DEFAULT_FIRST_BATCH);
    let id = Long.ZERO;
    if (!singleBatch && cursor.pos < docs.length) {
      id = this.newId();
      this.cursors.set(id.toString(), cursor);
    }
    return cursorReply("firstBatch", batch, id, ns);
  }

  getMore(id: Long, ns: string, batchSize: number | undefined): Buffer {
    const key = id.toString();
    const cursor = this.cursors.get(key);
    if (!cursor || cursor.ns !== ns) {
      throw new CommandError("CursorNotFound", `cursor id ${key} not found`);
    }
    cursor.lastUsed = Date.now();
    const batch = this.take(cursor, batchSize ?? Infinity);
    let replyId = id;
    if (cursor.pos >= cursor.docs.length) {
      this.cursors.delete(key);
      replyId = Long.ZERO;
    }
    return cursorReply("nextBatch", batch, replyId, ns);
  }

  /** Random positive 63-bit ids, like a real server's, so clients can't guess each other's. */
  private newId(): Long {
    for (;;) {
      const id = Long.fromBits(randomBytes(4).readInt32LE(0), randomBytes(4).readInt32LE(0) & 0x7fffffff);
      if (!id.isZero() && !this.cursors.has(id.toString())) return id;
    }
  }

  kill(id: Long): boolean {
    return this.cursors.delete(id.toString());
  }

  sweep(now = Date.now()): void {
    for (const [key, c] of this.cursors) if (now - c.lastUsed > IDLE_TIMEOUT_MS) this.cursors.delete(key);
  }

  clear(): void {
    this.cursors.clear();
  }

  private take(cursor: OpenCursor, batchSize: number): Uint8Array[] {
    const limit = batchSize > 0 ? batchSize : Infinity;
    const out: Uint8Array[] = [];
    let bytes = 0;
    while (cursor.pos < cursor.docs.length && out.length < limit) {
      const bson = serializeTyped(cursor.docs[cursor.pos]);
      if (out.length > 0 && bytes + bson.length > BATCH_BYTES) break;
      out.push(bson);
      bytes += bson.length;
      cursor.pos++;
    }
    // Drop references as we go so a long cursor doesn't pin everything it already returned.
    if (cursor.pos > 1024 && cursor.pos * 2 > cursor.docs.length) {
      cursor.docs = cursor.docs.slice(cursor.pos);
      cursor.pos = 0;
    }
    return out;
  }
}
