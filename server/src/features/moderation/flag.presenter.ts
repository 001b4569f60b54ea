import { Types } from "mongoose";
import type { FlagDto, UserSummaryDto } from "@rembuk/shared";
import { plainExcerpt } from "../markdown/index.js";
import { Post, type PostRecord } from "../posts/index.js";
import { Room } from "../rooms/index.js";
import { loadUserSummaries } from "../users/index.js";
import { Thread } from "../threads/index.js";
import { Flag, type FlagRecord } from "./flag.model.js";

/** What everyone who may see a flag sees: its reporter sees no more than this. */
function baseDto(f: FlagRecord, roomSlug: string): FlagDto {
  return {
    id: f._id.toString(),
    targetType: f.targetType,
    targetId: f.targetId.toString(),
    threadId: f.threadId.toString(),
    roomId: f.roomId.toString(),
    roomSlug,
    reason: f.reason,
    note: f.note,
    status: f.status,
    resolution:
      f.status === "open" || !f.resolvedAt
        ? null
        : { status: f.status, note: f.resolutionNote, at: f.resolvedAt.toISOString() },
    createdAt: f.createdAt.toISOString(),
    updatedAt: f.updatedAt.toISOString(),
  };
}

async function roomSlugs(flags: FlagRecord[]) {
  const rooms = await Room.find({ _id: { $in: flags.map((f) => f.roomId) } }, { slug: 1 }).lean();
  return new Map(rooms.map((r) => [r._id.toString(), r.slug]));
}

/** A reporter's own flags: the outcome and the moderator's message, never who decided or their notes. */
export async function presentOwnFlags(flags: FlagRecord[]): Promise<FlagDto[]> {
  const slugs = await roomSlugs(flags);
  return flags.map((f) => baseDto(f, slugs.get(f.roomId.toString()) ?? ""));
}

/**
 * Flags as the moderators of their rooms see them: reporter, assignee, notes, the target (its current
 * text as a plain excerpt, author, status) and how many open flags the target has. A fixed number of
 * batched reads however many flags.
 */
export async function presentModFlags(flags: FlagRecord[]): Promise<FlagDto[]> {
  if (flags.length === 0) return [];
  const threadIds = flags.map((f) => f.threadId);
  const postIds = flags.filter((f) => f.targetType === "post").map((f) => f.targetId);
  const [slugs, threads, targetPosts, openings, openCounts] = await Promise.all([
    roomSlugs(flags),
    Thread.find({ _id: { $in: threadIds } }, { title: 1 }).lean(),
    Post.find({ _id: { $in: postIds } }).lean(),
    Post.find({
      threadId: { $in: flags.filter((f) => f.targetType === "thread").map((f) => f.threadId) },
      seq: 1,
    }).lean(),
    Flag.aggregate<{ _id: Types.ObjectId; n: number }>([
      {
        $match: {
          targetId: {
            $in: [...new Set(flags.map((f) => f.targetId.toString()))].map((id) => new Types.ObjectId(id)),
          },
          status: "open",
        },
      },
      { $group: { _id: "$targetId", n: { $sum: 1 } } },
    ]),
  ]);
  const titles = new Map(threads.map((t) => [t._id.toString(), t.title]));
  const posts = new Map<string, PostRecord>(targetPosts.map((p) => [p._id.toString(), p]));
  const opening = new Map<string, PostRecord>(openings.map((p) => [p.threadId.toString(), p]));
  const open = new Map(openCounts.map((c) => [c._id.toString(), c.n]));
  const targetOf = (f: FlagRecord) =>
    f.targetType === "post" ? posts.get(f.targetId.toString()) : opening.get(f.threadId.toString());
  const people = await loadUserSummaries([
    ...flags.flatMap((f) => [f.reporterId, f.assigneeId, f.resolvedBy, ...f.notes.map((n) => n.authorId)]),
    ...flags.map((f) => targetOf(f)?.authorId),
  ]);
  const person = (id: Types.ObjectId | null | undefined): UserSummaryDto | null =>
    id ? (people.get(id.toString()) ?? null) : null;

  return flags.map((f) => {
    const dto = baseDto(f, slugs.get(f.roomId.toString()) ?? "");
    const post = targetOf(f);
    dto.reporter = person(f.reporterId);
    dto.assignee = person(f.assigneeId);
    dto.notes = f.notes.map((n) => ({
      id: n._id.toString(),
      author: person(n.authorId),
      text: n.text,
      createdAt: n.createdAt.toISOString(),
    }));
    if (dto.resolution) dto.resolution.by = person(f.resolvedBy);
    dto.target = {
      type: f.targetType,
      id: f.targetId.toString(),
      threadId: f.threadId.toString(),
      threadTitle: titles.get(f.threadId.toString()) ?? "",
      seq: post?.seq ?? 0,
      excerpt: post && !post.deleted ? plainExcerpt(post.body, 280) : "",
      author: person(post?.authorId),
      status: post?.status ?? "published",
      deleted: post?.deleted ?? true,
    };
    dto.openOnTarget = open.get(f.targetId.toString()) ?? 0;
    return dto;
  });
}
