import { z } from "zod";

/**
 * What the viewer may do with a DTO, decided on the server by the same policy table that guards the
 * write (server/src/lib/policy.ts). Clients show or hide actions by these flags and never work out
 * roles themselves. Abilities are per viewer: they travel on answers to that viewer (REST, acks,
 * snapshots), never in broadcasts, so a client keeps the `can` it has when a neutral copy arrives.
 * An ability says the rule allows it; state checks (a locked thread, a deleted post) stay separate.
 */

/** The signed-in user's abilities across the site; only on their own `UserDto` (`/auth/me`, login…). */
export const SiteAbilitiesDto = z.object({
  /** `room.create`: the "new room" button and the rooms admin page. */
  createRoom: z.boolean(),
  /** `user.list`: the people admin page. */
  manageUsers: z.boolean(),
  /** `mail.viewOutbox`: the mail outbox page. */
  viewOutbox: z.boolean(),
  /** `practice.viewStats` / `practice.export`: the organizer dashboard and the directory's CSV. */
  viewPracticeStats: z.boolean(),
});
export type SiteAbilitiesDto = z.infer<typeof SiteAbilitiesDto>;

/** What the viewer may do to the user a `UserDto` describes (someone else's profile). */
export const UserAbilitiesDto = z.object({
  /** `user.verify`: verify or revoke the user's current claim. */
  verify: z.boolean(),
  /** `user.setRole`. */
  setRole: z.boolean(),
  /** `user.suspend`. */
  suspend: z.boolean(),
  /** `user.viewEmail`. */
  viewEmail: z.boolean(),
});
export type UserAbilitiesDto = z.infer<typeof UserAbilitiesDto>;

export const RoomAbilitiesDto = z.object({
  /** `room.moderate`: moderates the room (locks and slow mode do not apply; a move may target it). */
  moderate: z.boolean(),
  /** `room.update`: name, audience, moderators. */
  update: z.boolean(),
  /** `thread.create`. */
  createThread: z.boolean(),
  /** `qa.create`: open a Q&A session here. */
  hostQa: z.boolean(),
});
export type RoomAbilitiesDto = z.infer<typeof RoomAbilitiesDto>;

/** What the viewer may do with one post. */
export const PostAbilitiesDto = z.object({
  /** `post.update` (the author's own text). */
  edit: z.boolean(),
  /** `post.delete` (its author, or a moderator of the room). */
  delete: z.boolean(),
  /** `flag.create` (never one's own). */
  flag: z.boolean(),
  /** `moderate.post.*`: the moderator's menu. */
  moderate: z.boolean(),
  /** `user.suspend` on the post's author, offered from the post only for members. */
  suspendAuthor: z.boolean(),
});
export type PostAbilitiesDto = z.infer<typeof PostAbilitiesDto>;

export const ThreadAbilitiesDto = z.object({
  /** `post.create` (a lock is state: moderators still write in a locked thread). */
  reply: z.boolean(),
  /** `moderate.thread.*`: the moderator's bar, and the lock and slow mode do not apply. */
  moderate: z.boolean(),
  /** `flag.create` on the thread (never one's own). */
  flag: z.boolean(),
  /** `practice.promote`: turn the discussion into a practice record. */
  promote: z.boolean(),
  /** `practice.edit` (practice threads): its author and moderators. */
  editPractice: z.boolean(),
  /**
   * The abilities on a published post by someone else in this thread, for posts that reach the viewer
   * in broadcasts (which carry no `can`).
   */
  othersPost: PostAbilitiesDto,
});
export type ThreadAbilitiesDto = z.infer<typeof ThreadAbilitiesDto>;

export const AdoptionAbilitiesDto = z.object({
  /** `adoption.advance`: move it a step (a verified member of the adopting region or agency). */
  advance: z.boolean(),
});
export type AdoptionAbilitiesDto = z.infer<typeof AdoptionAbilitiesDto>;
