import type { Document } from "bson";
import { deserializeTyped, serializeTyped } from "../storage/num-types.js";
import { inflateSync } from "node:zlib";
import {
  HEADER_SIZE,
  MSG_FLAG_CHECKSUM_PRESENT,
  MSG_FLAG_EXHAUST_ALLOWED,
  MSG_FLAG_MORE_TO_COME,
  OP_COMPRESSED,
  OP_MSG,
  OP_QUERY,
  OP_REPLY,
  MAX_MESSAGE_SIZE_BYTES,
} from "./constants.js";

export class ProtocolError extends Error {}

export interface MsgRequest {
  kind: "msg";
  requestId: number;
  body: Document;
  moreToCome: boolean;
  exhaustAllowed: boolean;
}

export interface QueryRequest {
  kind: "query";
  requestId: number;
  collection: string;
  query: Document;
}

export type Request = MsgRequest | QueryRequest;

function readCString(buf: Buffer, offset: number): [string, number] {
  const end = buf.indexOf(0, offset);
  if (end < 0) throw new ProtocolError("unterminated cstring");
  return [buf.toString("utf8", offset, end), end + 1];
}

function readDocument(buf: Buffer, offset: number, limit: number): [Document, number] {
  if (offset + 5 > limit) throw new ProtocolError("truncated BSON document");
  const size = buf.readInt32LE(offset);
  if (size < 5 || offset + size > limit) throw new ProtocolError(`invalid BSON document size ${size}`);
  try {
    return [deserializeTyped(buf.subarray(offset, offset + size)), offset + size];
  } catch (err) {
    throw new ProtocolError(`malformed BSON: ${(err as Error).message}`);
  }
}

function parseOpMsg(requestId: number, buf: Buffer): MsgRequest {
  let offset = HEADER_SIZE;
  if (buf.length < offset + 5) throw new ProtocolError("OP_MSG too short");
  const flags = buf.readUInt32LE(offset);
  offset += 4;
  // Required bits other than the three we know are reserved; a client setting them expects
  // semantics we don't have, so refusing is safer than guessing.
  if (flags & 0xffff & ~(MSG_FLAG_CHECKSUM_PRESENT | MSG_FLAG_MORE_TO_COME)) {
    throw new ProtocolError(`unsupported OP_MSG flag bits ${flags}`);
  }
  const end = flags & MSG_FLAG_CHECKSUM_PRESENT ? buf.length - 4 : buf.length;
  let body: Document | undefined;
  const sequences: Array<[string, Document[]]> = [];
  while (offset < end) {
    const kind = buf[offset++];
    if (kind === 0) {
      if (body) throw new ProtocolError("OP_MSG has more than one body section");
      [body, offset] = readDocument(buf, offset, end);
    } else if (kind === 1) {
      if (offset + 4 > end) throw new ProtocolError("truncated document sequence");
      const size = buf.readInt32LE(offset);
      const seqEnd = offset + size;
      if (size < 5 || seqEnd > end) throw new ProtocolError("invalid document sequence size");
      const [identifier, start] = readCString(buf, offset + 4);
      let pos = start;
      const docs: Document[] = [];
      while (pos < seqEnd) {
        let doc: Document;
        [doc, pos] = readDocument(buf, pos, seqEnd);
        docs.push(doc);
      }
      sequences.push([identifier, docs]);
      offset = seqEnd;
    } else {
      throw new ProtocolError(`unknown OP_MSG section kind ${kind}`);
    }
  }
  if (!body) throw new ProtocolError("OP_MSG without body section");
  for (const [identifier, docs] of sequences) {
    const existing: unknown = body[identifier];
    body[identifier] = Array.isArray(existing) ? existing.concat(docs) : docs;
  }
  return {
    kind: "msg",
    requestId,
    body,
    moreToCome: (flags & MSG_FLAG_MORE_TO_COME) !== 0,
    exhaustAllowed: (flags & MSG_FLAG_EXHAUST_ALLOWED) !== 0,
  };
}

