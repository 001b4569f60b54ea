import { threadCommands } from "@rembuk/shared";
import { send } from "../../lib/send";

/**
 * A thread's posts by seq, for pages outside the thread view (promoting a discussion to a practice).
 * Kept while that page imports it; new callers use `send(threadCommands.posts, …)` directly.
 */
export const postsApi = {
  /** `afterSeq` pages forward, `beforeSeq` returns the `limit` posts just before it (ascending). */
  list: (
    threadId: string,
    query: { afterSeq?: number; beforeSeq?: number; limit?: number },
    signal?: AbortSignal,
  ) => send(threadCommands.posts, { id: threadId, ...query }, { signal }),
};
