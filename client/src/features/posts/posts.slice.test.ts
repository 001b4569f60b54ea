import { beforeEach, describe, expect, it, vi } from "vitest";
import type { Ack } from "@rembuk/shared";
import { useStore } from "../../store";
import { apiError, bodyOf, calls, json, mockFetch } from "../../test/http";
import { apiErrorFromAck } from "../../lib/api";
import { readOutbox } from "./outbox";
import { realtime } from "./realtime";
import { makePost, makePresence, makeThread, THREAD_ID } from "./test/fixtures";

/**
 * The socket is scripted: `fake.connected` decides socket or REST, each command's ack comes from
 * `fake.acks[event]`, and every emit is recorded.
 */
const fake = {
  connected: false,
  emits: [] as Array<[string, unknown]>,
  acks: {} as Record<string, (payload: unknown) => Ack<unknown>>,
};

function scriptSocket() {
  vi.spyOn(realtime, "isConnected").mockImplementation(() => fake.connected);
  vi.spyOn(realtime, "command").mockImplementation(async (send) => {
    const timed = {
      emitWithAck: async (event: string, payload: unknown) => {
        fake.emits.push([event, payload]);
        return fake.acks[event]?.(payload) ?? { ok: true, data: null };
      },
    };
    // The scripted socket answers any command; the slice only reads the ack.
    const res = await send(timed as unknown as Parameters<typeof send>[0]);
    if (res.ok) return res.data;
    throw apiErrorFromAck(res.error);
  });
}

const state = () => useStore.getState();
const ME = makePost(1).author?.id ?? "";

beforeEach(() => {
  fake.connected = false;
  fake.emits = [];
  fake.acks = {};
  scriptSocket();
  useStore.setState({ currentUserId: ME, sessionStatus: "signedIn" });
});

async function settle() {
  for (let i = 0; i < 5; i++) await new Promise((r) => setTimeout(r, 0));
}

describe("opening a thread", () => {
  it("over REST when the socket is down: the latest page, the opening post, and the gap between", async () => {
    mockFetch({
      [`GET /api/threads/${THREAD_ID}`]: () =>
        json(200, { thread: makeThread({ lastSeq: 80, postCount: 80, lastReadSeq: 75, unreadCount: 5 }) }),
      [`GET /api/threads/${THREAD_ID}/posts`]: ({ url }) =>
        url.searchParams.get("beforeSeq")
          ? json(200, { posts: [31, 32, 80].map((s) => makePost(s)), headSeq: 80, hasMore: true })
          : json(200, { posts: [makePost(1)], headSeq: 80, hasMore: true }),
    });
    state().openThread(THREAD_ID);
    await settle();
    const view = state().threadViews[THREAD_ID];
    expect(view).toMatchObject({
      status: "ready",
      live: false,
      syncedSeq: 80,
      gapBefore: 31,
      lastReadAtOpen: 75,
    });
    expect(state().postIdsByThread[THREAD_ID]).toEqual([1, 31, 32, 80].map((s) => makePost(s).id));
  });

  it("answers a missing or hidden thread with notFound and loads nothing else", async () => {
    const spy = mockFetch({ [`GET /api/threads/${THREAD_ID}`]: () => apiError(404, "NOT_FOUND") });
    state().openThread(THREAD_ID);
    await settle();
    expect(state().threadViews[THREAD_ID]).toMatchObject({ status: "error", error: "notFound" });
    expect(state().postIdsByThread[THREAD_ID]).toBeUndefined();
    expect(calls(spy)).toEqual([`GET /api/threads/${THREAD_ID}`]);
  });

  it("over the socket, and after a reconnect rejoins with afterSeq = the last seq held without a hole", async () => {
    fake.connected = true;
    mockFetch({ [`GET /api/threads/${THREAD_ID}`]: () => json(200, { thread: makeThread({ lastSeq: 3 }) }) });
    fake.acks["thread:join"] = () => ({
      ok: true,
      data: {
        headSeq: 3,
        missed: [1, 2, 3].map((s) => makePost(s)),
        presence: makePresence({ count: 2, guests: 2 }),
      },
    });
    state().openThread(THREAD_ID);
    await settle();
    expect(fake.emits[0]).toEqual(["thread:join", { threadId: THREAD_ID }]);
    expect(state().threadPresence[THREAD_ID]?.count).toBe(2);

    // Live: 4 arrives, 6 arrives before 5 → held without a hole up to 4 only.
    state().internal_postCreated(makePost(4));
    state().internal_postCreated(makePost(6));
    expect(state().threadViews[THREAD_ID]?.syncedSeq).toBe(4);

    fake.acks["thread:join"] = () => ({
      ok: true,
      data: { headSeq: 7, missed: [5, 6, 7].map((s) => makePost(s)), presence: makePresence() },
    });
    // Meanwhile post 2 was edited and post 3 deleted: the refreshed latest page brings that too.
    mockFetch({
      [`GET /api/threads/${THREAD_ID}`]: () => json(200, { thread: makeThread({ lastSeq: 7 }) }),
      [`GET /api/threads/${THREAD_ID}/posts`]: () =>
        json(200, {
          posts: [
            makePost(2, { body: "Diubah", editedAt: "2026-01-12T00:00:00.000Z" }),
            makePost(3, { deleted: true, body: null, html: null }),
          ],
          headSeq: 7,
          hasMore: true,
        }),
    });
    state().internal_rejoinThreads();
    await settle();
    expect(state().postsById[makePost(2).id]?.body).toBe("Diubah");
    expect(state().postsById[makePost(3).id]?.deleted).toBe(true);
    expect(fake.emits.at(-1)).toEqual(["thread:join", { threadId: THREAD_ID, afterSeq: 4 }]);
    expect(state().postIdsByThread[THREAD_ID]).toEqual([1, 2, 3, 4, 5, 6, 7].map((s) => makePost(s).id));
    expect(state().threadViews[THREAD_ID]?.syncedSeq).toBe(7);
  });
});

