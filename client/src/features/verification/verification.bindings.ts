import type { UserDto, VerificationRequestDto } from "@rembuk/shared";
import type { RealtimeSocket } from "../../lib/socket";
import type { useStore } from "../../store";

/**
 * Verification events → store. Moderators receive every request in the `mod` room; a member receives
 * changes to their own request and, as `user:updated`, their account after a decision (the badge
 * appears and the toast tells the outcome without a reload). After a reconnect the open lists reload.
 */
export function bindVerificationSocket(socket: RealtimeSocket, store: typeof useStore): () => void {
  const onRequest = ({ request }: { request: VerificationRequestDto }) =>
    store.getState().internal_verificationChanged(request);
  const onUser = ({ user }: { user: UserDto }) => store.getState().internal_selfUpdated(user);
  const onConnect = () => {
    const s = store.getState();
    if (!s.currentUserId) return s.internal_verificationReset();
    for (const status of ["pending", "approved", "rejected"] as const)
      if (s.verificationLists[status].status !== "idle") void s.loadVerifications(status);
    if (s.currentUserId && s.myVerification !== undefined) void s.loadMyVerification().catch(() => undefined);
  };
  socket.on("verification:requested", onRequest);
  socket.on("verification:updated", onRequest);
  socket.on("user:updated", onUser);
  socket.on("connect", onConnect);
  return () => {
    socket.off("verification:requested", onRequest);
    socket.off("verification:updated", onRequest);
    socket.off("user:updated", onUser);
    socket.off("connect", onConnect);
  };
}
