import {
  roomCommands,
  type PresenceDto,
  type RoomCreateInput,
  type RoomDto,
  type RoomUpdateInput,
} from "@rembuk/shared";
import { isApiError } from "../../lib/api";
import { send } from "../../lib/send";
import type { AppState, SliceCreator } from "../../store/types";

export type RoomsStatus = "idle" | "loading" | "ready" | "error";
/** Why a room page cannot show its room: it does not exist for this viewer, or needs a sign-in. */
export type RoomMissing = "notFound" | "signIn";

export interface RoomsSlice {
  roomsById: Record<string, RoomDto>;
  roomIdBySlug: Record<string, string>;
  /** Room ids in the server's order. */
  roomOrder: string[];
  roomsStatus: RoomsStatus;
  roomMissing: Record<string, RoomMissing>;
  /** Who is in a room now, for rooms this tab has joined (`presence:changed` keeps it live). */
  roomPresence: Record<string, PresenceDto>;
  /** How many mounted pages hold each room joined; the socket joins once and leaves at zero. */
  roomJoins: Record<string, number>;

  /** Loads (or silently refreshes) the room list; failures keep what was there. */
  loadRooms: () => Promise<void>;
  /** One room by slug (a room missing from the list, or fresh counts). */
  loadRoom: (slug: string) => Promise<RoomDto | null>;
  createRoom: (input: RoomCreateInput) => Promise<RoomDto>;
  updateRoom: (slug: string, patch: RoomUpdateInput) => Promise<RoomDto>;
  /** Follow a room live (threads created and bumped, presence); pair every call with `leaveRoom`. */
  joinRoom: (roomId: string) => void;
  leaveRoom: (roomId: string) => void;

  internal_receiveRooms: (rooms: RoomDto[], opts?: { replaceList?: boolean }) => void;
  /** `room:updated` carries a neutral DTO: keep this viewer's own counts. */
  internal_roomUpdated: (room: RoomDto) => void;
  internal_roomPresence: (presence: PresenceDto) => void;
  /** Live thread changes move the room's counters without a refetch. */
  internal_roomActivity: (
    roomId: string,
    change: { threads?: number; unreadThreads?: number; at?: string },
  ) => void;
  /** After every (re)connect: join again the rooms pages still hold. */
  internal_rejoinRooms: () => void;
}

async function socketJoin(get: () => AppState, roomId: string) {
  try {
    const { presence } = await send(roomCommands.join, { roomId });
    if (get().roomJoins[roomId]) get().internal_roomPresence(presence);
  } catch {
    // Offline or refused: the page still works from REST; the next connect joins again.
  }
}

/** Keeps the viewer-only fields (unread count, abilities) the neutral DTO lacks. */
function mergeRoom(prev: RoomDto | undefined, next: RoomDto): RoomDto {
  if (!prev) return next;
  return {
    ...next,
    ...(next.unreadThreads === undefined && prev.unreadThreads !== undefined
      ? { unreadThreads: prev.unreadThreads }
      : {}),
    ...(next.can === undefined && prev.can !== undefined ? { can: prev.can } : {}),
  };
}

