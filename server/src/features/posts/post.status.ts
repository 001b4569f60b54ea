import type { ContentStatus, ThreadKind } from "@rembuk/shared";
import type { Actor } from "../../lib/actor.js";
import { type RoomRecord, isRoomModerator } from "../rooms/index.js";

/**
 * The status a new thread or post starts in: pre-moderation plugs in here.
 * - Moderators of the room (its own, global ones, admins) and verified leaders publish at once.
 * - In a `preModerated` room, threads and replies by unverified members wait as `queued`.
 * - A practice thread by an unverified author waits wherever it is posted (DESIGN.md §1: verified
 *   leaders' practices skip the queue). Threads the server writes itself (`qa-archive`) never wait.
 * Everything not `published` is visible only to its author and the room's moderators, and a queued
 * reply takes no seq until approved (post.service `createPost`).
 */
export function initialStatus(
  actor: Actor,
  room: Pick<RoomRecord, "preModerated" | "moderators" | "visibility" | "allowedAffiliations">,
  what: { kind: ThreadKind | "reply" },
): ContentStatus {
  if (what.kind === "qa-archive" || isRoomModerator(actor, room) || actor.verified) return "published";
  if (room.preModerated || what.kind === "practice") return "queued";
  return "published";
}
