import { beforeEach, describe, expect, it } from "vitest";
import { useStore } from "../../store";
import { bodyOf, json, mockFetch } from "../../test/http";
import { setSendTransport } from "../../lib/send";
import { makeRoom, makeThread, ROOM_ID, THREAD_ID } from "../posts/test/fixtures";
import { listKey } from "./threads.slice";

const state = () => useStore.getState();
const room = { id: ROOM_ID, slug: "inovasi-pelayanan-publik" };

beforeEach(() => {
  setSendTransport({ connected: () => false, emitWithAck: () => Promise.reject(new Error("offline")) });
  useStore.setState({ currentUserId: "c00000000000000000000900", sessionStatus: "signedIn" });
});

describe("thread lists", () => {
  it("pages with the cursor and puts a live new thread at the top", async () => {
    const spy = mockFetch({
      "GET /api/rooms/inovasi-pelayanan-publik/threads": ({ url }) =>
        url.searchParams.get("cursor") === "c1"
          ? json(200, {
              threads: [makeThread({ id: "t3", lastActivityAt: "2026-01-01T00:00:00.000Z" })],
              nextCursor: null,
            })
          : json(200, { threads: [makeThread({ id: "t1" }), makeThread({ id: "t2" })], nextCursor: "c1" }),
    });
    await state().loadThreads(room, "new");
    await state().loadThreads(room, "new", { more: true });
    expect(state().threadLists[listKey(ROOM_ID, "new")]).toMatchObject({
      ids: ["t1", "t2", "t3"],
      nextCursor: null,
      status: "ready",
    });
    expect(spy.mock.calls[1]?.[0]).toContain("cursor=c1");

    state().internal_receiveRooms([makeRoom({ threadCount: 3 })]);
    state().internal_threadCreated(makeThread({ id: "t9", createdAt: "2026-02-01T00:00:00.000Z" }));
    expect(state().threadLists[listKey(ROOM_ID, "new")]?.ids[0]).toBe("t9");
    expect(state().roomsById[ROOM_ID]?.threadCount).toBe(4);
  });

  it("does not load a next page when there is none", async () => {
    const spy = mockFetch({
      "GET /api/rooms/inovasi-pelayanan-publik/threads": () =>
        json(200, { threads: [makeThread()], nextCursor: null }),
    });
    await state().loadThreads(room, "top");
    await state().loadThreads(room, "top", { more: true });
    expect(spy).toHaveBeenCalledTimes(1);
  });
});

