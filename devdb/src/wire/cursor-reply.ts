import type { Long } from "bson";

/**
 * Builds `{cursor: {<batchKey>: [...docs], id, ns}, ok: 1}` directly from documents that are
 * already BSON-encoded. Encoding each result once lets the cursor cap its batches by byte size
 * without serialising twice, and keeps large result sets off bson's single shared buffer.
 */
export function cursorReply(
  batchKey: "firstBatch" | "nextBatch",
  docs: readonly Uint8Array[],
  id: Long,
  ns: string,
): Buffer {
  let arrayBody = 0;
  const indexKeys: Buffer[] = [];
  for (let i = 0; i < docs.length; i++) {
    const k = Buffer.from(String(i) + "\0", "latin1");
    indexKeys.push(k);
    arrayBody += 1 + k.length + docs[i].length;
  }
  const arraySize = 4 + arrayBody + 1;
  const nsBytes = Buffer.from(ns, "utf8");
  const batchName = Buffer.from(batchKey + "\0", "latin1");
  const cursorSize =
    4 + (1 + batchName.length + arraySize) + (1 + 3 + 8) + (1 + 3 + 4 + nsBytes.length + 1) + 1;
  const total = 4 + (1 + 7 + cursorSize) + (1 + 3 + 8) + 1;
  const out = Buffer.allocUnsafe(total);
  let o = 0;
  out.writeInt32LE(total, o);
  o += 4;
  out[o++] = 0x03;
  o += out.write("cursor\0", o, "latin1");
  out.writeInt32LE(cursorSize, o);
  o += 4;
  out[o++] = 0x04;
  o += batchName.copy(out, o);
  out.writeInt32LE(arraySize, o);
  o += 4;
  for (let i = 0; i < docs.length; i++) {
    out[o++] = 0x03;
    o += indexKeys[i].copy(out, o);
    out.set(docs[i], o);
    o += docs[i].length;
  }
  out[o++] = 0;
  out[o++] = 0x12;
  o += out.write("id\0", o, "latin1");
  out.writeInt32LE(id.low, o);
  out.writeInt32LE(id.high, o + 4);
  o += 8;
  out[o++] = 0x02;
  o += out.write("ns\0", o, "latin1");
  out.writeInt32LE(nsBytes.length + 1, o);
  o += 4;
  o += nsBytes.copy(out, o);
  out[o++] = 0;
  out[o++] = 0; // end of cursor
  out[o++] = 0x01;
  o += out.write("ok\0", o, "latin1");
  out.writeDoubleLE(1, o);
  out[o + 8] = 0;
  return out;
}
