import type { ThreadDto, UserSummaryDto } from "@rembuk/shared";
import type { Actor } from "../../lib/actor.js";
import { readStatesFor, type ViewerRead } from "../readstate/readState.service.js";
import { loadUserSummaries } from "../rooms/userSummary.js";
import type { ThreadRecord } from "./thread.model.js";
import { withPracticeExtras } from "../practices/practice.presenter.js";

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
    pinned: t.pinned,
    featured: t.featured,
    locked: t.locked,
    status: t.status,
    lastSeq: t.lastSeq,
    postCount: t.postCount,
    replyCount: t.replyCount,
    reactionCount: t.reactionCount,
    lastActivityAt: t.lastActivityAt.toISOString(),
    createdAt: t.createdAt.toISOString(),
  };
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
  const [authors, reads] = await Promise.all([
    loadUserSummaries(threads.map((t) => t.authorId)),
    readStatesFor(viewer, threads),
  ]);
  const dtos = threads.map((t) =>
    toThreadDto(
      t,
      roomSlugs.get(t.roomId.toString()) ?? "",
      authors.get(t.authorId.toString()) ?? null,
      reads.get(t._id.toString()),
    ),
  );
  // Practice threads carry their record and adoption counts wherever a thread DTO goes (DESIGN.md §5).
  return withPracticeExtras(dtos);
}

export async function presentThread(viewer: Actor | null, thread: ThreadRecord, roomSlug: string): Promise<ThreadDto> {
  const [dto] = await presentThreads(viewer, [thread], new Map([[thread.roomId.toString(), roomSlug]]));
  return dto;
}
