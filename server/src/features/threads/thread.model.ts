// Default import for runtime values: mongoose is CommonJS and `models` is not a detectable named export.
import mongoose, { Schema, type Model, type Types } from "mongoose";
import { LIMITS, type ContentStatus, type ThreadKind } from "@rembuk/shared";

export interface ThreadRecord {
  _id: Types.ObjectId;
  roomId: Types.ObjectId;
  kind: ThreadKind;
  title: string;
  authorId: Types.ObjectId;
  tags: string[];
  pinned: boolean;
  /** When a timed pin ends (the moderation sweeper unpins it; presenters already treat it as unpinned). */
  pinnedUntil: Date | null;
  featured: boolean;
  /** When it was curated: the home page's featured list is newest curation first. */
  featuredAt: Date | null;
  locked: boolean;
  /** The moderator's reason for the lock, shown to readers while locked (absent on older threads). */
  lockReason?: string | null;
  status: ContentStatus;
  /** Hidden before publication (a rejected submission) rather than taken down after it. */
  rejected: boolean;
  /** The moderator's reason for the current non-published state (told to the author). */
  modReason: string | null;
  moderatedAt: Date | null;
  /** Highest post seq handed out; only ever grows, by `$inc` (posts claim theirs from it). */
  lastSeq: number;
  /** Highest seq of a published post: what "unread" compares a reader's last read seq with. */
  lastPublishedSeq: number;
  /** Published, not deleted posts (opening post included), kept by `$inc`. */
  postCount: number;
  replyCount: number;
  reactionCount: number;
  lastActivityAt: Date;
  /** Idempotency key of the creating request; generated when the client sent none. */
  clientId: string;
  createdAt: Date;
  updatedAt: Date;
}

const threadSchema = new Schema<ThreadRecord>(
  {
    roomId: { type: Schema.Types.ObjectId, required: true },
    kind: {
      type: String,
      enum: ["discussion", "practice", "qa-archive"],
      required: true,
      default: "discussion",
    },
    title: {
      type: String,
      required: true,
      minlength: LIMITS.threadTitle.min,
      maxlength: LIMITS.threadTitle.max,
    },
    authorId: { type: Schema.Types.ObjectId, required: true },
    tags: { type: [String], default: [] },
    pinned: { type: Boolean, default: false },
    pinnedUntil: { type: Date, default: null },
    featured: { type: Boolean, default: false },
    featuredAt: { type: Date, default: null },
    locked: { type: Boolean, default: false },
    lockReason: { type: String, default: null, maxlength: 500 },
    status: { type: String, enum: ["published", "queued", "hidden"], required: true, default: "published" },
    rejected: { type: Boolean, default: false },
    modReason: { type: String, default: null, maxlength: 500 },
    moderatedAt: { type: Date, default: null },
    lastSeq: { type: Number, required: true, default: 0, min: 0 },
    lastPublishedSeq: { type: Number, required: true, default: 0, min: 0 },
    postCount: { type: Number, required: true, default: 0 },
    replyCount: { type: Number, required: true, default: 0 },
    reactionCount: { type: Number, required: true, default: 0 },
    lastActivityAt: { type: Date, required: true, default: () => new Date() },
    clientId: { type: String, required: true, maxlength: 80 },
  },
  { timestamps: true, collection: "threads" },
);

// GET /rooms/:slug/threads?sort=activity: find({roomId, status…}).sort({pinned:-1, lastActivityAt:-1, _id:-1}).
threadSchema.index({ roomId: 1, pinned: -1, lastActivityAt: -1, _id: -1 });
// sort=new: sort({createdAt:-1, _id:-1}) within a room.
threadSchema.index({ roomId: 1, createdAt: -1, _id: -1 });
// sort=top: sort({postCount:-1, reactionCount:-1, _id:-1}) within a room.
threadSchema.index({ roomId: 1, postCount: -1, reactionCount: -1, _id: -1 });
// Room list: a room's latest activity, and its recently active threads for the viewer's unread count.
threadSchema.index({ roomId: 1, lastActivityAt: -1 });
// The approval queue: find({status:"queued", roomId:{$in}}).sort({createdAt:1}).
threadSchema.index({ status: 1, roomId: 1, createdAt: 1 });
// The home page's featured list: find({featured:true, status:"published", roomId:{$in}}).sort({featuredAt:-1}).
threadSchema.index({ featured: 1, featuredAt: -1 });
// The pin sweeper: find({pinned:true, pinnedUntil:{$lte:now}}).
threadSchema.index({ pinnedUntil: 1 }, { partialFilterExpression: { pinned: true } });
// Idempotent create: a retried `POST /rooms/:slug/threads` with the same clientId hits E11000 here.
threadSchema.index({ authorId: 1, clientId: 1 }, { unique: true });

export const Thread: Model<ThreadRecord> =
  mongoose.models.Thread ?? mongoose.model<ThreadRecord>("Thread", threadSchema);
