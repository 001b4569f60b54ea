import type { ModNoticeDto } from "@rembuk/shared";
import type { Types } from "mongoose";
import { publish } from "../../lib/realtime/publish.js";
import { rooms } from "../../lib/realtime/rooms.js";

/**
 * Tell one person what a moderator decided about their content or their flag (`moderation:notice` to
 * their tabs). The notice names where and why, never the content itself; the content's own state (the
 * author's view of it, the flagger's flag list) keeps the outcome for later visits.
 */
export function notify(userId: Types.ObjectId | string, notice: Omit<ModNoticeDto, "at">): void {
  publish(rooms.user(String(userId)), "moderation:notice", {
    notice: { ...notice, at: new Date().toISOString() },
  });
}
