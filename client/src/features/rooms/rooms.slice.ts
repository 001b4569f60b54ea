import type { SliceCreator } from "../../store/types";
import { roomsApi, type RoomSummary } from "./rooms.api";

export type { RoomSummary };
export type RoomsStatus = "idle" | "loading" | "ready" | "error";

export interface RoomsSlice {
  roomsById: Record<string, RoomSummary>;
  roomIdBySlug: Record<string, string>;
  /** Room ids in the server's order. */
  roomOrder: string[];
  roomsStatus: RoomsStatus;
  /** Loads the room list; failures leave an empty list and `error` (the UI shows an empty state). */
  loadRooms: () => Promise<void>;
}

export const createRoomsSlice: SliceCreator<RoomsSlice> = (set, get) => ({
  roomsById: {},
  roomIdBySlug: {},
  roomOrder: [],
  roomsStatus: "idle",
  loadRooms: async () => {
    if (get().roomsStatus === "loading") return;
    set({ roomsStatus: "loading" });
    try {
      const rooms = await roomsApi.list();
      const roomsById: Record<string, RoomSummary> = {};
      const roomIdBySlug: Record<string, string> = {};
      for (const r of rooms) {
        roomsById[r.id] = r;
        roomIdBySlug[r.slug] = r.id;
      }
      set({ roomsById, roomIdBySlug, roomOrder: rooms.map((r) => r.id), roomsStatus: "ready" });
    } catch {
      set({ roomsStatus: "error" });
    }
  },
});

export const roomSelectors = {
  bySlug: (slug: string | undefined) => (s: RoomsSlice) => {
    const id = slug ? s.roomIdBySlug[slug] : undefined;
    return id ? s.roomsById[id] : undefined;
  },
};
