import { Types } from "mongoose";
import type {
  ModerationStateDto,
  PostDto,
  PostQuoteDto,
  PostRevisionDto,
  ReactionKind,
  UserSummaryDto,
} from "@rembuk/shared";
import type { Actor } from "../../lib/actor.js";
import { plainExcerpt } from "../markdown/index.js";
import { loadUserSummaries } from "../users/index.js";
import { canSeeContent, type RoomAccess } from "../rooms/index.js";
import { Post, Reaction, type PostRecord, type PostRevisionRecord } from "./post.model.js";
import { postAbilities } from "../threads/index.js";

/** Opening posts carry a server-made key; it means nothing to the client. */
const SERVER_CLIENT_ID = /^t:/;

export interface PresentOptions {
  /**
   * For broadcasts: the DTO everyone may receive, without the viewer's reactions and without the
   * author's clientId. Each client keeps its own per-viewer state.
   */
  neutral?: boolean;
  /**
   * With `neutral`: the DTO for the moderators' rooms (queue and flag events), who read queued and
   * hidden text; still without anyone's per-viewer state.
   */
  asModerators?: boolean;
}

type Quoted = Pick<PostRecord, "_id" | "seq" | "authorId" | "body" | "deleted" | "status">;

function toQuote(
  q: Quoted,
  viewer: Actor | null,
  room: RoomAccess,
  authors: Map<string, UserSummaryDto>,
): PostQuoteDto {
  const available = !q.deleted && canSeeContent(viewer, room, q);
  return {
    id: q._id.toString(),
    seq: q.seq,
    author: available ? (authors.get(q.authorId.toString()) ?? null) : null,
    excerpt: available ? plainExcerpt(q.body) : "",
    deleted: !available,
  };
}

/** Why a post is not published, for those who may read it anyway (its author and moderators). */
export function postModeration(
  p: Pick<PostRecord, "status" | "seq" | "modReason" | "moderatedAt">,
): ModerationStateDto | undefined {
  if (p.status === "published") return undefined;
  return {
    // Rejected posts never got a seq: that is what tells them from posts hidden after publication.
    state: p.status === "queued" ? "queued" : p.seq === 0 ? "rejected" : "hidden",
    reason: p.modReason ?? null,
    at: p.moderatedAt ? p.moderatedAt.toISOString() : null,
  };
}

/**
 * Posts of one room as `viewer` sees them, in the given order, with three batched reads (authors,
 * quoted posts, the viewer's reactions) however many posts there are.
 */
export async function presentPosts(
  viewer: Actor | null,
  room: RoomAccess,
  posts: PostRecord[],
  { neutral = false, asModerators = false }: PresentOptions = {},
): Promise<PostDto[]> {
  if (posts.length === 0) return [];
  const replyIds = [...new Set(posts.flatMap((p) => (p.replyTo ? [p.replyTo.toString()] : [])))];
  const perViewer = !neutral && viewer !== null;
  const [quoted, mine] = await Promise.all([
    replyIds.length
      ? Post.find({ _id: { $in: replyIds } }, { seq: 1, authorId: 1, body: 1, deleted: 1, status: 1 }).lean()
      : Promise.resolve([]),
    perViewer
      ? Reaction.find(
          { userId: new Types.ObjectId(viewer.id), postId: { $in: posts.map((p) => p._id) } },
          { postId: 1, kind: 1 },
        ).lean()
      : Promise.resolve([]),
  ]);
  const authors = await loadUserSummaries([
    ...posts.map((p) => p.authorId),
    ...quoted.map((q) => q.authorId),
  ]);
  const quotes = new Map(quoted.map((q) => [q._id.toString(), q]));
  const myReactions = new Map<string, ReactionKind[]>();
  for (const r of mine) {
    const key = r.postId.toString();
    myReactions.set(key, [...(myReactions.get(key) ?? []), r.kind]);
  }

  return posts.map((p) => {
    const id = p._id.toString();
    // A hidden post reaches everyone else as a placeholder: no text, no mentions, no quote.
    const readable = (neutral && asModerators) || canSeeContent(neutral ? null : viewer, room, p);
    const empty = p.deleted || !readable;
    const quote = p.replyTo && readable ? quotes.get(p.replyTo.toString()) : undefined;
    const dto: PostDto = {
      id,
      threadId: p.threadId.toString(),
      roomId: p.roomId.toString(),
      seq: p.seq,
      author: authors.get(p.authorId.toString()) ?? null,
      body: empty ? null : p.body,
      html: empty ? null : p.html,
      mentions: empty ? [] : (p.mentions ?? []).map(String),
      replyTo: quote ? toQuote(quote, viewer, room, authors) : null,
      reactions: {
        like: p.reactions?.like ?? 0,
        insightful: p.reactions?.insightful ?? 0,
        thanks: p.reactions?.thanks ?? 0,
        agree: p.reactions?.agree ?? 0,
      },
      status: p.status,
      deleted: p.deleted,
      editedAt: p.editedAt ? p.editedAt.toISOString() : null,
      createdAt: p.createdAt.toISOString(),
      moderatedAt: p.moderatedAt ? p.moderatedAt.toISOString() : null,
    };
    const moderation = readable ? postModeration(p) : undefined;
    if (moderation) dto.moderation = moderation;
    if (!neutral) dto.can = postAbilities(viewer, room, p, dto.author);
    if (perViewer) {
      dto.myReactions = myReactions.get(id) ?? [];
      if (p.authorId.toString() === viewer.id && !SERVER_CLIENT_ID.test(p.clientId))
        dto.clientId = p.clientId;
    }
    return dto;
  });
}

export async function presentPost(
  viewer: Actor | null,
  room: RoomAccess,
  post: PostRecord,
  options?: PresentOptions,
): Promise<PostDto> {
  const [dto] = await presentPosts(viewer, room, [post], options);
  return dto;
}

export function toRevisionDto(r: PostRevisionRecord): PostRevisionDto {
  return { version: r.version, body: r.body, html: r.html, createdAt: r.writtenAt.toISOString() };
}
