import { deserialize, serialize } from "bson";
import { describe, expect, it } from "vitest";
import { OP_MSG } from "./constants.js";
import { cursorReply } from "./cursor-reply.js";
import { FramingError, MessageFramer } from "./framing.js";
import { encodeOpMsg, parseMessage, ProtocolError } from "./messages.js";
import { Long } from "bson";

function opMsg(flags: number, sections: Buffer[], checksum = false): Buffer {
  const body = Buffer.concat(sections);
  const len = 16 + 4 + body.length + (checksum ? 4 : 0);
  const out = Buffer.alloc(len);
  out.writeInt32LE(len, 0);
  out.writeInt32LE(42, 4);
  out.writeInt32LE(OP_MSG, 12);
  out.writeUInt32LE(flags, 16);
  body.copy(out, 20);
  return out;
}

function kind0(doc: object): Buffer {
  return Buffer.concat([Buffer.from([0]), Buffer.from(serialize(doc))]);
}

function kind1(id: string, docs: object[]): Buffer {
  const payload = Buffer.concat([Buffer.from(id + "\0"), ...docs.map((d) => Buffer.from(serialize(d)))]);
  const size = Buffer.alloc(4);
  size.writeInt32LE(4 + payload.length, 0);
  return Buffer.concat([Buffer.from([1]), size, payload]);
}

describe("OP_MSG parsing", () => {
  it("merges kind-1 document sequences into the body", () => {
    const req = parseMessage(
      opMsg(0, [kind0({ insert: "c", $db: "d" }), kind1("documents", [{ a: 1 }, { a: 2 }])]),
    );
    expect(req).toMatchObject({
      kind: "msg",
      requestId: 42,
      moreToCome: false,
      body: { insert: "c", documents: [{ a: 1 }, { a: 2 }] },
    });
  });

  it("reads moreToCome and skips a trailing checksum", () => {
    const req = parseMessage(opMsg(0b11, [kind0({ ping: 1, $db: "d" })], true));
    expect(req).toMatchObject({ kind: "msg", moreToCome: true, body: { ping: 1 } });
  });

  it("rejects malformed sections", () => {
    expect(() => parseMessage(opMsg(0, [Buffer.from([9, 1, 2, 3])]))).toThrow(ProtocolError);
    expect(() => parseMessage(opMsg(0, [kind1("documents", [{ a: 1 }])]))).toThrow(/without body/);
    const twoBodies = opMsg(0, [kind0({ a: 1 }), kind0({ b: 1 })]);
    expect(() => parseMessage(twoBodies)).toThrow(ProtocolError);
    expect(() => parseMessage(opMsg(1 << 5, [kind0({ a: 1 })]))).toThrow(/flag/);
  });

  it("encodes replies that deserialize back", () => {
    const reply = encodeOpMsg(7, serialize({ ok: 1 }));
    expect(reply.readInt32LE(0)).toBe(reply.length);
    expect(reply.readInt32LE(8)).toBe(7);
    expect(deserialize(reply.subarray(21))).toEqual({ ok: 1 });
  });

  it("builds cursor replies from pre-encoded documents", () => {
    const docs = [{ a: 1 }, { b: "x" }].map((d) => serialize(d));
    const raw = cursorReply("firstBatch", docs, Long.fromString("9007199254740993"), "db.c");
    const parsed = deserialize(raw, { promoteLongs: false });
    expect(parsed.cursor.firstBatch).toEqual([{ a: 1 }, { b: "x" }]);
    expect(parsed.cursor.id.toString()).toBe("9007199254740993");
    expect(parsed).toMatchObject({ ok: 1, cursor: { ns: "db.c" } });
  });
});

describe("message framing", () => {
  const a = opMsg(0, [kind0({ ping: 1, $db: "d" })]);
  const b = opMsg(0, [kind0({ hello: 1, $db: "d" })]);

  it("splits and joins messages across chunk boundaries", () => {
    const f = new MessageFramer();
    const all = Buffer.concat([a, b]);
    const out: Buffer[] = [];
    for (let i = 0; i < all.length; i += 3) out.push(...f.push(all.subarray(i, i + 3)));
    expect(out.map((m) => m.equals(a) || m.equals(b))).toEqual([true, true]);
    expect(new MessageFramer().push(all)).toHaveLength(2);
    expect(f.pending).toBe(0);
  });

  it("refuses impossible lengths", () => {
    const neg = Buffer.alloc(16);
    neg.writeInt32LE(-1, 0);
    expect(() => new MessageFramer().push(neg)).toThrow(FramingError);
    const huge = Buffer.alloc(16);
    huge.writeInt32LE(48_000_001, 0);
    expect(() => new MessageFramer().push(huge)).toThrow(FramingError);
  });
});
