import { beforeEach, describe, expect, it, vi } from "vitest";
import { useStore } from "../../store";
import { apiError, json, mockFetch } from "../../test/http";
import { realtime } from "../posts";
import { makePresence, makeRoom, ROOM_ID } from "../posts/test/fixtures";
import { roomSelectors } from "./rooms.slice";

const state = () => useStore.getState();
const emits: Array<[string, unknown]> = [];

beforeEach(() => {
  emits.length = 0;
  vi.spyOn(realtime, "command").mockImplementation(async (send) => {
    const res = await send({
      // A scripted socket: records the command, answers room:join with a presence.
      emitWithAck: async (event: string, payload: unknown) => {
        emits.push([event, payload]);
        return {
          ok: true,
          data: { presence: makePresence({ scope: "room", id: ROOM_ID, count: 4, guests: 4 }) },
        };
      },
    } as unknown as Parameters<typeof send>[0]);
    if (!res.ok) throw new Error(res.error.code);
    return res.data;
  });
});

describe("rooms slice", () => {
  it("normalises the shared RoomDto by id and slug, in the server's order", async () => {
    mockFetch({
      "GET /api/rooms": () =>
        json(200, {
          rooms: [
            makeRoom(),
            makeRoom({ id: "a00000000000000000000002", slug: "manajemen-asn", unreadThreads: 2 }),
          ],
        }),
    });
    await state().loadRooms();
    expect(state().roomsStatus).toBe("ready");
    expect(state().roomOrder).toEqual([ROOM_ID, "a00000000000000000000002"]);
    expect(roomSelectors.bySlug("manajemen-asn")(state())?.unreadThreads).toBe(2);
  });

  it("rejects a list that does not match the contract, keeping what it had", async () => {
    mockFetch({ "GET /api/rooms": () => json(200, { rooms: [{ slug: "broken" }] }) });
    await state().loadRooms();
    expect(state()).toMatchObject({ roomsStatus: "error", roomOrder: [] });
  });

  it("remembers why a room page cannot show (404 vs sign in)", async () => {
    mockFetch({
      "GET /api/rooms/rahasia": () => apiError(404, "NOT_FOUND"),
      "GET /api/rooms/anggota": () => apiError(401, "UNAUTHENTICATED"),
    });
    expect(await state().loadRoom("rahasia")).toBeNull();
    expect(await state().loadRoom("anggota")).toBeNull();
    expect(state().roomMissing).toEqual({ rahasia: "notFound", anggota: "signIn" });
  });

  it("keeps the viewer's unread count and live numbers when a neutral room:updated arrives", () => {
    state().internal_receiveRooms([makeRoom({ unreadThreads: 3, threadCount: 9, presenceCount: 2 })]);
    state().internal_roomUpdated(
      makeRoom({ name: { id: "Nama Baru", en: "New Name" }, threadCount: 0, presenceCount: 0 }),
    );
    expect(state().roomsById[ROOM_ID]).toMatchObject({
      name: { id: "Nama Baru" },
      unreadThreads: 3,
      threadCount: 9,
      presenceCount: 2,
    });
  });

  it("joins a room's channel once however many pages hold it, and leaves at the last", async () => {
    state().internal_receiveRooms([makeRoom()]);
    state().joinRoom(ROOM_ID);
    state().joinRoom(ROOM_ID);
    await Promise.resolve();
    await new Promise((r) => setTimeout(r, 0));
    expect(emits.filter(([e]) => e === "room:join")).toHaveLength(1);
    expect(state().roomsById[ROOM_ID]?.presenceCount).toBe(4);
    state().leaveRoom(ROOM_ID);
    expect(emits.filter(([e]) => e === "room:leave")).toHaveLength(0);
    state().leaveRoom(ROOM_ID);
    expect(emits.filter(([e]) => e === "room:leave")).toHaveLength(1);
    expect(state().roomJoins).toEqual({});
  });

  it("counts presence only for rooms it holds, and ignores thread-scope presence", () => {
    state().internal_receiveRooms([makeRoom()]);
    state().internal_roomPresence(makePresence({ scope: "thread", id: ROOM_ID, count: 7 }));
    expect(state().roomsById[ROOM_ID]?.presenceCount).toBe(0);
    state().internal_roomPresence(makePresence({ scope: "room", id: ROOM_ID, count: 7 }));
    expect(state().roomsById[ROOM_ID]?.presenceCount).toBe(7);
    expect(state().roomPresence[ROOM_ID]).toBeUndefined();
  });
});
