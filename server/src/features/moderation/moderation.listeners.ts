import { domainEvents } from "../../lib/events.js";
import { recordModAction } from "./modAction.service.js";
import { announceQueued, announceUnqueued } from "./queue.publish.js";

// Features below moderation announce; moderation records and shows. Loaded by this feature's index.ts.
domainEvents.on("audit.modAction", async (entry) => {
  await recordModAction(entry);
});
domainEvents.on("post.queued", (e) => announceQueued({ targetType: "post", ...e }));
domainEvents.on("post.unqueued", (e) => announceUnqueued(e));
