export {
  createPost,
  listPosts,
  reactToPost,
  loadVisiblePost,
  applyEdit,
  publishPost,
  softDelete,
  catchUp,
  type LoadedPost,
} from "./post.service.js";
export { Post, SlowModeMark, type PostRecord } from "./post.model.js";
export { presentPost, presentPosts } from "./post.presenter.js";
export { postPolicy } from "./post.policy.js";
export { postHandlers } from "./post.commands.js";
export { initialStatus } from "./post.status.js";
export { takeSlowModeSlot } from "./slowMode.js";
export { postAudience, postAuthor, postReviewers, threadReaders } from "./post.audience.js";
export { giveSeq, takeSeq } from "./post.numbering.js";
export { recountThread, shiftThreadCounters } from "./thread.counters.js";
export { createThread } from "./thread.create.js";
export { registerThreadRecord, type ThreadRecordHook, type PreparedRecord } from "./thread.records.js";
export { threadPostHandlers } from "./threadPosts.commands.js";
