import { definePolicy, read, write } from "../../lib/policyRules.js";
import {
  isAuthor,
  readsPost,
  seesPost,
  seesThread,
  type InThread,
  type OnPost,
  isRoomModerator,
} from "../rooms/index.js";

export const postPolicy = definePolicy({
  "post.create": write((actor, r: InThread) => seesThread(actor, r)),
  "post.view": read((actor, r: OnPost) => seesPost(actor, r)),
  /** Editing is the author's alone (moderators act through moderation, which is logged). */
  "post.update": write((actor, r: OnPost) => readsPost(actor, r) && isAuthor(actor, r.post)),
  "post.delete": write(
    (actor, r: OnPost) => seesPost(actor, r) && (isAuthor(actor, r.post) || isRoomModerator(actor, r.room)),
  ),
  /** Only published text takes reactions (a placeholder or a queued post has nothing to react to). */
  "post.react": write((actor, r: OnPost) => readsPost(actor, r) && r.post.status === "published"),
  /** Earlier versions of a deleted post stay with its author and moderators. */
  "post.viewHistory": read(
    (actor, r: OnPost) =>
      readsPost(actor, r) &&
      (!r.post.deleted || (actor !== null && (isAuthor(actor, r.post) || isRoomModerator(actor, r.room)))),
  ),
});
