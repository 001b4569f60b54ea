import type { Document } from "bson";
import { deserializeTyped, serializeTyped } from "../storage/num-types.js";
import { crc32 } from "node:zlib";

/** Each record: u32 payload length, u32 CRC-32 of the payload, then the BSON payload. */
export const RECORD_HEADER = 8;

export function frameRecord(record: Document): Buffer {
  const payload = serializeTyped(record);
  const out = Buffer.allocUnsafe(RECORD_HEADER + payload.length);
  out.writeUInt32LE(payload.length, 0);
  out.writeUInt32LE(crc32(payload), 4);
  out.set(payload, RECORD_HEADER);
  return out;
}

export interface ReadResult {
  records: Document[];
  /** Offset just past the last intact record; anything after it is a torn or corrupt tail. */
  validLength: number;
}

/** Reads records until the end or the first damaged one (short, bad checksum, bad BSON). */
export function readRecords(buf: Buffer, onRecord?: (rec: Document) => void): ReadResult {
  const records: Document[] = [];
  let offset = 0;
  while (offset + RECORD_HEADER <= buf.length) {
    const length = buf.readUInt32LE(offset);
    const end = offset + RECORD_HEADER + length;
    if (length < 5 || end > buf.length) break;
    const payload = buf.subarray(offset + RECORD_HEADER, end);
    if (crc32(payload) !== buf.readUInt32LE(offset + 4)) break;
    let rec: Document;
    try {
      rec = deserializeTyped(payload);
    } catch {
      break;
    }
    if (onRecord) onRecord(rec);
    else records.push(rec);
    offset = end;
  }
  return { records, validLength: offset };
}
