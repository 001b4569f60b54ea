import { z } from "zod";
import { RoomSlug } from "../schemas/rooms.js";
import { defineCommand } from "./define.js";

const ReadAllResult = z.object({ readAllAt: z.string() });

/** "Mark all read", everywhere or in one room; per-thread marks are `threads.read`. */
export const readStateCommands = {
  readAll: defineCommand({
    name: "readState.readAll",
    summary: "Mark every thread in every room read",
    input: z.object({}),
    output: ReadAllResult,
    http: { method: "POST", path: "/threads/read-all" },
  }),
  readRoom: defineCommand({
    name: "readState.readRoom",
    summary: "Mark every thread in one room read",
    input: z.object({ slug: RoomSlug }),
    output: ReadAllResult,
    errors: ["NOT_FOUND"],
    http: { method: "POST", path: "/rooms/:slug/read" },
  }),
} as const;
