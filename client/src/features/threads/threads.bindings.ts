import type { ThreadDto } from "@rembuk/shared";
import type { RealtimeSocket } from "../../lib/socket";
import type { useStore } from "../../store";

/** `thread:created` / `thread:updated` (sent to the room's channel) → thread lists and room counters. */
export function bindThreadsSocket(socket: RealtimeSocket, store: typeof useStore): () => void {
  const onCreated = ({ thread }: { thread: ThreadDto }) => store.getState().internal_threadCreated(thread);
  const onUpdated = ({ thread }: { thread: ThreadDto }) => store.getState().internal_threadUpdated(thread);
  socket.on("thread:created", onCreated);
  socket.on("thread:updated", onUpdated);
  return () => {
    socket.off("thread:created", onCreated);
    socket.off("thread:updated", onUpdated);
  };
}
