import type { ContentStatus } from "@rembuk/shared";
import type { Actor } from "../../lib/actor.js";
import type { RoomRecord } from "../rooms/room.model.js";

/**
 * The status a new thread or post starts in. Everything is published for now; the moderation feature
 * plugs pre-moderation in here (e.g. `queued` for unverified members in `room.preModerated` rooms), and
 * every read, count and broadcast already treats anything but `published` as visible only to its
 * author and the room's moderators.
 */
export function initialStatus(_actor: Actor, _room: Pick<RoomRecord, "preModerated">): ContentStatus {
  return "published";
}
