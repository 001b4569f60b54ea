import { domainEvents } from "../../lib/events.js";
import { raiseReadMark } from "./readState.service.js";

// Writing a post means having read the thread up to it (posts announce; read state sits above them).
// Loaded by this feature's index.ts.
domainEvents.on("post.authored", async ({ authorId, threadId, seq }) => {
  await raiseReadMark(authorId, threadId, seq);
});
