import { describe, expect, it } from "vitest";
import type { FlagDto, ModActionDto, PostDto, QueueItemDto, ThreadDto } from "@rembuk/shared";
import { useStore } from "../../store";
import { apiError, calls, json, mockFetch } from "../../test/http";
import { makeUser } from "../../test/fixtures";
import { flagListKey, moderationSelectors } from "./moderation.slice";

const state = () => useStore.getState();
const ME = "64b000000000000000000001";

const thread = (o: Partial<ThreadDto> = {}): ThreadDto => ({
  id: "t1",
  roomId: "r1",
  roomSlug: "inovasi",
  kind: "discussion",
  title: "Layanan desa",
  author: null,
  tags: [],
  pinned: false,
  featured: false,
  locked: false,
  status: "published",
  lastSeq: 3,
  postCount: 3,
  replyCount: 2,
  reactionCount: 0,
  lastActivityAt: "2026-11-20T01:00:00.000Z",
  createdAt: "2026-11-20T01:00:00.000Z",
  ...o,
});
const post = (o: Partial<PostDto> = {}): PostDto => ({
  id: "p1",
  threadId: "t1",
  roomId: "r1",
  seq: 0,
  author: null,
  body: "Usulan",
  html: "<p>Usulan</p>",
  mentions: [],
  replyTo: null,
  reactions: { like: 0, insightful: 0, thanks: 0, agree: 0 },
  status: "queued",
  deleted: false,
  editedAt: null,
  createdAt: "2026-11-20T01:00:00.000Z",
  ...o,
});
const item = (o: Partial<QueueItemDto> = {}): QueueItemDto => ({
  targetType: "post",
  id: "p1",
  roomId: "r1",
  roomSlug: "inovasi",
  roomName: { id: "Inovasi", en: "Innovation" },
  thread: thread(),
  post: post(),
  createdAt: "2026-11-20T01:00:00.000Z",
  ...o,
});
const flag = (o: Partial<FlagDto> = {}): FlagDto => ({
  id: "f1",
  targetType: "post",
  targetId: "p1",
  threadId: "t1",
  roomId: "r1",
  roomSlug: "inovasi",
  reason: "spam",
  note: null,
  status: "open",
  resolution: null,
  createdAt: "2026-11-20T01:00:00.000Z",
  updatedAt: "2026-11-20T01:00:00.000Z",
  assignee: null,
  ...o,
});
const scope = { global: true, roomIds: [], queueCount: 0, openFlagCount: 0 };

describe("moderation slice: the queue", () => {
  it("adds an item once, counts it, and drops it when decided", () => {
    useStore.setState({ modScope: scope });
    state().internal_queued(item());
    state().internal_queued(item({ post: post({ body: "Usulan (diperbaiki)" }) }));
    expect(state().queueOrder).toEqual(["post:p1"]);
    expect(state().queueById["post:p1"].post.body).toBe("Usulan (diperbaiki)");
    expect(state().modScope?.queueCount).toBe(1);
    state().internal_unqueued({
      targetType: "post",
      id: "p1",
      roomId: "r1",
      threadId: "t1",
      outcome: "approved",
    });
    expect(state().queueOrder).toEqual([]);
    expect(state().modScope?.queueCount).toBe(0);
    // Deciding something this tab never listed changes nothing (and never goes below zero).
    state().internal_unqueued({
      targetType: "thread",
      id: "t9",
      roomId: "r1",
      threadId: "t9",
      outcome: "rejected",
    });
    expect(state().modScope?.queueCount).toBe(0);
  });

  it("puts a waiting reply into the thread a moderator is reading, not into others", () => {
    useStore.setState({
      threadViews: {
        t1: {
          joins: 1,
          status: "ready",
          error: null,
          live: true,
          syncedSeq: 3,
          gapBefore: null,
          loadingEarlier: false,
          lastReadAtOpen: 3,
        },
      },
    });
    state().internal_queued(item());
    expect(state().postIdsByThread.t1).toEqual(["p1"]);
    state().internal_queued(
      item({ id: "p2", post: post({ id: "p2", threadId: "t2" }), thread: thread({ id: "t2" }) }),
    );
    expect(state().postIdsByThread.t2).toBeUndefined();
  });
});

