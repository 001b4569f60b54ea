import type { RoomAbilitiesDto } from "@rembuk/shared";
import type { Actor } from "../../lib/actor.js";
import { can } from "../../lib/policy.js";
import type { RoomAccess } from "./room.visibility.js";

/** What `viewer` may do in a room they can see. */
export function roomAbilities(viewer: Actor | null, room: RoomAccess): RoomAbilitiesDto {
  return {
    moderate: can(viewer, "room.moderate", { room }),
    update: can(viewer, "room.update", { room }),
    createThread: can(viewer, "thread.create", { room }),
    hostQa: can(viewer, "qa.create", { moderatorIds: room.moderators.map(String) }),
  };
}
