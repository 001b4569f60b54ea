import { useEffect } from "react";
import { useStore } from "../../store";

/** How often a visible room list refreshes its numbers. */
export const ROOM_LIST_REFRESH_MS = 20_000;

/**
 * Keeps the room list's numbers live while it is on screen. Joining every room's channel would count
 * the reader as present in all of them (and leak nothing, but mean nothing), so the list refreshes
 * `GET /rooms` instead: every 20 s while the tab is visible, at once when it becomes visible again,
 * and after every reconnect. Rooms a page has joined move in real time in between.
 */
export function useLiveRoomList(): void {
  const loadRooms = useStore((s) => s.loadRooms);
  const connection = useStore((s) => s.connection);
  const signedIn = useStore((s) => s.currentUserId);

  useEffect(() => {
    const refresh = () => {
      if (document.visibilityState === "visible") void loadRooms();
    };
    const timer = setInterval(refresh, ROOM_LIST_REFRESH_MS);
    document.addEventListener("visibilitychange", refresh);
    return () => {
      clearInterval(timer);
      document.removeEventListener("visibilitychange", refresh);
    };
  }, [loadRooms]);

  // Back online, or signed in as someone else: the numbers (and which rooms exist) may differ.
  useEffect(() => {
    if (connection === "online") void loadRooms();
  }, [connection, signedIn, loadRooms]);
}
