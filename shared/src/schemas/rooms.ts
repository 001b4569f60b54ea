import { z } from "zod";
import { LIMITS } from "../limits.js";
import { RoomAbilitiesDto } from "./abilities.js";
import { Affiliation, IsoDate, ObjectIdString } from "./common.js";
import { PublicUserDto } from "./users.js";

export const RoomVisibility = z.enum(["public", "members", "restricted"]);
export type RoomVisibility = z.infer<typeof RoomVisibility>;

/** Lower-case words joined by single hyphens: the room's address (`/rooms/inovasi-pelayanan-publik`). */
export const RoomSlug = z
  .string()
  .trim()
  .toLowerCase()
  .min(LIMITS.roomSlug.min)
  .max(LIMITS.roomSlug.max)
  .regex(/^[a-z0-9]+(?:-[a-z0-9]+)*$/, "Use lower-case letters, digits and single hyphens");

const RoomName = z
  .object({
    id: z.string().trim().min(LIMITS.roomName.min).max(LIMITS.roomName.max),
    en: z.string().trim().min(LIMITS.roomName.min).max(LIMITS.roomName.max),
  })
  .strict();

const RoomDescription = z
  .object({
    id: z.string().trim().max(LIMITS.roomDescription.max),
    en: z.string().trim().max(LIMITS.roomDescription.max),
  })
  .strict();

/** Slow mode tops out at an hour: longer waits are a lock, which moderation expresses better. */
export const SLOW_MODE_MAX_SECONDS = 3600;
const MAX_ALLOWED_AFFILIATIONS = 100;
const MAX_ROOM_MODERATORS = 50;

const roomFields = {
  slug: RoomSlug,
  name: RoomName,
  description: RoomDescription,
  visibility: RoomVisibility,
  /** Restricted rooms only: a province or kabupaten/kota code, or an agency name. */
  allowedAffiliations: z.array(Affiliation).max(MAX_ALLOWED_AFFILIATIONS),
  /** User ids of this room's own moderators (besides global moderators and admins). */
  moderators: z.array(ObjectIdString).max(MAX_ROOM_MODERATORS),
  slowModeSeconds: z.number().int().min(0).max(SLOW_MODE_MAX_SECONDS),
  /** Posts by unverified members wait in the moderation queue (used by the moderation feature). */
  preModerated: z.boolean(),
};

/** A restricted room needs someone to let in; other rooms must not carry a list that does nothing. */
function checkAudience(
  v: { visibility?: RoomVisibility; allowedAffiliations?: unknown[] },
  ctx: z.RefinementCtx,
) {
  const count = v.allowedAffiliations?.length ?? 0;
  if (v.visibility === "restricted" && v.allowedAffiliations !== undefined && count === 0)
    ctx.addIssue({
      code: "custom",
      path: ["allowedAffiliations"],
      message: "A restricted room needs at least one allowed affiliation",
    });
  if (v.visibility !== undefined && v.visibility !== "restricted" && count > 0)
    ctx.addIssue({
      code: "custom",
      path: ["allowedAffiliations"],
      message: "Only restricted rooms have allowed affiliations",
    });
}

/** `POST /rooms` (admins). */
export const RoomCreateInput = z
  .object({
    slug: roomFields.slug,
    name: roomFields.name,
    description: roomFields.description.default({ id: "", en: "" }),
    visibility: roomFields.visibility.default("public"),
    allowedAffiliations: roomFields.allowedAffiliations.default([]),
    moderators: roomFields.moderators.default([]),
    slowModeSeconds: roomFields.slowModeSeconds.default(0),
    preModerated: roomFields.preModerated.default(false),
  })
  .strict()
  .superRefine(checkAudience);
export type RoomCreateInput = z.infer<typeof RoomCreateInput>;

/**
 * `PATCH /rooms/:slug` (admins): any subset. Whether a restricted room keeps an audience is checked by
 * the service against the merged result, since visibility and the list may change separately.
 */
export const RoomUpdateInput = z
  .object({
    slug: roomFields.slug.optional(),
    name: roomFields.name.optional(),
    description: roomFields.description.optional(),
    visibility: roomFields.visibility.optional(),
    allowedAffiliations: roomFields.allowedAffiliations.optional(),
    moderators: roomFields.moderators.optional(),
    slowModeSeconds: roomFields.slowModeSeconds.optional(),
    preModerated: roomFields.preModerated.optional(),
  })
  .strict()
  .refine((v) => Object.keys(v).length > 0, { message: "Nothing to change" });
export type RoomUpdateInput = z.infer<typeof RoomUpdateInput>;

/** The merged room after a PATCH must still make sense; the service runs this on it. */
export const RoomAudience = z
  .object({ visibility: RoomVisibility, allowedAffiliations: z.array(Affiliation) })
  .superRefine(checkAudience);

export const RoomSlugParams = z.object({ slug: RoomSlug });

/**
 * Who a message, thread or presence list names: the public part of a profile, without `createdAt`
 * (every post carries one, so it stays small).
 */
export const UserSummaryDto = PublicUserDto.pick({
  id: true,
  name: true,
  title: true,
  affiliation: true,
  verified: true,
  role: true,
}).extend({
  /**
   * The affiliation in words ("Kota Salatiga, Jawa Tengah", or the agency's name), named by the server
   * so a page that shows authors never needs the 46 KB region list for it.
   */
  place: z.string().nullable().optional(),
});
export type UserSummaryDto = z.infer<typeof UserSummaryDto>;

/**
 * Who is in a room or thread right now, over every server process: signed-in people once each
 * however many tabs they have, and guests as a number.
 */
export const PresenceDto = z.object({
  scope: z.enum(["room", "thread"]),
  id: z.string(),
  users: z.array(UserSummaryDto),
  guests: z.number().int(),
  /** `users.length + guests`. */
  count: z.number().int(),
});
export type PresenceDto = z.infer<typeof PresenceDto>;

export const RoomDto = z.object({
  id: z.string(),
  slug: z.string(),
  name: RoomName,
  description: RoomDescription,
  visibility: RoomVisibility,
  allowedAffiliations: z.array(Affiliation),
  moderators: z.array(z.string()),
  slowModeSeconds: z.number().int(),
  preModerated: z.boolean(),
  /** Published threads. */
  threadCount: z.number().int(),
  /** People here now (room and its threads' sockets), signed-in users counted once. */
  presenceCount: z.number().int(),
  /** Signed-in viewers only: threads with published posts past their last read. */
  unreadThreads: z.number().int().optional(),
  /** The latest activity among the room's published threads, or the room's creation. */
  lastActivityAt: IsoDate,
  createdAt: IsoDate,
  updatedAt: IsoDate,
  /** Per viewer; never in broadcasts. */
  can: RoomAbilitiesDto.optional(),
});
export type RoomDto = z.infer<typeof RoomDto>;

/** Socket `room:join` / `room:leave`. */
export const RoomJoinInput = z.object({ roomId: ObjectIdString }).strict();
export type RoomJoinInput = z.infer<typeof RoomJoinInput>;
