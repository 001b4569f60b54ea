import type { Actor } from "../../lib/actor.js";
import { can } from "../../lib/policy.js";
import { rooms } from "../../lib/realtime/rooms.js";
import { domainEvents } from "../../lib/events.js";
import { liveIo } from "../../lib/realtime/live.js";
import { schedulePresence, scopeOf } from "../presence/index.js";
import { Room, type RoomRecord, canSeeRoom } from "../rooms/index.js";
import { loadActor } from "../users/index.js";
import { Thread } from "./thread.model.js";

// Lower features announce audience changes; the re-checks live here, the lowest feature that knows
// both rooms and threads.
domainEvents.on("room.audienceChanged", ({ room }) => revalidateRoomAudience(room));
domainEvents.on("user.accessChanged", ({ userId }) => revalidateUserSockets(userId));

/**
 * After a thread was hidden or moved: every socket (on every process) reading it whose user may no
 * longer see it leaves the thread's room, so it stops receiving posts that are now private to others.
 * Like the rooms feature's audience re-check; rare (a moderator's action), so reading the thread's
 * sockets is fine.
 */
export async function revalidateThreadAudience(threadId: string): Promise<void> {
  const io = liveIo();
  if (!io) return;
  const thread = await Thread.findById(threadId).lean();
  const room = thread ? await Room.findById(thread.roomId).lean() : null;
  const name = rooms.thread(threadId);
  const sockets = await io.in(name).fetchSockets();
  const actors = new Map<string, Actor | null>();
  let left = false;
  for (const s of sockets) {
    const key = s.data.userId ?? "";
    if (!actors.has(key)) actors.set(key, await loadActor(s.data.userId));
    const actor = actors.get(key) ?? null;
    if (thread && room && canSeeRoom(actor, room) && can(actor, "thread.view", { room, thread })) continue;
    s.leave(name);
    left = true;
  }
  if (left) schedulePresence("thread", threadId);
}

/**
 * After a user's role changed: each of their sockets leaves the rooms and threads they may no longer
 * see (a demoted moderator reading a restricted room or a hidden thread).
 */
export async function revalidateUserSockets(userId: string): Promise<void> {
  const io = liveIo();
  if (!io) return;
  const sockets = await io.in(rooms.user(userId)).fetchSockets();
  if (sockets.length === 0) return;
  const actor = await loadActor(userId);
  const names = new Set(sockets.flatMap((s) => [...s.rooms]));
  const refused = new Set<string>();
  for (const name of names) {
    const scope = scopeOf(name);
    if (!scope) continue;
    if (scope.scope === "room") {
      const room = await Room.findById(scope.id).lean();
      if (!room || !canSeeRoom(actor, room)) refused.add(name);
    } else {
      const thread = await Thread.findById(scope.id).lean();
      const room = thread ? await Room.findById(thread.roomId).lean() : null;
      if (!thread || !room || !canSeeRoom(actor, room) || !can(actor, "thread.view", { room, thread }))
        refused.add(name);
    }
  }
  for (const s of sockets) {
    for (const name of refused) {
      if (!s.rooms.has(name)) continue;
      s.leave(name);
      const scope = scopeOf(name);
      if (scope) schedulePresence(scope.scope, scope.id);
    }
  }
}

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
