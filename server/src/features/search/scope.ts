import type { Types } from "mongoose";
import type { Actor } from "../../lib/actor.js";
import { Room, type RoomRecord } from "../rooms/index.js";
import { canSeeRoom, isRoomModerator, visibleContentFilter } from "../rooms/index.js";

export interface ReaderScope {
  /** The query condition: what this reader may find, decided by the rooms feature's rules. */
  filter: Record<string, unknown>;
  /** Rooms the reader can see, by slug (the room filter resolves through it: a hidden room finds nothing). */
  roomsBySlug: Map<string, Types.ObjectId>;
}

type ScopeRoom = Pick<RoomRecord, "_id" | "slug" | "visibility" | "allowedAffiliations" | "moderators">;

/**
 * The reader's view of the index, at query time: documents outside rooms (people, regions), rooms
 * they moderate in full, and in other visible rooms what `visibleContentFilter` lets them see (there
 * applied to each document's effective status and `viewers`; see document.ts `audienceOf`). Rooms are
 * few, so all are read and judged by `canSeeRoom` / `isRoomModerator` here.
 */
export async function readerScope(actor: Actor | null): Promise<ReaderScope> {
  const rooms = await Room.find({}, { slug: 1, visibility: 1, allowedAffiliations: 1, moderators: 1 }).lean<
    ScopeRoom[]
  >();
  const visible = rooms.filter((r) => canSeeRoom(actor, r));
  const moderated = visible.filter((r) => isRoomModerator(actor, r));
  const plain = visible.filter((r) => !isRoomModerator(actor, r));
  const branches: Record<string, unknown>[] = [{ roomId: null }];
  if (moderated.length) branches.push({ roomId: { $in: moderated.map((r) => r._id) } });
  if (plain.length) {
    branches.push({
      $and: [{ roomId: { $in: plain.map((r) => r._id) } }, visibleContentFilter(actor, plain[0]!, "viewers")],
    });
  }
  return { filter: { $or: branches }, roomsBySlug: new Map(visible.map((r) => [r.slug, r._id])) };
}
