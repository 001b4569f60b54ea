import { watchCommands } from "@rembuk/shared";
import { handle, type BoundCommand } from "../../lib/commands/handle.js";
import { watchRoom, watchTag, watchThread } from "./watch.service.js";

/** Watching's commands (shared/src/commands/notifications.ts) bound to the feature. */
export function watchHandlers(): BoundCommand[] {
  return [
    handle(watchCommands.thread, ({ id, level }, { actor }) => watchThread(actor, id, level)),
    handle(watchCommands.room, ({ slug, level }, { actor }) => watchRoom(actor, slug, level)),
    handle(watchCommands.tag, ({ tag, level }, { actor }) => watchTag(actor, tag, level)),
  ];
}
