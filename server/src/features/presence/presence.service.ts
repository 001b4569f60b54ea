import type { PresenceDto } from "@rembuk/shared";
import { logger } from "../../lib/logger.js";
import type { IoSocket } from "../../lib/realtime/defineHandler.js";
import { liveIo } from "../../lib/realtime/live.js";
import { publish } from "../../lib/realtime/publish.js";
import { rooms } from "../../lib/realtime/rooms.js";
import { loadUserSummaries } from "../users/index.js";

type Scope = PresenceDto["scope"];

/**
 * Presence is read from Socket.io itself (`fetchSockets`), never kept in a side table: with the Redis
 * adapter that asks every server process, so counts cover all of them and nothing goes stale when a
 * process dies. Signed-in people count once however many tabs they have; guests count per socket.
 */

const roomName = (scope: Scope, id: string) => (scope === "room" ? rooms.room(id) : rooms.thread(id));
const ROOM_PREFIX = rooms.room("");
const THREAD_PREFIX = rooms.thread("");

/** The presence scope a Socket.io room name stands for, if it is a room or thread room. */
export function scopeOf(name: string): { scope: Scope; id: string } | null {
  if (name.startsWith(ROOM_PREFIX)) return { scope: "room", id: name.slice(ROOM_PREFIX.length) };
  if (name.startsWith(THREAD_PREFIX)) return { scope: "thread", id: name.slice(THREAD_PREFIX.length) };
  return null;
}

export async function presenceOf(scope: Scope, id: string): Promise<PresenceDto> {
  const io = liveIo();
  const sockets = io ? await io.in(roomName(scope, id)).fetchSockets() : [];
  const userIds = new Set<string>();
  let guests = 0;
  for (const s of sockets) {
    if (s.data.userId) userIds.add(s.data.userId);
    else guests++;
  }
  const summaries = await loadUserSummaries(userIds);
  const users = [...summaries.values()].sort((a, b) => a.name.localeCompare(b.name, "id"));
  return { scope, id, users, guests, count: users.length + guests };
}

/** People in each of these rooms now (one cross-process query for all of them). */
export async function roomPresenceCounts(roomIds: string[]): Promise<Map<string, number>> {
  const counts = new Map<string, number>();
  const io = liveIo();
  if (!io || roomIds.length === 0) return counts;
  const wanted = new Set(roomIds.map((id) => rooms.room(id)));
  const people = new Map<string, Set<string>>();
  for (const s of await io.in([...wanted]).fetchSockets()) {
    for (const name of s.rooms) {
      if (!wanted.has(name)) continue;
      const set = people.get(name) ?? new Set<string>();
      set.add(s.data.userId ?? `guest:${s.id}`);
      people.set(name, set);
    }
  }
  for (const id of roomIds) counts.set(id, people.get(rooms.room(id))?.size ?? 0);
  return counts;
}

/**
 * `presence:changed` is debounced per scope: a burst of joins (a page of tabs reconnecting after a
 * network blip) becomes one broadcast computed after the burst. Each process debounces what it saw;
 * the list it sends is the cluster-wide one.
 */
const PRESENCE_DEBOUNCE_MS = 150;
const pending = new Map<string, NodeJS.Timeout>();

export function schedulePresence(scope: Scope, id: string): void {
  const key = `${scope}:${id}`;
  if (pending.has(key)) return;
  const timer = setTimeout(() => {
    pending.delete(key);
    presenceOf(scope, id).then(
      (presence) => publish(roomName(scope, id), "presence:changed", presence),
      (err: unknown) => logger.warn({ err, scope, id }, "presence update failed"),
    );
  }, PRESENCE_DEBOUNCE_MS);
  timer.unref();
  pending.set(key, timer);
}

/** A closing tab leaves every room and thread at once; tell each of them (debounced). */
export function announceLeavingOnDisconnect(socket: IoSocket): void {
  socket.on("disconnecting", () => {
    for (const name of socket.rooms) {
      const scope = scopeOf(name);
      if (scope) schedulePresence(scope.scope, scope.id);
    }
  });
}