describe("fetching the thread once per page load", () => {
  it("the socket's first connect after the page opened reuses the opening fetch; a later reconnect fetches again", async () => {
    const spy = mockFetch({
      [`GET /api/threads/${THREAD_ID}`]: () => json(200, { thread: makeThread({ lastSeq: 1 }) }),
      [`GET /api/threads/${THREAD_ID}/posts`]: () =>
        json(200, { posts: [makePost(1)], headSeq: 1, hasMore: false }),
    });
    fake.acks["thread:join"] = () => ({
      ok: true,
      data: { headSeq: 1, missed: [], presence: makePresence() },
    });
    state().openThread(THREAD_ID);
    // The socket connects while (or just after) the page loads over REST.
    fake.connected = true;
    state().internal_rejoinThreads();
    await settle();
    const threadGets = () => calls(spy).filter((c) => c === `GET /api/threads/${THREAD_ID}`).length;
    expect(threadGets()).toBe(1);
    // A real drop and reconnect: the thread may have changed meanwhile.
    state().internal_rejoinThreads();
    await settle();
    expect(threadGets()).toBe(2);
    state().closeThread(THREAD_ID);
  });
});

describe("loading earlier posts", () => {
  it("fills the gap page by page and closes it when it reaches the opening post", async () => {
    useStore.setState({
      threadViews: {
        [THREAD_ID]: {
          joins: 1,
          status: "ready",
          error: null,
          live: true,
          syncedSeq: 80,
          gapBefore: 61,
          loadingEarlier: false,
          lastReadAtOpen: 0,
        },
      },
    });
    state().internal_receivePosts(
      THREAD_ID,
      [1, 61, 62].map((s) => makePost(s)),
    );
    const spy = mockFetch({
      [`GET /api/threads/${THREAD_ID}/posts`]: ({ url }) =>
        url.searchParams.get("beforeSeq") === "61"
          ? json(200, { posts: [31, 40, 60].map((s) => makePost(s)), headSeq: 80, hasMore: true })
          : json(200, { posts: [1, 2, 30].map((s) => makePost(s)), headSeq: 80, hasMore: false }),
    });
    await state().loadEarlierPosts(THREAD_ID);
    expect(state().threadViews[THREAD_ID]?.gapBefore).toBe(31);
    await state().loadEarlierPosts(THREAD_ID);
    expect(state().threadViews[THREAD_ID]?.gapBefore).toBeNull();
    expect(state().postIdsByThread[THREAD_ID]).toEqual(
      [1, 2, 30, 31, 40, 60, 61, 62].map((s) => makePost(s).id),
    );
    await state().loadEarlierPosts(THREAD_ID);
    expect(spy).toHaveBeenCalledTimes(2);
  });
});

