import { domainEvents } from "../../lib/events.js";
import { recordModAction } from "./modAction.service.js";
import { publishQueued, publishUnqueued } from "./queue.publish.js";

// Features below moderation announce; moderation records and shows. Loaded by this feature's index.ts.
domainEvents.on("audit.modAction", async (entry) => {
  await recordModAction(entry);
});
domainEvents.on("post.queued", (e) => publishQueued({ targetType: "post", ...e }));
domainEvents.on("post.unqueued", (e) => publishUnqueued(e));
domainEvents.on("thread.queued", (e) => publishQueued({ targetType: "thread", ...e }));