export const createRoomsSlice: SliceCreator<RoomsSlice> = (set, get) => ({
  roomsById: {},
  roomIdBySlug: {},
  roomOrder: [],
  roomsStatus: "idle",
  roomMissing: {},
  roomPresence: {},
  roomJoins: {},

  loadRooms: async () => {
    if (get().roomsStatus === "loading") return;
    const silent = get().roomsStatus === "ready";
    if (!silent) set({ roomsStatus: "loading" });
    try {
      const { rooms } = await send(roomCommands.list, {});
      get().internal_receiveRooms(rooms, { replaceList: true });
      set({ roomsStatus: "ready" });
    } catch {
      if (!silent) set({ roomsStatus: "error" });
    }
  },

  loadRoom: async (slug) => {
    try {
      const { room } = await send(roomCommands.get, { slug });
      get().internal_receiveRooms([room]);
      set((s) => {
        const { [slug]: _found, ...rest } = s.roomMissing;
        return { roomMissing: rest };
      });
      return room;
    } catch (err) {
      if (isApiError(err) && (err.status === 404 || err.status === 401)) {
        const reason: RoomMissing = err.status === 401 ? "signIn" : "notFound";
        set((s) => ({ roomMissing: { ...s.roomMissing, [slug]: reason } }));
        return null;
      }
      throw err;
    }
  },

  createRoom: async (input) => {
    const { room } = await send(roomCommands.create, input);
    get().internal_receiveRooms([room]);
    return room;
  },

  updateRoom: async (slug, patch) => {
    const { room } = await send(roomCommands.update, { currentSlug: slug, ...patch });
    set((s) => {
      // A new slug: the old address no longer names this room.
      const { [slug]: _old, ...bySlug } = s.roomIdBySlug;
      return { roomIdBySlug: room.slug === slug ? s.roomIdBySlug : bySlug };
    });
    get().internal_receiveRooms([room]);
    return room;
  },

  joinRoom: (roomId) => {
    const count = get().roomJoins[roomId] ?? 0;
    set((s) => ({ roomJoins: { ...s.roomJoins, [roomId]: count + 1 } }));
    if (count === 0) void socketJoin(get, roomId);
  },

  leaveRoom: (roomId) => {
    const count = get().roomJoins[roomId] ?? 0;
    if (count > 1) {
      set((s) => ({ roomJoins: { ...s.roomJoins, [roomId]: count - 1 } }));
      return;
    }
    set((s) => {
      const { [roomId]: _joins, ...joins } = s.roomJoins;
      const { [roomId]: _presence, ...presence } = s.roomPresence;
      return { roomJoins: joins, roomPresence: presence };
    });
    void send(roomCommands.leave, { roomId }).catch(() => undefined);
  },

  internal_receiveRooms: (rooms, opts) => {
    set((s) => {
      const roomsById = opts?.replaceList ? {} : { ...s.roomsById };
      const roomIdBySlug = opts?.replaceList ? {} : { ...s.roomIdBySlug };
      for (const room of rooms) {
        roomsById[room.id] = mergeRoom(s.roomsById[room.id], room);
        roomIdBySlug[room.slug] = room.id;
      }
      if (opts?.replaceList) {
        // A room opened directly (not in the list, e.g. just created) stays known to its page.
        for (const id of Object.keys(s.roomJoins)) {
          const kept = s.roomsById[id];
          if (kept && !roomsById[id]) {
            roomsById[id] = kept;
            roomIdBySlug[kept.slug] = id;
          }
        }
      }
      const listed = rooms.map((r) => r.id);
      const roomOrder = opts?.replaceList
        ? listed
        : [...s.roomOrder, ...listed.filter((id) => !s.roomOrder.includes(id))];
      return { roomsById, roomIdBySlug, roomOrder };
    });
  },

  internal_roomUpdated: (room) => {
    set((s) => {
      const prev = s.roomsById[room.id];
      const merged = prev
        ? { ...mergeRoom(prev, room), threadCount: prev.threadCount, presenceCount: prev.presenceCount }
        : room;
      const roomIdBySlug = { ...s.roomIdBySlug, [room.slug]: room.id };
      if (prev && prev.slug !== room.slug) delete roomIdBySlug[prev.slug];
      return { roomsById: { ...s.roomsById, [room.id]: merged }, roomIdBySlug };
    });
  },

  internal_roomPresence: (presence) => {
    if (presence.scope !== "room") return;
    set((s) => {
      const room = s.roomsById[presence.id];
      return {
        roomPresence: s.roomJoins[presence.id]
          ? { ...s.roomPresence, [presence.id]: presence }
          : s.roomPresence,
        roomsById: room
          ? { ...s.roomsById, [room.id]: { ...room, presenceCount: presence.count } }
          : s.roomsById,
      };
    });
  },

  internal_roomActivity: (roomId, change) => {
    set((s) => {
      const room = s.roomsById[roomId];
      if (!room) return {};
      const next: RoomDto = { ...room };
      if (change.threads) next.threadCount = Math.max(0, room.threadCount + change.threads);
      if (change.unreadThreads && room.unreadThreads !== undefined)
        next.unreadThreads = Math.max(0, room.unreadThreads + change.unreadThreads);
      if (change.at && change.at > room.lastActivityAt) next.lastActivityAt = change.at;
      return { roomsById: { ...s.roomsById, [roomId]: next } };
    });
  },

  internal_rejoinRooms: () => {
    for (const id of Object.keys(get().roomJoins)) void socketJoin(get, id);
  },
});

export const roomSelectors = {
  bySlug: (slug: string | undefined) => (s: RoomsSlice) => {
    const id = slug ? s.roomIdBySlug[slug] : undefined;
    return id ? s.roomsById[id] : undefined;
  },
  byId: (id: string | undefined) => (s: RoomsSlice) => (id ? s.roomsById[id] : undefined),
  missing: (slug: string | undefined) => (s: RoomsSlice) => (slug ? s.roomMissing[slug] : undefined),
  presence: (id: string | undefined) => (s: RoomsSlice) => (id ? s.roomPresence[id] : undefined),
};