describe("live posts", () => {
  it("shows a post once however many times it arrives (broadcast, catch-up, ack)", () => {
    state().openThread(THREAD_ID);
    for (let i = 0; i < 3; i++) state().internal_postCreated(makePost(2));
    state().internal_receivePosts(THREAD_ID, [makePost(2), makePost(1)]);
    expect(state().postIdsByThread[THREAD_ID]).toEqual([makePost(1).id, makePost(2).id]);
  });

  it("ignores posts of threads this tab does not hold", () => {
    state().internal_postCreated(makePost(1, { threadId: "b00000000000000000000009" }));
    expect(state().postIdsByThread).toEqual({});
  });

  it("turns a deleted post into a tombstone in place", () => {
    state().openThread(THREAD_ID);
    state().internal_postCreated(makePost(2));
    state().internal_postDeleted({ threadId: THREAD_ID, postId: makePost(2).id, seq: 2 });
    expect(state().postsById[makePost(2).id]).toMatchObject({
      deleted: true,
      body: null,
      html: null,
      seq: 2,
    });
  });
});

describe("sending", () => {
  it("keeps the send in the outbox (and localStorage) until confirmed, then shows the post", async () => {
    let release: () => void = () => undefined;
    mockFetch({
      [`POST /api/threads/${THREAD_ID}/posts`]: ({ body }) =>
        new Promise((resolve) => {
          release = () => resolve(json(201, { post: makePost(2, { body: "Halo semua" }) }));
          expect(body).toMatchObject({ body: "Halo semua" });
        }),
    });
    state().openThread(THREAD_ID);
    state().setDraft(THREAD_ID, { body: "Halo semua", replyTo: null });
    state().sendPost(THREAD_ID, "Halo semua", null);
    const [entry] = Object.values(state().outbox);
    expect(entry).toMatchObject({ status: "sending", body: "Halo semua" });
    expect(readOutbox(THREAD_ID)).toHaveLength(1);
    expect(state().drafts[THREAD_ID]?.body).toBe("");
    release();
    await settle();
    expect(state().outbox).toEqual({});
    expect(readOutbox(THREAD_ID)).toEqual([]);
    expect(state().postIdsByThread[THREAD_ID]).toEqual([makePost(2).id]);
  });

  it("a failed send stays, with its reason; retry sends the SAME clientId; reconnect re-sends network failures only", async () => {
    let fail = true;
    const spy = mockFetch({
      [`POST /api/threads/${THREAD_ID}/posts`]: () =>
        fail ? Promise.reject(new TypeError("Failed to fetch")) : json(200, { post: makePost(2) }),
    });
    state().openThread(THREAD_ID);
    state().sendPost(THREAD_ID, "Halo", null);
    await settle();
    const [failed] = Object.values(state().outbox);
    expect(failed).toMatchObject({ status: "failed", error: { code: "NETWORK" } });
    expect(readOutbox(THREAD_ID)[0]?.status).toBe("failed");

    fail = false;
    state().internal_flushOutbox();
    await settle();
    const sent = spy.mock.calls
      .filter(([, init]) => init?.method === "POST")
      .map(([, init]) => JSON.parse(String(init?.body)).clientId);
    expect(sent).toHaveLength(2);
    expect(sent[1]).toBe(sent[0]);
    expect(state().outbox).toEqual({});
  });

  it("a slow-mode refusal says when to retry and is not re-sent automatically before then", async () => {
    const spy = mockFetch({
      [`POST /api/threads/${THREAD_ID}/posts`]: () =>
        apiError(429, "SLOW_MODE", "Slow", { retryAfterSeconds: 30 }),
    });
    state().openThread(THREAD_ID);
    state().sendPost(THREAD_ID, "Cepat sekali", null);
    await settle();
    const [entry] = Object.values(state().outbox);
    expect(entry?.error?.code).toBe("SLOW_MODE");
    expect((entry?.error?.retryAt ?? 0) - Date.now()).toBeGreaterThan(28_000);
    state().internal_flushOutbox();
    await settle();
    expect(calls(spy).filter((c) => c.startsWith("POST"))).toHaveLength(1);
  });

  it("never sends another account's waiting posts", async () => {
    const spy = mockFetch({
      [`POST /api/threads/${THREAD_ID}/posts`]: () => json(201, { post: makePost(2) }),
    });
    state().sendPost(THREAD_ID, "Milik saya", null);
    await settle();
    spy.mockClear();
    useStore.setState({
      outbox: {
        x: {
          clientId: "othersabc1",
          threadId: THREAD_ID,
          userId: "someone-else",
          body: "Bukan milik saya",
          replyTo: null,
          createdAt: "2026-01-01T00:00:00.000Z",
          status: "failed",
          error: { code: "NETWORK", retryAt: null },
        },
      },
    });
    state().internal_flushOutbox();
    state().retryPost("othersabc1");
    await settle();
    expect(calls(spy)).toEqual([]);
    expect(bodyOf(spy, `POST /api/threads/${THREAD_ID}/posts`)).toBeUndefined();
  });

  it("restores outboxes a previous visit left, as failed, ready to re-send", () => {
    localStorage.setItem(
      `rembuk:outbox:${THREAD_ID}`,
      JSON.stringify([
        {
          clientId: "leftover01",
          threadId: THREAD_ID,
          userId: ME,
          body: "Tertinggal",
          replyTo: null,
          createdAt: "2026-01-01T00:00:00.000Z",
          status: "sending",
          error: null,
        },
      ]),
    );
    state().internal_restoreOutbox();
    expect(state().outbox.leftover01).toMatchObject({ status: "failed", error: { code: "NETWORK" } });
  });
});

