import { describe, expect, it } from "vitest";
import { ClientId } from "@rembuk/shared";
import {
  newClientId,
  readAllOutboxes,
  readDraft,
  readOutbox,
  writeDraft,
  writeOutbox,
  type OutboxEntry,
} from "./outbox";

const entry = (o: Partial<OutboxEntry> = {}): OutboxEntry => ({
  clientId: "abcdefgh12",
  threadId: "t1",
  userId: "u1",
  body: "Halo",
  replyTo: null,
  createdAt: "2026-01-01T00:00:00.000Z",
  status: "failed",
  error: { code: "NETWORK", retryAt: null },
  ...o,
});

describe("drafts and outbox in localStorage", () => {
  it("keeps a thread's draft and outbox across a reload, and finds every thread's outbox", () => {
    writeDraft("t1", {
      body: "Setengah jadi",
      replyTo: { id: "p1", seq: 2, authorName: "Ani", excerpt: "Apa?" },
    });
    writeOutbox("t1", [entry()]);
    writeOutbox("t2", [entry({ clientId: "zyxwvuts98", threadId: "t2" })]);
    expect(readDraft("t1")).toEqual({
      body: "Setengah jadi",
      replyTo: { id: "p1", seq: 2, authorName: "Ani", excerpt: "Apa?" },
    });
    expect(readOutbox("t1")).toEqual([entry()]);
    expect(
      readAllOutboxes()
        .map((e) => e.clientId)
        .sort(),
    ).toEqual(["abcdefgh12", "zyxwvuts98"]);
  });

  it("drops empty drafts and outboxes, and ignores entries it cannot read", () => {
    writeDraft("t1", { body: "x", replyTo: null });
    writeDraft("t1", { body: "", replyTo: null });
    expect(localStorage.getItem("rembuk:draft:t1")).toBeNull();
    writeOutbox("t1", []);
    expect(localStorage.getItem("rembuk:outbox:t1")).toBeNull();
    localStorage.setItem("rembuk:outbox:t3", JSON.stringify([{ clientId: 5 }, entry({ threadId: "t3" })]));
    localStorage.setItem("rembuk:draft:t4", "{not json");
    expect(readOutbox("t3")).toHaveLength(1);
    expect(readDraft("t4")).toBeNull();
  });
});

describe("newClientId", () => {
  it("makes keys the server accepts, different every time", () => {
    const ids = new Set(Array.from({ length: 200 }, newClientId));
    expect(ids.size).toBe(200);
    for (const id of ids) expect(ClientId.safeParse(id).success).toBe(true);
  });
});
