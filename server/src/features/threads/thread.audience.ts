import type { Actor } from "../../lib/actor.js";
import { can } from "../../lib/policy.js";
import { rooms } from "../../lib/realtime/rooms.js";
import { liveIo, schedulePresence, scopeOf } from "../presence/presence.service.js";
import { Room } from "../rooms/room.model.js";
import { canSeeRoom } from "../rooms/room.visibility.js";
import { loadActor } from "../users/user.actor.js";
import { Thread } from "./thread.model.js";

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
