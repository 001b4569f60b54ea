import type {
  FlagDto,
  ModActionDto,
  ModNoticeDto,
  QueueItemDto,
  ThreadDto,
  UnqueuedEvent,
} from "@rembuk/shared";
import type { RealtimeSocket } from "../../lib/socket";
import type { useStore } from "../../store";

/**
 * Moderation events → store. Moderators' sockets are put in their moderation rooms by the server (at
 * connection for room moderators, at the handshake for staff); after every (re)connect the counts are
 * read again, so a badge never stays stale after a gap. Everyone gets their own notices.
 */
export function bindModerationSocket(socket: RealtimeSocket, store: typeof useStore): () => void {
  const onQueued = ({ item }: { item: QueueItemDto }) => store.getState().internal_queued(item);
  const onUnqueued = (event: UnqueuedEvent) => store.getState().internal_unqueued(event);
  const onFlagCreated = ({ flag }: { flag: FlagDto }) => store.getState().internal_flagChanged(flag, true);
  const onFlagUpdated = ({ flag }: { flag: FlagDto }) => store.getState().internal_flagChanged(flag, false);
  const onLog = ({ entry }: { entry: ModActionDto }) => store.getState().internal_logCreated(entry);
  const onNotice = ({ notice }: { notice: ModNoticeDto }) => store.getState().internal_notice(notice);
  const onThread = ({ thread }: { thread: ThreadDto }) => store.getState().internal_featuredChanged(thread);
  const onConnect = () => {
    const s = store.getState();
    if (s.currentUserId) void s.loadModScope();
    else s.internal_modReset();
  };
  socket.on("moderation:queued", onQueued);
  socket.on("moderation:unqueued", onUnqueued);
  socket.on("flag:created", onFlagCreated);
  socket.on("flag:updated", onFlagUpdated);
  socket.on("modlog:created", onLog);
  socket.on("moderation:notice", onNotice);
  socket.on("thread:updated", onThread);
  socket.on("connect", onConnect);
  return () => {
    socket.off("thread:updated", onThread);
    socket.off("moderation:queued", onQueued);
    socket.off("moderation:unqueued", onUnqueued);
    socket.off("flag:created", onFlagCreated);
    socket.off("flag:updated", onFlagUpdated);
    socket.off("modlog:created", onLog);
    socket.off("moderation:notice", onNotice);
    socket.off("connect", onConnect);
  };
}
