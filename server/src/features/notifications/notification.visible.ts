import type { Actor } from "../../lib/actor.js";
import { Adoption } from "../practices/index.js";
import { Post } from "../posts/index.js";
import { QaSession, Question } from "../qa/index.js";
import { canSeeRoom, readsPost, Room, seesThread } from "../rooms/index.js";
import { Thread } from "../threads/index.js";
import type { NotificationRecord } from "./notification.model.js";

async function threadVisible(actor: Actor, threadId: unknown): Promise<boolean> {
  const thread = await Thread.findById(threadId).lean();
  const room = thread ? await Room.findById(thread.roomId).lean() : null;
  return !!thread && !!room && seesThread(actor, { room, thread });
}

async function sessionVisible(actor: Actor, sessionId: unknown): Promise<boolean> {
  const session = await QaSession.findById(sessionId, { room: 1 }).lean();
  const room = session ? await Room.findById(session.room).lean() : null;
  return !!room && canSeeRoom(actor, room);
}

/**
 * May `actor` still see what the entry points at, now? Asked again at sending time, so mail never
 * carries what was hidden, moved away or restricted after the notification was made.
 */
export async function stillVisible(actor: Actor, n: Pick<NotificationRecord, "target">): Promise<boolean> {
  const { type, id } = n.target;
  switch (type) {
    case "post": {
      const post = await Post.findById(id).lean();
      if (!post || post.deleted) return false;
      const [thread, room] = await Promise.all([
        Thread.findById(post.threadId).lean(),
        Room.findById(post.roomId).lean(),
      ]);
      return !!thread && !!room && readsPost(actor, { room, thread, post });
    }
    case "thread":
    case "practice":
      return threadVisible(actor, id);
    case "adoption": {
      const adoption = await Adoption.findById(id, { practice: 1 }).lean();
      return !!adoption && threadVisible(actor, adoption.practice);
    }
    case "session":
      return sessionVisible(actor, id);
    case "question": {
      const q = await Question.findById(id, { session: 1 }).lean();
      return !!q && sessionVisible(actor, q.session);
    }
    case "user":
      return true;
  }
}