describe("reactions", () => {
  it("moves the count at once and settles on the server's answer", async () => {
    fake.connected = true;
    state().openThread(THREAD_ID);
    state().internal_receivePosts(THREAD_ID, [makePost(1, { myReactions: [] })]);
    fake.acks["post:react"] = () => ({
      ok: true,
      data: makePost(1, {
        reactions: { like: 3, insightful: 0, thanks: 0, agree: 0 },
        myReactions: ["like"],
      }),
    });
    const pending = state().toggleReaction(makePost(1).id, "like");
    expect(state().postsById[makePost(1).id]?.reactions.like).toBe(1);
    await pending;
    expect(fake.emits.at(-1)).toEqual(["post:react", { postId: makePost(1).id, kind: "like", active: true }]);
    expect(state().postsById[makePost(1).id]).toMatchObject({
      reactions: { like: 3 },
      myReactions: ["like"],
    });
  });

  it("rolls back when the server refuses", async () => {
    fake.connected = true;
    state().internal_receivePosts(THREAD_ID, [makePost(1, { myReactions: [] })]);
    fake.acks["post:react"] = () => ({ ok: false, error: { code: "LOCKED", message: "Locked" } });
    await expect(state().toggleReaction(makePost(1).id, "thanks")).rejects.toMatchObject({ code: "LOCKED" });
    expect(state().postsById[makePost(1).id]).toMatchObject({ reactions: { thanks: 0 }, myReactions: [] });
  });
});
