import { readsPost, Room } from "../rooms/index.js";
import { Post } from "../posts/index.js";
import { Thread } from "../threads/index.js";
import { autoWatch, levelsFor, watchersOf } from "../watching/index.js";
import type { NotifyJobRecord } from "./notifyJob.model.js";
import { deliver, type Draft } from "./notification.deliver.js";
import { whoMaySee } from "./notification.audience.js";
import { adoptersOf } from "./adoption.producer.js";
import { scheduleUnseenMail } from "./mail.producer.js";

type Why = "mention" | "reply.post" | "reply.thread" | "practice.comment" | "watched";

/**
 * A published post: mentions, replies (to my post, in my thread) and watchers, each person once,
 * the most personal reason winning (mention > reply to my post > reply in my thread > a comment on a
 * practice I adopt > watched).
 * Muted places stop all of it; nobody hears of a post they may not read.
 */
export async function producePost(job: NotifyJobRecord): Promise<void> {
  const postId = String(job.payload.postId);
  const post = await Post.findById(postId).lean();
  if (!post || post.seq === 0 || post.status !== "published" || post.deleted) return;
  const [thread, room] = await Promise.all([
    Thread.findById(post.threadId).lean(),
    Room.findById(post.roomId).lean(),
  ]);
  if (!thread || !room) return;
  // The default: whoever writes in a thread watches it (unless they chose otherwise).
  await autoWatch(post.authorId, thread._id);

  const author = post.authorId.toString();
  const parent = post.replyTo ? await Post.findById(post.replyTo, { authorId: 1 }).lean() : null;
  const reasons = new Map<string, Why>();
  const claim = (id: string, why: Why) => {
    if (id !== author && !reasons.has(id)) reasons.set(id, why);
  };
  for (const m of post.mentions) claim(m.toString(), "mention");
  if (parent) claim(parent.authorId.toString(), "reply.post");
  if (post.seq > 1) claim(thread.authorId.toString(), "reply.thread");
  // Those adopting a practice follow the discussion of it.
  if (thread.kind === "practice" && post.seq > 1)
    for (const a of await adoptersOf(thread._id)) claim(a, "practice.comment");
  const personal = [...reasons.keys()];
  for (const w of await watchersOf(thread)) claim(w, "watched");

  // Mute stops mentions and replies too; watchers are already non-muted.
  const levels = await levelsFor(personal, thread);
  for (const id of personal) if (levels.get(id) === "muted") reasons.delete(id);
  const readers = new Set(
    await whoMaySee(reasons.keys(), (actor) => readsPost(actor, { room, thread, post })),
  );

  const target = {
    type: "post" as const,
    id: postId,
    url: `/threads/${thread._id.toString()}#post-${post.seq}`,
  };
  const base = { actorId: author, target, title: thread.title };
  const groups: Array<{ draft: Draft; why: string }> = [
    { why: "mention", draft: { ...base, kind: "mention" } },
    {
      why: "reply.post",
      draft: { ...base, kind: "reply", detail: "reply.post", collapseKey: `reply:${thread._id.toString()}` },
    },
    {
      why: "reply.thread",
      draft: {
        ...base,
        kind: "reply",
        detail: "reply.thread",
        collapseKey: `reply:${thread._id.toString()}`,
      },
    },
    {
      why: "practice.comment",
      draft: {
        ...base,
        kind: "adoption",
        detail: "practice.comment",
        collapseKey: `practice.comment:${thread._id.toString()}`,
      },
    },
    {
      why: "watched",
      draft: {
        ...base,
        kind: "watched",
        detail: post.seq === 1 ? "thread.created" : "post.created",
        collapseKey: `watched:${thread._id.toString()}`,
      },
    },
  ];
  for (const { why, draft } of groups) {
    const recipients = [...reasons].filter(([id, r]) => r === why && readers.has(id)).map(([id]) => id);
    if (recipients.length === 0) continue;
    await deliver({ eventKey: `post:${postId}`, draft, recipients });
    // Mentions and replies to one's own post may also come by email if not seen in the app soon.
    if (why === "mention" || why === "reply.post") await scheduleUnseenMail(`post:${postId}`, recipients);
  }
}
