import { domainEvents } from "../../lib/events.js";
import { enqueueJob } from "./notification.queue.js";
import { registerProcessor } from "./notify.worker.js";
import { produceAdoptionStep, producePracticeEdit } from "./adoption.producer.js";
import { produceModeration } from "./moderation.producer.js";
import { produceUnseenMail, sendDigests } from "./mail.producer.js";
import { producePost } from "./post.producer.js";

let bound = false;

/**
 * Events in, jobs out: each listener writes one job (inside the request that caused the event) and
 * returns; the worker fans it out later. Bound once per process.
 */
export function bindNotificationProducers(): void {
  if (bound) return;
  bound = true;
  registerProcessor("post.published", producePost);
  registerProcessor("moderation.recorded", produceModeration);
  registerProcessor("adoption.stepped", produceAdoptionStep);
  registerProcessor("practice.edited", producePracticeEdit);
  registerProcessor("mail.unseen", produceUnseenMail);
  registerProcessor("digest", async () => {
    await sendDigests();
  });
  domainEvents.on("post.published", ({ postId }) =>
    enqueueJob("post.published", `post:${postId}`, { postId }),
  );
  domainEvents.on("moderation.recorded", ({ modActionId }) =>
    enqueueJob("moderation.recorded", `mod:${modActionId}`, { modActionId }),
  );
  domainEvents.on("adoption.stepped", ({ adoptionId, step }) =>
    enqueueJob("adoption.stepped", `adoption:${adoptionId}:${step}`, { adoptionId, step }),
  );
  domainEvents.on("practice.edited", (event) =>
    enqueueJob("practice.edited", `practice:${event.threadId}:${event.revision}`, { ...event }),
  );
}
