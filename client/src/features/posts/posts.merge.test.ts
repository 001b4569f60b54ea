import { describe, expect, it } from "vitest";
import { advanceSynced, mergeIds, newerPost } from "./posts.merge";
import { makePost } from "./test/fixtures";

describe("mergeIds", () => {
  it("keeps ids ascending by seq and each seq once, whatever order and however often posts arrive", () => {
    const byId = Object.fromEntries([3, 1, 2, 5].map((s) => [makePost(s).id, makePost(s)]));
    const once = mergeIds([], [makePost(3), makePost(1)], byId);
    const twice = mergeIds(once, [makePost(2), makePost(3), makePost(1), makePost(5)], byId);
    expect(twice).toEqual([1, 2, 3, 5].map((s) => makePost(s).id));
  });

  it("puts posts waiting for a moderator (seq 0) after the numbered ones, and moves them when numbered", () => {
    const queued = makePost(0, {
      id: "d000000000000000000000aa",
      status: "queued",
      createdAt: "2026-01-10T09:00:00.000Z",
    });
    const byId: Record<string, ReturnType<typeof makePost>> = {
      [queued.id]: queued,
      [makePost(1).id]: makePost(1),
      [makePost(2).id]: makePost(2),
    };
    const ids = mergeIds([], [queued, makePost(2), makePost(1)], byId);
    expect(ids).toEqual([makePost(1).id, makePost(2).id, queued.id]);
    const approved = { ...queued, seq: 3, status: "published" as const };
    expect(mergeIds(ids, [approved], { ...byId, [queued.id]: approved })).toEqual([
      makePost(1).id,
      makePost(2).id,
      queued.id,
    ]);
    expect(
      mergeIds(ids, [approved], { ...byId, [queued.id]: approved, [makePost(4).id]: makePost(4) }).length,
    ).toBe(3);
  });

  it("changes nothing for an empty batch (same array back)", () => {
    const ids = [makePost(1).id];
    expect(mergeIds(ids, [], {})).toBe(ids);
  });
});

describe("newerPost", () => {
  it("takes an edit over the older text and keeps viewer-only fields the broadcast lacks", () => {
    const mine = makePost(1, { myReactions: ["like"], clientId: "client-123" });
    const edited = makePost(1, { body: "Baru", editedAt: "2026-01-11T00:00:00.000Z" });
    expect(newerPost(mine, edited)).toMatchObject({
      body: "Baru",
      myReactions: ["like"],
      clientId: "client-123",
    });
  });

  it("lets a later moderator decision win, even bringing a deleted post back", () => {
    const deleted = makePost(1, {
      deleted: true,
      body: null,
      html: null,
      moderatedAt: "2026-01-11T00:00:00.000Z",
    });
    const restored = makePost(1, { moderatedAt: "2026-01-12T00:00:00.000Z" });
    expect(newerPost(deleted, restored)).toMatchObject({ deleted: false, body: "Postingan 1" });
    expect(newerPost(restored, deleted)).toMatchObject({ deleted: false });
  });

  it("never lets an older snapshot undo an edit or a delete", () => {
    const edited = makePost(1, { body: "Baru", editedAt: "2026-01-11T00:00:00.000Z" });
    const stale = makePost(1, { body: "Lama", reactions: { like: 2, insightful: 0, thanks: 0, agree: 0 } });
    expect(newerPost(edited, stale)).toMatchObject({ body: "Baru", reactions: { like: 2 } });
    const deleted = makePost(1, { deleted: true, body: null, html: null });
    expect(newerPost(deleted, makePost(1))).toMatchObject({ deleted: true, body: null });
  });
});

describe("advanceSynced", () => {
  it("advances over consecutive seqs only", () => {
    expect(advanceSynced(3, [1, 2, 3, 4, 5, 7])).toBe(5);
  });

  it("stays put at a hole (a late post, or one the viewer cannot see)", () => {
    expect(advanceSynced(3, [5, 6])).toBe(3);
  });
});
