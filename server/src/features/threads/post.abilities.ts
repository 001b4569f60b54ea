import type { PostAbilitiesDto, UserSummaryDto } from "@rembuk/shared";
// Lives in threads because a thread's abilities include what the viewer may do with others' posts
// (`othersPost`); posts present their own abilities with it.
import type { Actor } from "../../lib/actor.js";
import { can } from "../../lib/policy.js";
import type { ContentAccess, OnPost, RoomAccess } from "../rooms/index.js";

export type PostAccess = OnPost["post"];

/**
 * Posts are only ever presented to a viewer the loader let see their thread, so the thread's own
 * state cannot change an answer here: it stands in as published (visible whenever its room is).
 */
const SEEN_THREAD: OnPost["thread"] = { status: "published", authorId: "", locked: false };

/** What `viewer` may do with one post of a thread they see. */
export function postAbilities(
  viewer: Actor | null,
  room: RoomAccess,
  post: PostAccess,
  author: Pick<UserSummaryDto, "id" | "role"> | null,
  thread: OnPost["thread"] = SEEN_THREAD,
): PostAbilitiesDto {
  const r = { room, thread, post };
  return {
    edit: can(viewer, "post.update", r),
    delete: can(viewer, "post.delete", r),
    flag: can(viewer, "flag.create", r),
    // Every `moderate.post.*` action shares one rule (moderation.policy.ts).
    moderate: can(viewer, "moderate.post.hide", r),
    // Offered from a post for members only (a moderator's conduct goes to an admin through other means).
    suspendAuthor:
      author !== null &&
      author.role === "member" &&
      can(viewer, "user.suspend", { id: author.id, role: author.role }),
  };
}

/** A published post by someone else: what the viewer may do with the posts broadcasts bring. */
export function othersPostAbilities(
  viewer: Actor | null,
  room: RoomAccess,
  thread: OnPost["thread"],
): PostAbilitiesDto {
  const someoneElse: ContentAccess & { deleted: boolean; seq: number } = {
    status: "published",
    authorId: "",
    deleted: false,
    seq: 1,
  };
  return postAbilities(viewer, room, someoneElse, { id: "", role: "member" }, thread);
}
