import { domainEvents } from "../../lib/events.js";
import { indexPost, indexQuestion, indexRoom, indexSession, indexThread, indexUser } from "./indexer.js";

declare module "../../lib/events.js" {
  interface DomainEvents {
    /** A post was created, edited, moderated or deleted. */
    "post.changed": { postId: string };
    /** A thread (or its practice record) was created, edited, moderated or moved. */
    "thread.changed": { threadId: string };
    /** A user's public profile (name, title, affiliation, verification) changed. */
    "user.changed": { userId: string };
    /** A room's name, description or audience changed. */
    "room.changed": { roomId: string };
    /** A Q&A question changed (answered, moderated). */
    "question.changed": { questionId: string };
    /** A Q&A session changed status (its questions are searchable once it has ended). */
    "qa.session.changed": { sessionId: string };
  }
}

let bound = false;

/**
 * Index on write: each change reaches the index before the write's request returns, so the next
 * search sees it. Bound once per process (app start, tests).
 */
export function bindSearchIndexing(): void {
  if (bound) return;
  bound = true;
  domainEvents.on("post.changed", ({ postId }) => indexPost(postId));
  domainEvents.on("thread.changed", ({ threadId }) => indexThread(threadId));
  domainEvents.on("user.changed", ({ userId }) => indexUser(userId));
  domainEvents.on("room.changed", ({ roomId }) => indexRoom(roomId));
  domainEvents.on("question.changed", ({ questionId }) => indexQuestion(questionId));
  domainEvents.on("qa.session.changed", ({ sessionId }) => indexSession(sessionId));
}
