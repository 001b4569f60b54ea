import net from "node:net";
import { deflateSync } from "node:zlib";
import { deserialize, serialize, type Document } from "bson";
import { MongoClient } from "mongodb";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { startDevDb, type DevDb } from "../index.js";
import { OP_COMPRESSED, OP_MSG, OP_QUERY } from "./constants.js";

interface Outcome {
  reply?: Document;
  closed: boolean;
}

/** Sends raw bytes and reports the first reply (if any) or whether the server hung up. */
function exchange(
  port: number,
  bytes: Buffer,
  opts: { end?: boolean; waitMs?: number } = {},
): Promise<Outcome> {
  return new Promise((resolve) => {
    const socket = net.connect(port, "127.0.0.1");
    let data = Buffer.alloc(0);
    let settled = false;
    const finish = (o: Outcome): void => {
      if (settled) return;
      settled = true;
      clearTimeout(timer);
      socket.destroy();
      resolve(o);
    };
    const timer = setTimeout(() => finish({ closed: false }), opts.waitMs ?? 500);
    socket.on("connect", () => {
      socket.write(bytes);
      if (opts.end) socket.end();
    });
    socket.on("data", (chunk) => {
      data = Buffer.concat([data, chunk]);
      if (data.length >= 4 && data.length >= data.readInt32LE(0)) {
        const opCode = data.readInt32LE(12);
        const bodyAt = opCode === OP_MSG ? 21 : 36;
        finish({ reply: deserialize(data.subarray(bodyAt, data.readInt32LE(0))), closed: false });
      }
    });
    socket.on("error", () => finish({ closed: true }));
    socket.on("close", () => finish({ closed: true }));
  });
}

function header(length: number, opCode: number): Buffer {
  const h = Buffer.alloc(16);
  h.writeInt32LE(length, 0);
  h.writeInt32LE(7, 4);
  h.writeInt32LE(0, 8);
  h.writeInt32LE(opCode, 12);
  return h;
}

function opMsg(body: Buffer): Buffer {
  const flagsAndKind = Buffer.from([0, 0, 0, 0, 0]);
  return Buffer.concat([header(16 + 5 + body.length, OP_MSG), flagsAndKind, body]);
}

describe("bad input", () => {
  let db: DevDb;
  let client: MongoClient;

  beforeAll(async () => {
    db = await startDevDb({ inMemory: true });
  });

  afterAll(async () => {
    await client?.close();
    await db?.stop();
  });

  /** After each abuse a real driver client must still be served. */
  async function stillServes(): Promise<void> {
    const c = await MongoClient.connect(db.uri, { serverSelectionTimeoutMS: 2000 });
    try {
      expect(await c.db("bad").command({ ping: 1 })).toMatchObject({ ok: 1 });
      await c.db("bad").collection("c").insertOne({ ok: true });
      expect(await c.db("bad").collection("c").countDocuments()).toBeGreaterThan(0);
    } finally {
      await c.close();
    }
  }

  it("survives garbage bytes", async () => {
    const out = await exchange(db.port, Buffer.from("GET / HTTP/1.1\r\nHost: localhost\r\n\r\n"));
    expect(out.reply).toBeUndefined();
    await exchange(db.port, Buffer.from([1, 2, 3]), { end: true });
    await stillServes();
  });

  it("survives a truncated message followed by close", async () => {
    const msg = opMsg(Buffer.from(serialize({ ping: 1, $db: "admin" })));
    const out = await exchange(db.port, msg.subarray(0, msg.length - 9), { end: true });
    expect(out.reply).toBeUndefined();
    await stillServes();
  });

  it("closes on an oversized or negative length header", async () => {
    const huge = header(64 * 1024 * 1024, OP_MSG);
    expect((await exchange(db.port, huge)).closed).toBe(true);
    const negative = header(-20, OP_MSG);
    expect((await exchange(db.port, negative)).closed).toBe(true);
    const tooSmall = header(8, OP_MSG);
    expect((await exchange(db.port, tooSmall)).closed).toBe(true);
    await stillServes();
  });

  it("answers malformed BSON in OP_MSG with an error", async () => {
    const bad = Buffer.from(serialize({ ping: 1, $db: "admin" }));
    bad[4] = 0x7f; // an element type that doesn't exist
    const out = await exchange(db.port, opMsg(bad));
    expect(out.closed || out.reply?.ok === 0).toBe(true);
    const lying = Buffer.from(serialize({ ping: 1, $db: "admin" }));
    lying.writeInt32LE(lying.length + 50, 0); // document claims more bytes than the message has
    const out2 = await exchange(db.port, opMsg(lying));
    expect(out2.closed || out2.reply?.ok === 0).toBe(true);
    const noDb = await exchange(db.port, opMsg(Buffer.from(serialize({ ping: 1 }))));
    expect(noDb.reply?.ok).toBe(0);
    await stillServes();
  });

  it("closes on an unknown opcode", async () => {
    const body = Buffer.from(serialize({ ping: 1 }));
    const out = await exchange(db.port, Buffer.concat([header(16 + body.length, 4242), body]));
    expect(out.reply).toBeUndefined();
    expect(out.closed).toBe(true);
    await stillServes();
  });

  it("refuses legacy OP_QUERY for anything but the handshake", async () => {
    const query = Buffer.concat([
      Buffer.alloc(4),
      Buffer.from("bad.$cmd\0"),
      Buffer.from([0, 0, 0, 0, 255, 255, 255, 255]),
      Buffer.from(serialize({ find: "c" })),
    ]);
    const out = await exchange(db.port, Buffer.concat([header(16 + query.length, OP_QUERY), query]));
    expect(out.reply).toMatchObject({ ok: 0, code: 352 });
    await stillServes();
  });

  it("decompresses zlib OP_COMPRESSED requests", async () => {
    const inner = opMsg(Buffer.from(serialize({ ping: 1, $db: "admin" }))).subarray(16);
    const compressed = deflateSync(inner);
    const meta = Buffer.alloc(9);
    meta.writeInt32LE(OP_MSG, 0);
    meta.writeInt32LE(inner.length, 4);
    meta[8] = 2;
    const out = await exchange(
      db.port,
      Buffer.concat([header(16 + 9 + compressed.length, OP_COMPRESSED), meta, compressed]),
    );
    expect(out.reply).toMatchObject({ ok: 1 });
  });

  it("keeps serving a client that was connected during all of this", async () => {
    client = await MongoClient.connect(db.uri);
    const pending = Promise.all([
      exchange(db.port, Buffer.from("\xff\xff\xff\x7fjunkjunkjunkjunk", "latin1")),
      exchange(db.port, header(30, 77), { end: true }),
      client.db("bad").command({ ping: 1 }),
    ]);
    const [, , ping] = await pending;
    expect(ping).toMatchObject({ ok: 1 });
  });
});
