import type { Actor } from "../../lib/actor.js";
import { visibleContentFilter, type RoomActivity, type RoomRecord } from "../rooms/index.js";
import { Thread } from "../threads/index.js";
import { unreadThreadsByRoom } from "./readState.service.js";

/** Unread counts on the room list look at threads active this recently (older ones count as read). */
export const UNREAD_WINDOW_DAYS = 30;

/**
 * The room list's thread numbers as `viewer` sees them: visible threads (published ones, plus the
 * viewer's own and, for moderators, all), latest activity and the viewer's unread threads. Provided
 * to rooms (rooms/room.activity.ts) by this feature's index.ts.
 */
export async function loadRoomActivity(
  viewer: Actor | null,
  list: RoomRecord[],
  { neutral }: { neutral: boolean },
): Promise<RoomActivity[]> {
  const since = new Date(Date.now() - UNREAD_WINDOW_DAYS * 24 * 60 * 60 * 1000);
  const perRoom = await Promise.all(
    list.map(async (room) => {
      const visible = { roomId: room._id, ...visibleContentFilter(neutral ? null : viewer, room) };
      const [threadCount, latest, recent] = await Promise.all([
        Thread.countDocuments(visible),
        Thread.findOne(visible, { lastActivityAt: 1 }).sort({ lastActivityAt: -1 }).lean(),
        viewer && !neutral
          ? Thread.find(
              { ...visible, status: "published", lastActivityAt: { $gte: since } },
              { roomId: 1, lastPublishedSeq: 1, lastActivityAt: 1 },
            ).lean()
          : Promise.resolve([]),
      ]);
      return { threadCount, lastActivityAt: latest?.lastActivityAt ?? null, recent };
    }),
  );
  const unread =
    viewer && !neutral
      ? await unreadThreadsByRoom(
          viewer,
          perRoom.flatMap((r) => r.recent),
        )
      : null;
  return list.map((room, i) => ({
    threadCount: perRoom[i].threadCount,
    lastActivityAt: perRoom[i].lastActivityAt,
    ...(unread ? { unreadThreads: unread.get(room._id.toString()) ?? 0 } : {}),
  }));
}
