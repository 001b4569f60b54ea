import type { ModActionKind, NotificationTargetType } from "@rembuk/shared";
import { Flag, ModAction, type ModActionRecord } from "../moderation/index.js";
import { Post } from "../posts/index.js";
import { Thread } from "../threads/index.js";
import type { NotifyJobRecord } from "./notifyJob.model.js";
import { deliver } from "./notification.deliver.js";
import { isQaAction, produceQa } from "./qa.producer.js";

/** Audit-log actions that concern one person, and what the notification points at. */
const CONCERNS: Partial<Record<ModActionKind, "postAuthor" | "threadAuthor" | "reporter" | "user">> = {
  "post.approve": "postAuthor",
  "post.reject": "postAuthor",
  "post.hide": "postAuthor",
  "post.delete": "postAuthor",
  "thread.approve": "threadAuthor",
  "thread.reject": "threadAuthor",
  "thread.move": "threadAuthor",
  "thread.lock": "threadAuthor",
  "thread.hide": "threadAuthor",
  "flag.resolve": "reporter",
  "flag.dismiss": "reporter",
  "user.suspend": "user",
  "user.unsuspend": "user",
  "user.verify": "user",
  "verification.approve": "user",
  "verification.reject": "user",
  "verification.revoke": "user",
};

interface Concerned {
  userId: string;
  target: { type: NotificationTargetType; id: string; url: string };
  title: string | null;
}

async function whom(
  row: ModActionRecord,
  who: NonNullable<(typeof CONCERNS)[ModActionKind]>,
): Promise<Concerned | null> {
  const id = row.targetId.toString();
  if (who === "postAuthor") {
    const post = await Post.findById(id, { authorId: 1, threadId: 1, seq: 1 }).lean();
    if (!post) return null;
    const thread = await Thread.findById(post.threadId, { title: 1 }).lean();
    const url = `/threads/${post.threadId.toString()}${post.seq > 0 ? `#post-${post.seq}` : ""}`;
    return {
      userId: post.authorId.toString(),
      target: { type: "post", id, url },
      title: thread?.title ?? null,
    };
  }
  if (who === "threadAuthor") {
    const thread = await Thread.findById(id, { authorId: 1, title: 1, kind: 1 }).lean();
    if (!thread) return null;
    const type = thread.kind === "practice" ? "practice" : "thread";
    const url = thread.kind === "practice" ? `/practices/${id}` : `/threads/${id}`;
    return { userId: thread.authorId.toString(), target: { type, id, url }, title: thread.title };
  }
  if (who === "reporter") {
    const flag = await Flag.findById(id, { reporterId: 1, threadId: 1, targetId: 1, targetType: 1 }).lean();
    if (!flag) return null;
    const threadId = flag.threadId.toString();
    const target =
      flag.targetType === "post"
        ? { type: "post" as const, id: flag.targetId.toString(), url: `/threads/${threadId}` }
        : { type: "thread" as const, id: threadId, url: `/threads/${threadId}` };
    return { userId: flag.reporterId.toString(), target, title: row.targetLabel };
  }
  return { userId: id, target: { type: "user", id, url: "/profile" }, title: null };
}

/**
 * A moderator's decision reaches the person it concerns (author, reporter, the member), whatever
 * they muted: moderation that concerns me is never silenced.
 */
export async function produceModeration(job: NotifyJobRecord): Promise<void> {
  const row = await ModAction.findById(String(job.payload.modActionId)).lean();
  if (!row) return;
  if (isQaAction(row.action)) return produceQa(row);
  const who = CONCERNS[row.action];
  if (!who) return;
  const concerned = await whom(row, who);
  if (!concerned) return;
  const verification = row.action.startsWith("verification.") || row.action === "user.verify";
  await deliver({
    eventKey: `mod:${row._id.toString()}`,
    draft: {
      kind: verification ? "verification" : "moderation",
      detail: row.action,
      actorId: row.actorId?.toString() ?? null,
      target: concerned.target,
      title: concerned.title,
      reason: row.reason,
    },
    recipients: [concerned.userId],
  });
}