function parseOpQuery(requestId: number, buf: Buffer): QueryRequest {
  let offset = HEADER_SIZE + 4; // flags are irrelevant for the handshake
  if (buf.length < offset + 1) throw new ProtocolError("OP_QUERY too short");
  const [collection, afterName] = readCString(buf, offset);
  offset = afterName + 8; // numberToSkip, numberToReturn
  const [query] = readDocument(buf, offset, buf.length);
  return { kind: "query", requestId, collection, query };
}

function decompress(buf: Buffer): Buffer {
  if (buf.length < HEADER_SIZE + 9) throw new ProtocolError("OP_COMPRESSED too short");
  const originalOpcode = buf.readInt32LE(HEADER_SIZE);
  const uncompressedSize = buf.readInt32LE(HEADER_SIZE + 4);
  const compressorId = buf[HEADER_SIZE + 8];
  if (uncompressedSize < 0 || uncompressedSize > MAX_MESSAGE_SIZE_BYTES) {
    throw new ProtocolError(`invalid uncompressed size ${uncompressedSize}`);
  }
  const payload = buf.subarray(HEADER_SIZE + 9);
  let body: Buffer;
  if (compressorId === 0) body = payload;
  else if (compressorId === 2) {
    try {
      body = inflateSync(payload, { maxOutputLength: MAX_MESSAGE_SIZE_BYTES });
    } catch (err) {
      throw new ProtocolError(`zlib: ${(err as Error).message}`);
    }
  } else throw new ProtocolError(`unsupported compressor ${compressorId}`);
  if (body.length !== uncompressedSize) throw new ProtocolError("uncompressed size mismatch");
  const out = Buffer.allocUnsafe(HEADER_SIZE + body.length);
  buf.copy(out, 0, 0, HEADER_SIZE);
  out.writeInt32LE(out.length, 0);
  out.writeInt32LE(originalOpcode, 12);
  body.copy(out, HEADER_SIZE);
  return out;
}

/** Parses one framed message. Throws ProtocolError for anything we can't serve. */
export function parseMessage(raw: Buffer): Request {
  const requestId = raw.readInt32LE(4);
  let buf = raw;
  let opCode = raw.readInt32LE(12);
  if (opCode === OP_COMPRESSED) {
    buf = decompress(raw);
    opCode = buf.readInt32LE(12);
  }
  if (opCode === OP_MSG) return parseOpMsg(requestId, buf);
  if (opCode === OP_QUERY) return parseOpQuery(requestId, buf);
  throw new ProtocolError(`unsupported opcode ${opCode}`);
}

let nextResponseId = 1;

function header(length: number, responseTo: number, opCode: number): Buffer {
  const h = Buffer.allocUnsafe(HEADER_SIZE);
  h.writeInt32LE(length, 0);
  h.writeInt32LE(nextResponseId++ & 0x7fffffff, 4);
  h.writeInt32LE(responseTo, 8);
  h.writeInt32LE(opCode, 12);
  return h;
}

export function toBson(reply: Document | Uint8Array): Uint8Array {
  return reply instanceof Uint8Array ? reply : serializeTyped(reply);
}

export function encodeOpMsg(responseTo: number, body: Uint8Array): Buffer {
  const length = HEADER_SIZE + 5 + body.length;
  const out = Buffer.allocUnsafe(length);
  header(length, responseTo, OP_MSG).copy(out, 0);
  out.writeUInt32LE(0, HEADER_SIZE);
  out[HEADER_SIZE + 4] = 0;
  out.set(body, HEADER_SIZE + 5);
  return out;
}

export function encodeOpReply(responseTo: number, body: Uint8Array): Buffer {
  const length = HEADER_SIZE + 20 + body.length;
  const out = Buffer.allocUnsafe(length);
  header(length, responseTo, OP_REPLY).copy(out, 0);
  let o = HEADER_SIZE;
  out.writeInt32LE(8, o); // AwaitCapable, as a real server sets it
  out.writeBigInt64LE(0n, o + 4);
  out.writeInt32LE(0, o + 12);
  out.writeInt32LE(1, o + 16);
  o += 20;
  out.set(body, o);
  return out;
}
