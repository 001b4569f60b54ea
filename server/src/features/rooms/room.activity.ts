import type { Actor } from "../../lib/actor.js";
import type { RoomRecord } from "./room.model.js";

/** What a room's threads say on the room list, as one viewer sees them. */
export interface RoomActivity {
  threadCount: number;
  lastActivityAt: Date | null;
  /** Signed-in, non-neutral views only. */
  unreadThreads?: number;
}

/** One entry per room of `list`, in order; `neutral` counts as nobody in particular (broadcasts). */
export type RoomActivityLoader = (
  viewer: Actor | null,
  list: RoomRecord[],
  opts: { neutral: boolean },
) => Promise<RoomActivity[]>;

let loader: RoomActivityLoader | null = null;

/**
 * Threads and read marks live above rooms, so the feature that sees both (read state) provides the
 * loader from its index.ts; the composition root loads every feature before a room is presented.
 */
export function provideRoomActivity(fn: RoomActivityLoader): void {
  loader = fn;
}

export function roomActivity(...args: Parameters<RoomActivityLoader>): Promise<RoomActivity[]> {
  if (!loader) throw new Error("No room activity loader: the readstate feature provides it when loaded");
  return loader(...args);
}
