import type { UnqueuedEvent } from "@rembuk/shared";
import { publish } from "../../lib/realtime/publish.js";
import { modAudience } from "./modAction.service.js";
import { presentQueue, type QueueEntry } from "./queue.presenter.js";

/** Something entered (or changed in) the approval queue: its room's moderators see it at once. */
export async function publishQueued(entry: QueueEntry): Promise<void> {
  const [item] = await presentQueue(null, [entry]);
  publish(modAudience(entry.room._id), "moderation:queued", { item });
}

/** Something left the queue (approved, rejected, withdrawn by its author). */
export function publishUnqueued(event: UnqueuedEvent): void {
  publish(modAudience(event.roomId), "moderation:unqueued", event);
}
