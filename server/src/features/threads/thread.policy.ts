import { definePolicy, read, write } from "../../lib/policyRules.js";
import { seesThread, type InRoom, type InThread, canSeeRoom } from "../rooms/index.js";

/**
 * Threads. Whether a locked thread takes a post is a state check in the post service (409 LOCKED),
 * not a permission.
 */
export const threadPolicy = definePolicy({
  "thread.create": write((actor, r: InRoom) => canSeeRoom(actor, r.room)),
  "thread.view": read((actor, r: InThread) => seesThread(actor, r)),
  /** Marking read changes only the reader's own state, so suspended readers may still do it. */
  "thread.markRead": read((actor, r: InThread) => actor !== null && seesThread(actor, r)),
});
