import type { ModerationStateDto, ThreadDto, UserSummaryDto } from "@rembuk/shared";
import type { Actor } from "../../lib/actor.js";
import { readStatesFor, type ViewerRead } from "../readstate/index.js";
import { loadUserSummaries } from "../users/index.js";
import type { RoomAccess } from "../rooms/index.js";
import { threadAbilities } from "./thread.abilities.js";
import type { ThreadRecord } from "./thread.model.js";
import { withPracticeExtras } from "../practices/index.js";
import { viewerFieldsFor } from "./thread.viewerFields.js";

/** A timed pin that has run out is no pin, even before the sweeper has written that down. */
export const isPinned = (t: Pick<ThreadRecord, "pinned" | "pinnedUntil">, now = new Date()) =>
  t.pinned && !(t.pinnedUntil && t.pinnedUntil <= now);

/**
 * Why a thread is not published. Only its author and moderators ever receive a non-published thread
 * (visibility rule and the narrow broadcasts), so the reason travels with it.
 */
export function threadModeration(
  t: Pick<ThreadRecord, "status" | "rejected" | "modReason" | "moderatedAt">,
): ModerationStateDto | undefined {
  if (t.status === "published") return undefined;
  return {
    state: t.status === "queued" ? "queued" : t.rejected ? "rejected" : "hidden",
    reason: t.modReason ?? null,
    at: t.moderatedAt ? t.moderatedAt.toISOString() : null,
  };
}

export function toThreadDto(
  t: ThreadRecord,
  roomSlug: string,
  author: UserSummaryDto | null,
  read?: ViewerRead,
): ThreadDto {
  const dto: ThreadDto = {
    id: t._id.toString(),
    roomId: t.roomId.toString(),
    roomSlug,
    kind: t.kind,
    title: t.title,
    author,
    tags: t.tags ?? [],
    pinned: isPinned(t),
    pinnedUntil: isPinned(t) && t.pinnedUntil ? t.pinnedUntil.toISOString() : null,
    featured: t.featured,
    locked: t.locked,
    lockReason: t.locked ? (t.lockReason ?? null) : null,
    status: t.status,
    lastSeq: t.lastSeq,
    postCount: t.postCount,
    replyCount: t.replyCount,
    reactionCount: t.reactionCount,
    lastActivityAt: t.lastActivityAt.toISOString(),
    createdAt: t.createdAt.toISOString(),
  };
  const moderation = threadModeration(t);
  if (moderation) dto.moderation = moderation;
  if (read) {
    dto.lastReadSeq = read.lastReadSeq;
    dto.unreadCount = read.unreadCount;
  }
  return dto;
}

/**
 * Threads as `viewer` sees them: with their read mark and unread count when `viewer` is signed in.
 * Broadcasts pass `viewer: null`, so no one's unread state travels to everyone else.
 */
export async function presentThreads(
  viewer: Actor | null,
  threads: ThreadRecord[],
  roomSlugs: ReadonlyMap<string, string>,
): Promise<ThreadDto[]> {
  const [authors, reads, extras] = await Promise.all([
    loadUserSummaries(threads.map((t) => t.authorId)),
    readStatesFor(viewer, threads),
    viewerFieldsFor(viewer, threads),
  ]);
  const dtos = threads.map((t) => {
    const dto = toThreadDto(
      t,
      roomSlugs.get(t.roomId.toString()) ?? "",
      authors.get(t.authorId.toString()) ?? null,
      reads.get(t._id.toString()),
    );
    for (const fields of extras) Object.assign(dto, fields.get(dto.id));
    return dto;
  });
  // Practice threads carry their record and adoption counts wherever a thread DTO goes (DESIGN.md §5).
  return withPracticeExtras(dtos);
}

export async function presentThread(
  viewer: Actor | null,
  thread: ThreadRecord,
  roomSlug: string,
): Promise<ThreadDto> {
  const [dto] = await presentThreads(viewer, [thread], new Map([[thread.roomId.toString(), roomSlug]]));
  return dto;
}

/** One thread for `viewer` with what they may do with it (a thread's page: `GET /threads/:id`, a practice). */
export async function presentThreadFor(
  viewer: Actor | null,
  thread: ThreadRecord,
  room: RoomAccess & { slug: string },
): Promise<ThreadDto> {
  return { ...(await presentThread(viewer, thread, room.slug)), can: threadAbilities(viewer, room, thread) };
}
