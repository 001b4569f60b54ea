import {
  browserNetwork,
  getSocket,
  reconnectSocket,
  socketConnectionSource,
  watchConnection,
  type NetworkSource,
  type RealtimeSocket,
} from "../lib/socket";
import { useStore } from "./index";
import { bindQaSocket } from "../features/qa";
import { bindRoomsSocket } from "../features/rooms";
import { bindThreadsSocket } from "../features/threads";
import { bindPostsSocket } from "../features/posts";
import { bindPracticesSocket } from "../features/practices";
import { bindModerationSocket } from "../features/moderation";
import { bindVerificationSocket } from "../features/verification";
import { bindNotificationsSocket } from "../features/notifications";

/**
 * Wires the socket to the store: connection status, server-pushed session changes, and a fresh
 * handshake whenever the session cookie changes. Feature bindings (threads, presence…) add their
 * `socket.on(...)` handlers here, each forwarding to an `internal_` store action.
 * Returns a function that undoes everything (used by tests and hot reload).
 */
export function bindSocketToStore(
  socket: RealtimeSocket = getSocket(),
  network: NetworkSource = browserNetwork(),
  store: typeof useStore = useStore,
): () => void {
  const stopWatching = watchConnection(socketConnectionSource(socket), {
    network,
    onStatus: (status) => store.getState().internal_setConnection(status),
  });

  const onSessionEnded = ({ reason }: { reason: "logout" | "suspended" }) =>
    store.getState().internal_sessionEnded(reason);
  socket.on("session:ended", onSessionEnded);
  const unbindQa = bindQaSocket(socket, store);
  const unbindForum = [
    bindRoomsSocket(socket, store),
    bindThreadsSocket(socket, store),
    bindPostsSocket(socket, store),
    bindPracticesSocket(socket, store),
    bindModerationSocket(socket, store),
    bindVerificationSocket(socket, store),
    bindNotificationsSocket(socket, store),
  ];

  const unsubscribe = store.subscribe((state, prev) => {
    if (state.sessionEpoch !== prev.sessionEpoch) reconnectSocket(socket);
  });

  socket.connect();

  return () => {
    unsubscribe();
    socket.off("session:ended", onSessionEnded);
    unbindQa();
    for (const unbind of unbindForum) unbind();
    stopWatching();
    socket.disconnect();
  };
}
