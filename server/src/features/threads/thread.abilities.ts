import type { ThreadAbilitiesDto, ThreadKind } from "@rembuk/shared";
import type { Actor } from "../../lib/actor.js";
import { can } from "../../lib/policy.js";
import { othersPostAbilities } from "./post.abilities.js";
import type { ContentAccess, RoomAccess } from "../rooms/index.js";

export type ThreadAccess = ContentAccess & { locked: boolean; kind: ThreadKind };

/** What `viewer` may do with a thread they see (and, for practice threads, its record). */
export function threadAbilities(
  viewer: Actor | null,
  room: RoomAccess,
  thread: ThreadAccess,
): ThreadAbilitiesDto {
  const r = { room, thread };
  const roomModerators = room.moderators.map(String);
  return {
    reply: can(viewer, "post.create", r),
    // Every `moderate.thread.*` action but `move` shares one rule (moderation.policy.ts).
    moderate: can(viewer, "moderate.thread.lock", r),
    // A thread is flagged through its opening post, which carries the thread's author and status.
    flag: can(viewer, "flag.create", {
      ...r,
      post: { status: thread.status, authorId: thread.authorId, deleted: false, seq: 1 },
    }),
    promote: thread.kind === "discussion" && can(viewer, "practice.promote", { roomModerators }),
    editPractice:
      thread.kind === "practice" &&
      can(viewer, "practice.edit", { authorId: thread.authorId.toString(), roomModerators }),
    othersPost: othersPostAbilities(viewer, room, r.thread),
  };
}