describe("moderation slice: flags", () => {
  it("places live flags in the lists they fit and moves them when closed or assigned", () => {
    useStore.setState({
      currentUserId: ME,
      modScope: scope,
      flagLists: {
        [flagListKey("open", "all")]: { ids: [], nextCursor: null, status: "ready" },
        [flagListKey("open", "me")]: { ids: [], nextCursor: null, status: "ready" },
        [flagListKey("resolved", "all")]: { ids: [], nextCursor: null, status: "ready" },
      },
    });
    state().internal_flagChanged(flag(), true);
    expect(moderationSelectors.flagList("open", "all")(state()).ids).toEqual(["f1"]);
    expect(moderationSelectors.flagList("open", "me")(state()).ids).toEqual([]);
    expect(state().modScope?.openFlagCount).toBe(1);

    state().internal_flagChanged(
      flag({
        assignee: { id: ME, name: "Siti", title: "", affiliation: null, verified: true, role: "moderator" },
      }),
      false,
    );
    expect(moderationSelectors.flagList("open", "me")(state()).ids).toEqual(["f1"]);
    expect(state().modScope?.openFlagCount).toBe(1);

    state().internal_flagChanged(
      flag({
        status: "resolved",
        resolution: { status: "resolved", note: null, at: "2026-11-20T02:00:00.000Z" },
      }),
      false,
    );
    expect(moderationSelectors.flagList("open", "all")(state()).ids).toEqual([]);
    expect(moderationSelectors.flagList("resolved", "all")(state()).ids).toEqual(["f1"]);
    expect(state().modScope?.openFlagCount).toBe(0);
  });

  it("remembers a flag the member sent, and also one the server says already exists", async () => {
    mockFetch({
      "POST /api/flags": ({ body }) =>
        (body as { targetId: string }).targetId === "p1"
          ? json(201, { flag: flag() })
          : apiError(409, "CONFLICT", "Already flagged"),
    });
    await state().flagContent({ targetType: "post", targetId: "p1", reason: "spam" });
    await expect(
      state().flagContent({ targetType: "post", targetId: "p2", reason: "spam" }),
    ).rejects.toMatchObject({ code: "CONFLICT" });
    expect(state().flaggedTargets).toEqual({ p1: true, p2: true });
  });
});

describe("moderation slice: tools and the log", () => {
  it("a moderator's hide updates the post in the thread and the flags that point at it", async () => {
    useStore.setState({
      flagsById: {
        f1: flag({
          target: {
            type: "post",
            id: "p1",
            threadId: "t1",
            threadTitle: "Layanan desa",
            seq: 2,
            excerpt: "x",
            author: null,
            status: "published",
            deleted: false,
          },
        }),
      },
    });
    const hidden = post({
      seq: 2,
      status: "hidden",
      moderation: { state: "hidden", reason: "Data pribadi", at: "2026-11-20T02:00:00.000Z" },
    });
    const fetch = mockFetch({ "POST /api/posts/p1/moderate": () => json(200, { post: hidden }) });
    await state().moderatePost("p1", { action: "hide", reason: "Data pribadi" });
    expect(calls(fetch)).toEqual(["POST /api/posts/p1/moderate"]);
    expect(state().postsById.p1).toMatchObject({ status: "hidden" });
    expect(state().flagsById.f1.target?.status).toBe("hidden");
  });

  it("a refused action changes nothing", async () => {
    mockFetch({ "POST /api/threads/t1/moderate": () => apiError(403, "FORBIDDEN") });
    useStore.setState({ threadsById: { t1: thread() } });
    await expect(state().moderateThread("t1", { action: "lock" })).rejects.toMatchObject({
      code: "FORBIDDEN",
    });
    expect(state().threadsById.t1.locked).toBe(false);
  });

  it("prepends live log rows when unfiltered, and counts them when a filter is on", () => {
    const entry = (id: string): ModActionDto => ({
      id,
      action: "thread.lock",
      actor: null,
      targetType: "thread",
      targetId: "t1",
      targetLabel: "Layanan desa",
      roomId: "r1",
      roomSlug: "inovasi",
      threadId: "t1",
      reason: null,
      before: { locked: false },
      after: { locked: true },
      createdAt: "2026-11-20T02:00:00.000Z",
    });
    useStore.setState({
      modLog: {
        entries: [entry("a")],
        nextCursor: null,
        status: "ready",
        filters: { actorId: "", action: "", roomSlug: "", from: "", to: "" },
        fresh: 0,
      },
    });
    state().internal_logCreated(entry("b"));
    state().internal_logCreated(entry("b"));
    expect(state().modLog.entries.map((e) => e.id)).toEqual(["b", "a"]);
    useStore.setState({
      modLog: { ...state().modLog, filters: { ...state().modLog.filters, action: "post.hide" } },
    });
    state().internal_logCreated(entry("c"));
    expect(state().modLog.entries.map((e) => e.id)).toEqual(["b", "a"]);
    expect(state().modLog.fresh).toBe(1);
  });

  it("keeps the curated list in step with live thread changes, and tells authors in their language", () => {
    useStore.setState({ featuredIds: ["t1"], featuredStatus: "ready" });
    state().internal_featuredChanged(thread({ id: "t2", featured: true }));
    state().internal_featuredChanged(thread({ id: "t1", featured: false }));
    expect(state().featuredIds).toEqual(["t2"]);
    state().internal_featuredChanged(thread({ id: "t3", featured: true, status: "hidden" }));
    expect(state().featuredIds).toEqual(["t2"]);

    useStore.setState({ usersById: { [ME]: makeUser() }, currentUserId: ME });
    state().internal_notice({
      kind: "post.rejected",
      targetId: "p1",
      threadId: "t1",
      threadTitle: "Layanan desa",
      reason: "Promosi",
      at: "2026-11-20T02:00:00.000Z",
    });
    const [toast] = Object.values(state().toastsById);
    expect(toast).toMatchObject({
      message: "moderation.notice.post.rejected",
      params: { title: "Layanan desa", reason: "Promosi" },
    });
  });
});
