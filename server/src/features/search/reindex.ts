import { Post } from "../posts/index.js";
import { QaSession } from "../qa/index.js";
import { Question } from "../qa/index.js";
import { Room } from "../rooms/index.js";
import { listRegions } from "../taxonomy/index.js";
import { Thread } from "../threads/index.js";
import { User } from "../users/index.js";
import { indexRegions, removeDoc, writers } from "./indexer.js";
import { resetSearchStats } from "./rank.js";
import { SearchDoc } from "./search.model.js";
import { loadSynonyms } from "./synonyms.js";

export interface ReindexProgress {
  phase: "rooms" | "regions" | "people" | "threads" | "posts" | "questions" | "cleanup";
  done: number;
  total: number;
}

/**
 * Rebuild every search document from the records (`pnpm reindex`, and after the synonym list
 * changes). Search keeps answering meanwhile: documents are replaced in place, and those no record
 * produced any more are removed at the end.
 */
export async function reindexAll(
  onProgress: (p: ReindexProgress) => void = () => undefined,
): Promise<{ documents: number }> {
  await loadSynonyms();
  const started = new Date();
  const step = async <T>(phase: ReindexProgress["phase"], items: T[], each: (item: T) => Promise<void>) => {
    const every = Math.max(1, Math.floor(items.length / 20));
    for (let i = 0; i < items.length; i++) {
      await each(items[i]!);
      if ((i + 1) % every === 0 || i + 1 === items.length)
        onProgress({ phase, done: i + 1, total: items.length });
    }
  };

  const rooms = await Room.find({}).lean();
  const roomById = new Map(rooms.map((r) => [r._id.toString(), r]));
  await step("rooms", rooms, (r) => writers.writeRoom(r));
  await indexRegions(listRegions());
  onProgress({ phase: "regions", done: listRegions().length, total: listRegions().length });
  const users = await User.find({}).lean();
  await step("people", users, (u) => writers.writeUser(u));

  const threads = await Thread.find({}).lean();
  const threadById = new Map(threads.map((t) => [t._id.toString(), t]));
  await step("threads", threads, async (t) => {
    const room = roomById.get(t.roomId.toString());
    if (room) await writers.writeThread(t, room);
  });
  const posts = await Post.find({ seq: { $ne: 1 } }).lean();
  await step("posts", posts, async (p) => {
    const thread = threadById.get(p.threadId.toString());
    const room = thread && roomById.get(thread.roomId.toString());
    if (thread && room) await writers.writePost(p, thread, room);
  });
  const sessions = new Map(
    (await QaSession.find({ status: "ended" }).lean()).map((s) => [s._id.toString(), s]),
  );
  const questions = await Question.find({ session: { $in: [...sessions.keys()] } }).lean();
  await step("questions", questions, async (q) => {
    const s = sessions.get(q.session.toString())!;
    const room = roomById.get(s.room.toString());
    if (room) await writers.writeQuestion(q, s.title, s._id.toString(), s.status, room);
  });

  // Whatever this run did not rewrite is stale: its record is gone or nobody may find it any more.
  // One by one, so the term statistics follow (usually few).
  const stale = await SearchDoc.find({ indexedAt: { $not: { $gte: started } } }, { _id: 1 }).lean();
  for (const d of stale) await removeDoc(d._id);
  resetSearchStats();
  onProgress({ phase: "cleanup", done: 1, total: 1 });
  return { documents: await SearchDoc.countDocuments({}) };
}
