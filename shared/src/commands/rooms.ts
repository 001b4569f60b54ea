import { z } from "zod";
import {
  PresenceDto,
  RoomCreateInput,
  RoomDto,
  RoomJoinInput,
  RoomSlug,
  RoomUpdateInput,
} from "../schemas/rooms.js";
import { defineCommand } from "./define.js";

const RoomResult = z.object({ room: RoomDto });
const PresenceResult = z.object({ presence: PresenceDto });

/**
 * `PATCH /rooms/:slug` may rename the room (`slug` in the body), so the room it names travels as
 * `currentSlug`; "nothing to change" still looks at the body alone.
 */
const RoomUpdateCommand = z
  .object({ currentSlug: RoomSlug, ...RoomUpdateInput.shape })
  .strict()
  .refine(({ currentSlug: _room, ...patch }) => Object.keys(patch).length > 0, {
    message: "Nothing to change",
  });

/**
 * Rooms (DESIGN.md §5). Joining and leaving are socket-only: they subscribe this socket to the room's
 * live events and presence, which means nothing over REST.
 */
export const roomCommands = {
  list: defineCommand({
    name: "rooms.list",
    summary: "The rooms this viewer may see, with live counts and (signed in) unread threads",
    input: z.object({}),
    output: z.object({ rooms: z.array(RoomDto) }),
    http: { method: "GET", path: "/rooms" },
  }),
  create: defineCommand({
    name: "rooms.create",
    summary: "Open a room (admins)",
    input: RoomCreateInput,
    output: RoomResult,
    errors: ["FORBIDDEN", "CONFLICT"],
    http: { method: "POST", path: "/rooms", status: 201 },
  }),
  get: defineCommand({
    name: "rooms.get",
    summary: "One room (404 for a restricted room the viewer is not part of)",
    input: z.object({ slug: RoomSlug }),
    output: RoomResult,
    errors: ["NOT_FOUND"],
    http: { method: "GET", path: "/rooms/:slug" },
  }),
  update: defineCommand({
    name: "rooms.update",
    summary: "Change a room: name, audience, slow mode, moderators (admins)",
    input: RoomUpdateCommand,
    output: RoomResult,
    errors: ["NOT_FOUND", "FORBIDDEN", "CONFLICT"],
    http: { method: "PATCH", path: "/rooms/:currentSlug" },
  }),
  join: defineCommand({
    name: "rooms.join",
    summary: "Receive a room's live events; the ack says who is there",
    input: RoomJoinInput,
    output: PresenceResult,
    errors: ["NOT_FOUND"],
    socket: { event: "room:join", limit: "read" },
  }),
  leave: defineCommand({
    name: "rooms.leave",
    summary: "Stop receiving a room's live events",
    input: RoomJoinInput,
    output: PresenceResult,
    errors: ["NOT_FOUND"],
    socket: { event: "room:leave", limit: "read" },
  }),
} as const;
