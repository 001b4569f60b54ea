import { rooms } from "../../lib/realtime/rooms.js";
import { liveIo, schedulePresence, scopeOf } from "../presence/presence.service.js";
import { Thread } from "../threads/thread.model.js";
import { loadActor } from "../users/user.actor.js";
import type { RoomRecord } from "./room.model.js";
import { canSeeRoom } from "./room.visibility.js";

/**
 * After a room's audience changed: every socket (on every process) that is in the room or one of its
 * threads and whose user may no longer see the room leaves them, so it stops receiving broadcasts that
 * are now private to others. Rare (an admin edit), so reading all sockets is acceptable.
 */
export async function revalidateRoomAudience(room: RoomRecord): Promise<void> {
  const io = liveIo();
  if (!io) return;
  const sockets = await io.fetchSockets();
  const roomName = rooms.room(room._id.toString());
  const threadIds = new Set<string>();
  for (const s of sockets) {
    for (const name of s.rooms) {
      const scope = scopeOf(name);
      if (scope?.scope === "thread") threadIds.add(scope.id);
    }
  }
  const ours = threadIds.size
    ? await Thread.find({ _id: { $in: [...threadIds] }, roomId: room._id }, { _id: 1 }).lean()
    : [];
  const names = new Set([roomName, ...ours.map((t) => rooms.thread(t._id.toString()))]);

  for (const s of sockets) {
    const joined = [...s.rooms].filter((n) => names.has(n));
    if (joined.length === 0) continue;
    if (canSeeRoom(await loadActor(s.data.userId), room)) continue;
    for (const name of joined) {
      s.leave(name);
      const scope = scopeOf(name);
      if (scope) schedulePresence(scope.scope, scope.id);
    }
  }
}
