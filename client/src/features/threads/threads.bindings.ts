import type { ThreadDto, ThreadRemovedEvent } from "@rembuk/shared";
import type { RealtimeSocket } from "../../lib/socket";
import type { useStore } from "../../store";

/** `thread:created` / `thread:updated` / `thread:removed` (room channel and readers) → thread lists, room counters, open threads. */
export function bindThreadsSocket(socket: RealtimeSocket, store: typeof useStore): () => void {
  const onCreated = ({ thread }: { thread: ThreadDto }) => store.getState().internal_threadCreated(thread);
  const onUpdated = ({ thread }: { thread: ThreadDto }) => store.getState().internal_threadUpdated(thread);
  const onRemoved = (event: ThreadRemovedEvent) => store.getState().internal_threadRemoved(event);
  socket.on("thread:created", onCreated);
  socket.on("thread:updated", onUpdated);
  socket.on("thread:removed", onRemoved);
  return () => {
    socket.off("thread:created", onCreated);
    socket.off("thread:updated", onUpdated);
    socket.off("thread:removed", onRemoved);
  };
}
