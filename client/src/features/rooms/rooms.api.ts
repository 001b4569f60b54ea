import { z } from "zod";
import { RoomDto, type RoomCreateInput, type RoomUpdateInput } from "@rembuk/shared";
import { api } from "../../lib/api";

const RoomList = z.object({ rooms: z.array(RoomDto) });
const RoomBody = z.object({ room: RoomDto });
const path = (slug: string) => `/rooms/${encodeURIComponent(slug)}`;

/** Rooms over REST (DESIGN.md §5); live changes arrive as `room:updated` / `presence:changed`. */
export const roomsApi = {
  /** The rooms this viewer may see, with live counts and (signed in) unread threads. */
  list: async (signal?: AbortSignal) => (await api.get("/rooms", RoomList, { signal })).rooms,
  get: async (slug: string, signal?: AbortSignal) => (await api.get(path(slug), RoomBody, { signal })).room,
  create: async (input: RoomCreateInput) => (await api.post("/rooms", input, RoomBody)).room,
  update: async (slug: string, patch: RoomUpdateInput) => (await api.patch(path(slug), patch, RoomBody)).room,
};
