// Default import for runtime values: mongoose is CommonJS and `models` is not a detectable named export.
import mongoose, { Schema, type Model, type Types } from "mongoose";
import { LIMITS, type ContentStatus, type ReactionKind } from "@rembuk/shared";

export type ReactionCounts = Record<ReactionKind, number>;

export interface PostRecord {
  _id: Types.ObjectId;
  threadId: Types.ObjectId;
  roomId: Types.ObjectId;
  /**
   * 1, 2, 3… per thread. 0 while the post is being created: the document is inserted first (claiming
   * its clientId), then given the seq the thread's `$inc` hands out. Every read asks for `seq > n ≥ 0`,
   * so a post is never seen before it has its number. See post.service.ts `createPost`.
   */
  seq: number;
  authorId: Types.ObjectId;
  body: string;
  html: string;
  mentions: Types.ObjectId[];
  replyTo: Types.ObjectId | null;
  reactions: ReactionCounts;
  status: ContentStatus;
  deleted: boolean;
  deletedAt: Date | null;
  deletedBy: Types.ObjectId | null;
  editedAt: Date | null;
  /** The moderator's reason for the current non-published state (told to the author). */
  modReason: string | null;
  /** The last moderation change (approve, reject, hide, unhide, delete, restore). */
  moderatedAt: Date | null;
  moderatedBy: Types.ObjectId | null;
  /** Bumped by every edit; the compare-and-set token that keeps edit history linear. */
  version: number;
  /** Client's idempotency key; `t:<threadId>` for an opening post. */
  clientId: string;
  createdAt: Date;
  updatedAt: Date;
}

const reactionsSchema = new Schema<ReactionCounts>(
  {
    like: { type: Number, default: 0 },
    insightful: { type: Number, default: 0 },
    thanks: { type: Number, default: 0 },
    agree: { type: Number, default: 0 },
  },
  { _id: false },
);

const postSchema = new Schema<PostRecord>(
  {
    threadId: { type: Schema.Types.ObjectId, required: true },
    roomId: { type: Schema.Types.ObjectId, required: true },
    seq: { type: Number, required: true, default: 0, min: 0 },
    authorId: { type: Schema.Types.ObjectId, required: true },
    body: { type: String, required: true, maxlength: LIMITS.postBody.max },
    html: { type: String, required: true },
    mentions: { type: [Schema.Types.ObjectId], default: [] },
    replyTo: { type: Schema.Types.ObjectId, default: null },
    reactions: { type: reactionsSchema, default: () => ({}) },
    status: { type: String, enum: ["published", "queued", "hidden"], required: true, default: "published" },
    deleted: { type: Boolean, default: false },
    deletedAt: { type: Date, default: null },
    deletedBy: { type: Schema.Types.ObjectId, default: null },
    editedAt: { type: Date, default: null },
    modReason: { type: String, default: null, maxlength: 500 },
    moderatedAt: { type: Date, default: null },
    moderatedBy: { type: Schema.Types.ObjectId, default: null },
    version: { type: Number, default: 1 },
    clientId: { type: String, required: true, maxlength: 80 },
  },
  { timestamps: true, collection: "posts" },
);

// Catch-up and pages: find({threadId, seq:{$gt:after}}).sort({seq:1}), and {$lt:before} sorted -1.
// Not unique: posts being created sit at seq 0 for a moment. Numbers are unique because the only
// source of them is the thread's atomic `$inc`.
postSchema.index({ threadId: 1, seq: 1 });
// Idempotent send: the same (author, clientId) again hits E11000 here; that, not a prior lookup, is
// what makes a retried send return the original post.
postSchema.index({ authorId: 1, clientId: 1 }, { unique: true });
// The approval queue: find({status:"queued", seq:0, roomId:{$in}}).sort({createdAt:1}); also a thread's
// waiting replies for its author and moderators (find({threadId, status, seq:0})).
postSchema.index({ status: 1, seq: 1, roomId: 1, createdAt: 1 });

export const Post: Model<PostRecord> = mongoose.models.Post ?? mongoose.model<PostRecord>("Post", postSchema);

export interface ReactionRecord {
  _id: Types.ObjectId;
  postId: Types.ObjectId;
  userId: Types.ObjectId;
  kind: ReactionKind;
  createdAt: Date;
}

const reactionSchema = new Schema<ReactionRecord>(
  {
    postId: { type: Schema.Types.ObjectId, required: true },
    userId: { type: Schema.Types.ObjectId, required: true },
    kind: { type: String, enum: ["like", "insightful", "thanks", "agree"], required: true },
  },
  { timestamps: { createdAt: true, updatedAt: false }, collection: "reactions" },
);

// One reaction of a kind per user per post: the toggle inserts and treats E11000 as "already on".
reactionSchema.index({ postId: 1, userId: 1, kind: 1 }, { unique: true });
// The viewer's own reactions on a page of posts: find({userId, postId:{$in}}).
reactionSchema.index({ userId: 1, postId: 1 });

export const Reaction: Model<ReactionRecord> =
  mongoose.models.Reaction ?? mongoose.model<ReactionRecord>("Reaction", reactionSchema);

export interface PostRevisionRecord {
  _id: Types.ObjectId;
  postId: Types.ObjectId;
  /** The post's `version` this text had (1 = original). */
  version: number;
  body: string;
  html: string;
  editorId: Types.ObjectId;
  /** When this text was written (the post's createdAt or the previous edit). */
  writtenAt: Date;
  createdAt: Date;
}

const revisionSchema = new Schema<PostRevisionRecord>(
  {
    postId: { type: Schema.Types.ObjectId, required: true },
    version: { type: Number, required: true },
    body: { type: String, required: true },
    html: { type: String, required: true },
    editorId: { type: Schema.Types.ObjectId, required: true },
    writtenAt: { type: Date, required: true },
  },
  { timestamps: { createdAt: true, updatedAt: false }, collection: "postrevisions" },
);

// GET /posts/:id/history: find({postId}).sort({version:1}); unique so two concurrent edits of the same
// version cannot both archive it (the loser gets 409).
revisionSchema.index({ postId: 1, version: 1 }, { unique: true });

export const PostRevision: Model<PostRevisionRecord> =
  mongoose.models.PostRevision ?? mongoose.model<PostRevisionRecord>("PostRevision", revisionSchema);

export interface SlowModeMarkRecord {
  _id: Types.ObjectId;
  userId: Types.ObjectId;
  roomId: Types.ObjectId;
  /** The user may post in the room again from this moment. */
  until: Date;
}

const slowModeSchema = new Schema<SlowModeMarkRecord>(
  {
    userId: { type: Schema.Types.ObjectId, required: true },
    roomId: { type: Schema.Types.ObjectId, required: true },
    until: { type: Date, required: true },
  },
  { collection: "slowmodemarks" },
);

// Slow mode: findOneAndUpdate({userId, roomId, until:{$lte:now}}, …, {upsert}); a live mark makes the
// upsert's insert collide here (E11000), which is the "too soon" answer, atomic across processes.
slowModeSchema.index({ userId: 1, roomId: 1 }, { unique: true });

export const SlowModeMark: Model<SlowModeMarkRecord> =
  mongoose.models.SlowModeMark ?? mongoose.model<SlowModeMarkRecord>("SlowModeMark", slowModeSchema);