describe("unread counts", () => {
  it("grow when a thread the viewer is not reading gets posts, and the room counts it once", () => {
    state().internal_receiveRooms([makeRoom({ unreadThreads: 0 })]);
    state().internal_receiveThreads([makeThread({ postCount: 3, unreadCount: 0, lastReadSeq: 3 })]);
    state().internal_threadUpdated(makeThread({ postCount: 5, lastSeq: 5 }));
    state().internal_threadUpdated(makeThread({ postCount: 6, lastSeq: 6 }));
    expect(state().threadsById[THREAD_ID]).toMatchObject({ unreadCount: 3, lastReadSeq: 3 });
    expect(state().roomsById[ROOM_ID]?.unreadThreads).toBe(1);
  });

  it("stay at zero for the thread the viewer has open", () => {
    state().internal_receiveThreads([makeThread({ postCount: 3, unreadCount: 0, lastReadSeq: 3 })]);
    useStore.setState({
      threadViews: {
        [THREAD_ID]: {
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
    state().internal_threadUpdated(makeThread({ postCount: 5, lastSeq: 5 }));
    expect(state().threadsById[THREAD_ID]).toMatchObject({ unreadCount: 0, lastReadSeq: 5 });
  });

  it("marking read clears the count and tells the server the seq", async () => {
    const spy = mockFetch({
      [`POST /api/threads/${THREAD_ID}/read`]: () =>
        json(200, { read: { threadId: THREAD_ID, lastReadSeq: 6, unreadCount: 0 } }),
    });
    state().internal_receiveRooms([makeRoom({ unreadThreads: 1 })]);
    state().internal_receiveThreads([makeThread({ lastSeq: 6, unreadCount: 3, lastReadSeq: 3 })]);
    await state().markThreadRead(THREAD_ID, 6);
    expect(bodyOf(spy, `POST /api/threads/${THREAD_ID}/read`)).toEqual({ seq: 6 });
    expect(state().threadsById[THREAD_ID]).toMatchObject({ unreadCount: 0, lastReadSeq: 6 });
    expect(state().roomsById[ROOM_ID]?.unreadThreads).toBe(0);
  });

  it("guests have no read marks to send", async () => {
    useStore.setState({ currentUserId: null });
    const spy = mockFetch({});
    state().internal_receiveThreads([makeThread()]);
    await state().markThreadRead(THREAD_ID, 1);
    expect(spy).not.toHaveBeenCalled();
  });
});

describe("thread:removed", () => {
  it("drops the thread from the room's lists and counts, and closes it for a reader who may no longer see it", async () => {
    mockFetch({
      "GET /api/rooms/inovasi-pelayanan-publik/threads": () =>
        json(200, { threads: [makeThread(), makeThread({ id: "t2" })], nextCursor: null }),
      [`GET /api/threads/${THREAD_ID}`]: () => json(404, { error: { code: "NOT_FOUND", message: "Thread" } }),
    });
    state().internal_receiveRooms([makeRoom({ threadCount: 2 })]);
    await state().loadThreads(room, "activity");
    useStore.setState({
      threadViews: {
        [THREAD_ID]: {
          joins: 1,
          status: "ready",
          error: null,
          live: true,
          syncedSeq: 1,
          gapBefore: null,
          loadingEarlier: false,
          lastReadAtOpen: 0,
        },
      },
    });
    state().internal_threadRemoved({ threadId: THREAD_ID, roomId: ROOM_ID, reason: "hidden" });
    expect(state().threadLists[listKey(ROOM_ID, "activity")]?.ids).toEqual(["t2"]);
    expect(state().roomsById[ROOM_ID]?.threadCount).toBe(1);
    await new Promise((r) => setTimeout(r, 0));
    await new Promise((r) => setTimeout(r, 0));
    expect(state().threadViews[THREAD_ID]).toMatchObject({ status: "error", error: "notFound" });
  });

  it("keeps the thread open for someone who may still see it (its author, a moderator)", async () => {
    mockFetch({
      [`GET /api/threads/${THREAD_ID}`]: () => json(200, { thread: makeThread({ status: "hidden" }) }),
    });
    useStore.setState({
      threadViews: {
        [THREAD_ID]: {
          joins: 1,
          status: "ready",
          error: null,
          live: true,
          syncedSeq: 1,
          gapBefore: null,
          loadingEarlier: false,
          lastReadAtOpen: 0,
        },
      },
    });
    state().internal_threadRemoved({ threadId: THREAD_ID, roomId: ROOM_ID, reason: "hidden" });
    await new Promise((r) => setTimeout(r, 0));
    await new Promise((r) => setTimeout(r, 0));
    expect(state().threadViews[THREAD_ID]?.status).toBe("ready");
    expect(state().threadsById[THREAD_ID]?.status).toBe("hidden");
  });
});

describe("abilities", () => {
  const can = {
    reply: true,
    moderate: false,
    flag: true,
    promote: false,
    editPractice: false,
    othersPost: { edit: false, delete: false, flag: true, moderate: false, suspendAuthor: false },
  };

  it("survive a broadcast copy of the thread, which never carries the viewer's own", () => {
    state().internal_receiveThreads([makeThread({ can, unreadCount: 0, lastReadSeq: 3 })]);
    state().internal_threadUpdated(makeThread({ postCount: 5, lastSeq: 5 }));
    expect(state().threadsById[THREAD_ID]?.can).toEqual(can);
    state().internal_threadCreated(makeThread({ postCount: 6, lastSeq: 6 }));
    expect(state().threadsById[THREAD_ID]?.can).toEqual(can);
  });
});
