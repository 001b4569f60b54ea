import { describe, expect, it } from "vitest";
import { useStore } from "../../store";
import { apiError, bodyOf, json, mockFetch } from "../../test/http";
import { id, makeNotification, THREAD } from "./test/fixtures";

const ME = "64b000000000000000000001";

const signIn = () => useStore.setState({ sessionStatus: "signedIn", currentUserId: ME });
const s = () => useStore.getState();

describe("notifications slice", () => {
  it("counts a new entry once and a collapsed one (same id, count grown) not again", () => {
    signIn();
    useStore.setState({ notificationsUnread: 2 });
    s().internal_notificationCreated(makeNotification());
    expect(s().notificationsUnread).toBe(3);
    s().internal_notificationCreated(makeNotification({ count: 2 }));
    expect(s().notificationsUnread).toBe(3);
    expect(s().notificationsById[id(1)]?.count).toBe(2);
    // Collapsed into an entry this page never loaded: a count above one was counted when it began.
    s().internal_notificationCreated(makeNotification({ id: id(2), count: 4 }));
    expect(s().notificationsUnread).toBe(3);
  });

  it("puts live entries at the top of lists already shown, once, and leaves unloaded lists alone", async () => {
    signIn();
    mockFetch({
      "GET /api/notifications": () =>
        json(200, { notifications: [makeNotification({ id: id(1) })], unread: 1, nextCursor: null }),
    });
    await s().loadNotifications("all");
    s().internal_notificationCreated(makeNotification({ id: id(2) }));
    s().internal_notificationCreated(makeNotification({ id: id(2), count: 2 }));
    expect(s().notificationLists.all.ids).toEqual([id(2), id(1)]);
    expect(s().notificationLists.unread).toEqual({ ids: [], nextCursor: null, status: "idle" });
    expect(s().notificationsUnread).toBe(2);
  });

  it("pages with the cursor and asks only for unread ones in the unread list", async () => {
    signIn();
    const spy = mockFetch({
      "GET /api/notifications": ({ url }) =>
        url.searchParams.get("cursor") === "c1"
          ? json(200, { notifications: [makeNotification({ id: id(2) })], unread: 2, nextCursor: null })
          : json(200, { notifications: [makeNotification({ id: id(1) })], unread: 2, nextCursor: "c1" }),
    });
    await s().loadNotifications("unread");
    await s().loadNotifications("unread", { more: true });
    await s().loadNotifications("unread", { more: true });
    expect(s().notificationLists.unread).toEqual({ ids: [id(1), id(2)], nextCursor: null, status: "ready" });
    const urls = spy.mock.calls.map(([u]) => new URL(String(u), "http://x").searchParams.toString());
    expect(urls).toEqual(["unread=true&limit=20", "unread=true&cursor=c1&limit=20"]);
  });

  it("marks read at once and takes the server's count; mark all empties the count", async () => {
    signIn();
    const spy = mockFetch({
      "GET /api/notifications": () =>
        json(200, {
          notifications: [makeNotification({ id: id(1) }), makeNotification({ id: id(2) })],
          unread: 5,
          nextCursor: null,
        }),
      "POST /api/notifications/read": ({ body }) =>
        json(200, { unread: body && typeof body === "object" && "all" in body ? 0 : 4 }),
    });
    await s().loadNotifications("all");
    const marking = s().markNotificationsRead({ ids: [id(1)] });
    expect(s().notificationsUnread).toBe(4);
    expect(s().notificationsById[id(1)]?.readAt).not.toBeNull();
    await marking;
    expect(bodyOf(spy, "POST /api/notifications/read")).toEqual({ ids: [id(1)] });
    await s().markNotificationsRead({ all: true });
    expect(s().notificationsUnread).toBe(0);
    expect(s().notificationsById[id(2)]?.readAt).not.toBeNull();
  });

  it("keeps a watch choice when the server takes it and puts the old one back when it refuses", async () => {
    signIn();
    mockFetch({
      [`PUT /api/threads/${THREAD}/watch`]: () => json(200, { watch: { level: "muted" } }),
      "PUT /api/rooms/ruang-a/watch": () => apiError(404, "NOT_FOUND"),
    });
    await s().setWatchLevel({ scope: "thread", id: THREAD }, "muted", "watching");
    expect(s().watchLevels[`thread:${THREAD}`]).toBe("muted");
    const refused = s().setWatchLevel({ scope: "room", slug: "ruang-a" }, "watching", undefined);
    expect(s().watchLevels["room:ruang-a"]).toBe("watching");
    await expect(refused).rejects.toMatchObject({ code: "NOT_FOUND" });
    expect(s().watchLevels["room:ruang-a"]).toBeUndefined();
  });

  it("forgets a signed-out person's inbox, and an answer for someone who has since left", async () => {
    signIn();
    let answer: (r: Response) => void = () => undefined;
    mockFetch({ "GET /api/notifications/unread": () => new Promise<Response>((r) => (answer = r)) });
    const loading = s().loadUnreadCount();
    useStore.setState({ currentUserId: null, sessionStatus: "guest" });
    s().internal_notificationsReset();
    answer(json(200, { unread: 7 }));
    await loading;
    expect(s().notificationsUnread).toBeNull();
  });
});
