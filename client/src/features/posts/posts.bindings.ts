import type { PostDeletedEvent, PostDto, PresenceDto, UserSummaryDto } from "@rembuk/shared";
import type { RealtimeSocket } from "../../lib/socket";
import type { useStore } from "../../store";

/**
 * Posts, typing and thread presence → store. On every (re)connect each open thread is joined again
 * with `afterSeq` = the last seq this tab holds without a hole, so whatever was posted meanwhile
 * arrives exactly once (merged by id and seq); then the outbox re-sends what is still waiting, each
 * with its original clientId. Outboxes a previous visit left in localStorage are picked up at once.
 */
export function bindPostsSocket(socket: RealtimeSocket, store: typeof useStore): () => void {
  const onCreated = ({ post }: { post: PostDto }) => store.getState().internal_postCreated(post);
  const onUpdated = ({ post }: { post: PostDto }) => store.getState().internal_postUpdated(post);
  const onDeleted = (event: PostDeletedEvent) => store.getState().internal_postDeleted(event);
  const onPresence = (presence: PresenceDto) => store.getState().internal_threadPresence(presence);
  const onTyping = ({ threadId, user }: { threadId: string; user: UserSummaryDto }) =>
    store.getState().internal_typing(threadId, user);
  const onConnect = () => store.getState().internal_rejoinThreads();

  store.getState().internal_restoreOutbox();
  // Signing in (or switching account) makes that user's waiting posts sendable.
  const unsubscribe = store.subscribe((state, prev) => {
    if (state.currentUserId !== prev.currentUserId && state.currentUserId && socket.connected)
      state.internal_flushOutbox();
  });

  socket.on("post:created", onCreated);
  socket.on("post:updated", onUpdated);
  socket.on("post:deleted", onDeleted);
  socket.on("presence:changed", onPresence);
  socket.on("typing", onTyping);
  socket.on("connect", onConnect);
  return () => {
    unsubscribe();
    socket.off("post:created", onCreated);
    socket.off("post:updated", onUpdated);
    socket.off("post:deleted", onDeleted);
    socket.off("presence:changed", onPresence);
    socket.off("typing", onTyping);
    socket.off("connect", onConnect);
  };
}
