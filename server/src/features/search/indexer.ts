// Longer than a few hundred lines: how each kind of content becomes a search document: one short function per kind, and the one write
// they all go through.
import { Types } from "mongoose";
import { Post, type PostRecord } from "../posts/index.js";
import { Practice } from "../practices/index.js";
import { QaSession } from "../qa/index.js";
import { Question, type QuestionRecord } from "../qa/index.js";
import { Room, type RoomRecord } from "../rooms/index.js";
import { sectorByCode } from "../taxonomy/index.js";
import { provinceOf, regionLabel } from "../taxonomy/index.js";
import { Thread, type ThreadRecord } from "../threads/index.js";
import { User, type UserRecord } from "../users/index.js";
import type { RegionDto } from "@rembuk/shared";
import { audienceOf, buildDoc, plainText, WEIGHT, type DocInput } from "./document.js";
import { applyStatDelta, queueStatDelta, statDelta } from "./impact.js";
import { SearchDoc, SearchTerm, type SearchDocRecord } from "./search.model.js";
import { termOf } from "./text.js";

/**
 * Keeps `searchdocs` in step with the records: each function reads the current record and replaces its
 * search document (or removes it when nothing may find it any more). Called on write (search.events.ts)
 * and by the full rebuild (reindex.ts).
 */

const regionCodesOf = (code: string | null | undefined): string[] => {
  if (!code) return [];
  const province = provinceOf(code);
  return province && province !== code ? [province, code] : [code];
};

/** Words already in the vocabulary (per process), so a post with known words costs no extra write. */
const knownWords = new Set<string>();
const KNOWN_MAX = 200_000;

async function remember(words: Set<string>, term: (w: string) => string | null): Promise<void> {
  const fresh = [...words].filter((w) => !knownWords.has(w) && w.length <= 60);
  if (fresh.length === 0) return;
  const ops = [];
  for (const w of fresh) {
    const t = term(w);
    if (t)
      ops.push({ updateOne: { filter: { _id: w }, update: { $setOnInsert: { term: t } }, upsert: true } });
  }
  if (ops.length) await SearchTerm.bulkWrite(ops, { ordered: false });
  if (knownWords.size + fresh.length > KNOWN_MAX) knownWords.clear();
  for (const w of fresh) knownWords.add(w);
}

/**
 * Replace a document and move the term statistics by the difference: the replace hands back the
 * version it replaced atomically, so concurrent writers of one document each apply their own step.
 */
async function write(input: DocInput): Promise<SearchDocRecord> {
  const { doc, words } = buildDoc(input);
  // The driver's own collection: the document is built complete, and Mongoose's casting of its
  // term maps would cost more than the write.
  const [before] = await Promise.all([
    docs().findOneAndReplace({ _id: doc._id }, doc, { upsert: true, projection: { hot: 1 } }),
    remember(words, termOf),
  ]);
  queueStatDelta(before?.hot ?? [], doc.hot);
  return doc;
}

const docs = () => SearchDoc.db.collection<SearchDocRecord>(SearchDoc.collection.collectionName);

export async function removeDoc(id: string): Promise<void> {
  const before = await docs().findOneAndDelete({ _id: id }, { projection: { hot: 1 } });
  if (before) queueStatDelta(before.hot ?? [], []);
}

type RoomLike = Pick<RoomRecord, "_id" | "slug" | "visibility" | "allowedAffiliations" | "moderators">;

const loadRoom = (id: Types.ObjectId) =>
  Room.findById(id, { slug: 1, visibility: 1, allowedAffiliations: 1, moderators: 1 }).lean<RoomLike>();

// ---------------------------------------------------------------------------------------------------
// Threads and practices (the thread document holds its title, tags, opening post and practice record)
// ---------------------------------------------------------------------------------------------------

export async function indexThread(threadId: string, opts: { withPosts?: boolean } = {}): Promise<void> {
  const thread = Types.ObjectId.isValid(threadId) ? await Thread.findById(threadId).lean() : null;
  const room = thread ? await loadRoom(thread.roomId) : null;
  if (!thread || !room) {
    const gone = await SearchDoc.find({ threadId }, { _id: 1 }).lean();
    for (const d of gone) await removeDoc(d._id);
    await Promise.all([removeDoc(`thread:${threadId}`), removeDoc(`practice:${threadId}`)]);
    return;
  }
  const kind = thread.kind === "practice" ? "practice" : "thread";
  const before = await SearchDoc.findById(`${kind}:${threadId}`, { roomId: 1, status: 1, viewers: 1 }).lean();
  const doc = await writeThread(thread, room);
  // Its room or audience changed (moved, approved, hidden…): the replies follow.
  const moved =
    !before ||
    String(before.roomId) !== String(doc.roomId) ||
    before.status !== doc.status ||
    before.viewers.join() !== doc.viewers.join();
  if (moved || opts.withPosts) {
    const posts = await Post.find({ threadId: thread._id, seq: { $gt: 1 } }).lean();
    for (const p of posts) await writePost(p, thread, room);
  }
}

async function writeThread(thread: ThreadRecord, room: RoomLike): Promise<SearchDocRecord> {
  const id = thread._id.toString();
  const opening = await Post.findOne({ threadId: thread._id, seq: 1 }, { body: 1, deleted: 1 }).lean();
  const body = opening && !opening.deleted ? plainText(opening.body) : "";
  const base = {
    refId: id,
    title: thread.title,
    threadId: id,
    roomId: room._id,
    roomSlug: room.slug,
    createdAt: thread.createdAt,
    authorId: thread.authorId.toString(),
    access: audienceOf(room, [thread]),
  };
  if (thread.kind !== "practice") {
    await removeDoc(`practice:${id}`);
    return write({
      ...base,
      kind: "thread",
      text: body,
      url: `/threads/${id}`,
      fields: [
        { text: thread.title, weight: WEIGHT.title },
        { text: thread.tags.join(" "), weight: WEIGHT.field },
        { text: body, weight: WEIGHT.body },
      ],
      boost: thread.featured ? 1 : 0,
    });
  }
  await removeDoc(`thread:${id}`);
  const practice = await Practice.findOne({ thread: thread._id }).lean();
  const sector = practice ? sectorByCode(practice.sector) : undefined;
  const fieldText = practice
    ? [
        practice.problem,
        practice.approach,
        practice.results.map((r) => r.indicator).join(". "),
        regionLabel(practice.regionCode) ?? "",
        practice.regionCode,
        sector ? `${sector.name} ${sector.nameEn}` : "",
      ].join("\n")
    : "";
  return write({
    ...base,
    kind: "practice",
    text: practice ? `${practice.problem} ${practice.approach} ${body}` : body,
    url: `/practices/${id}`,
    fields: [
      { text: thread.title, weight: WEIGHT.title },
      { text: `${thread.tags.join(" ")}\n${fieldText}`, weight: WEIGHT.field },
      { text: body, weight: WEIGHT.body },
    ],
    regionCode: practice?.regionCode ?? null,
    regionCodes: regionCodesOf(practice?.regionCode),
    sector: practice?.sector ?? null,
    stage: practice?.stage ?? null,
    adoptionCount: practice?.adoptionCount ?? 0,
    boost: (thread.featured ? 1 : 0) + Math.log1p(practice?.adoptionCount ?? 0),
  });
}

// ---------------------------------------------------------------------------------------------------
// Replies (the opening post belongs to its thread's document)
// ---------------------------------------------------------------------------------------------------

export async function indexPost(postId: string): Promise<void> {
  const post = Types.ObjectId.isValid(postId) ? await Post.findById(postId).lean() : null;
  if (!post) return void (await removeDoc(`post:${postId}`));
  // This runs inside every post's write: thread and room at once (a post follows its thread's moves).
  const [thread, postRoom] = await Promise.all([
    Thread.findById(post.threadId).lean(),
    loadRoom(post.roomId),
  ]);
  const room =
    thread && postRoom?._id.equals(thread.roomId) ? postRoom : thread && (await loadRoom(thread.roomId));
  if (!thread || !room) return void (await removeDoc(`post:${postId}`));
  if (post.seq === 1) return void (await writeThread(thread, room));
  await writePost(post, thread, room);
}

async function writePost(post: PostRecord, thread: ThreadRecord, room: RoomLike): Promise<void> {
  const id = post._id.toString();
  // Deleted posts and published ones still being numbered are found by nobody.
  if (post.deleted || (post.seq === 0 && post.status === "published"))
    return void (await removeDoc(`post:${id}`));
  const text = plainText(post.body);
  await write({
    kind: "post",
    refId: id,
    title: thread.title,
    text,
    url:
      post.seq > 0
        ? `/threads/${thread._id.toString()}#post-${post.seq}`
        : `/threads/${thread._id.toString()}`,
    fields: [{ text, weight: WEIGHT.body }],
    createdAt: post.createdAt,
    threadId: thread._id.toString(),
    roomId: room._id,
    roomSlug: room.slug,
    authorId: post.authorId.toString(),
    access: audienceOf(room, [thread, post]),
  });
}

// ---------------------------------------------------------------------------------------------------
// Q&A questions: only those an archived session published (approved or answered)
// ---------------------------------------------------------------------------------------------------

export async function indexQuestion(questionId: string): Promise<void> {
  const q = Types.ObjectId.isValid(questionId) ? await Question.findById(questionId).lean() : null;
  const session = q ? await QaSession.findById(q.session).lean() : null;
  const room = session ? await loadRoom(session.room) : null;
  if (!q || !session || !room) return void (await removeDoc(`question:${questionId}`));
  await writeQuestion(q, session.title, session._id.toString(), session.status, room);
}

async function writeQuestion(
  q: QuestionRecord,
  sessionTitle: string,
  sessionId: string,
  sessionStatus: string,
  room: RoomLike,
) {
  const id = q._id.toString();
  if (sessionStatus !== "ended" || (q.status !== "approved" && q.status !== "answered"))
    return void (await removeDoc(`question:${id}`));
  await write({
    kind: "question",
    refId: id,
    title: q.text.length > 140 ? `${q.text.slice(0, 139)}…` : q.text,
    text: q.answer ? `${q.text} — ${q.answer}` : q.text,
    url: `/qa/${sessionId}`,
    fields: [
      { text: q.text, weight: WEIGHT.title },
      { text: sessionTitle, weight: WEIGHT.field },
      { text: q.answer ?? "", weight: WEIGHT.body },
    ],
    createdAt: q.createdAt,
    roomId: room._id,
    roomSlug: room.slug,
    // An anonymous asker stays anonymous: no author to filter by, nothing to show.
    authorId: q.anonymous ? null : q.author.toString(),
  });
}

export async function indexSession(sessionId: string): Promise<void> {
  const questions = await Question.find({ session: sessionId }, { _id: 1 }).lean();
  for (const q of questions) await indexQuestion(q._id.toString());
}

// ---------------------------------------------------------------------------------------------------
// People, rooms, regions
// ---------------------------------------------------------------------------------------------------

export async function indexUser(userId: string): Promise<void> {
  const user = Types.ObjectId.isValid(userId) ? await User.findById(userId).lean() : null;
  if (!user) return void (await removeDoc(`person:${userId}`));
  await writeUser(user);
}

async function writeUser(user: UserRecord): Promise<void> {
  const id = user._id.toString();
  const aff = user.affiliation;
  const place =
    aff?.kind === "region" && aff.code ? `${regionLabel(aff.code) ?? ""} ${aff.code}` : (aff?.name ?? "");
  // The public profile's fields only: never the email.
  await write({
    kind: "person",
    refId: id,
    title: user.name,
    text: [user.title, place].filter(Boolean).join(" · "),
    url: `/users/${id}`,
    fields: [
      { text: user.name, weight: WEIGHT.title },
      { text: `${user.title}\n${place}`, weight: WEIGHT.field },
    ],
    createdAt: user.createdAt,
    regionCode: aff?.kind === "region" ? (aff.code ?? null) : null,
    regionCodes: aff?.kind === "region" ? regionCodesOf(aff.code) : [],
    boost: user.verified ? 1 : 0,
  });
}

export async function indexRoom(roomId: string): Promise<void> {
  const room = Types.ObjectId.isValid(roomId) ? await Room.findById(roomId).lean() : null;
  if (!room) return void (await removeDoc(`room:${roomId}`));
  await writeRoom(room);
  // Its audience may have changed; threads carry the room's slug too.
  const threads = await Thread.find({ roomId: room._id }, { _id: 1 }).lean();
  for (const t of threads) await indexThread(t._id.toString(), { withPosts: true });
}

async function writeRoom(room: RoomRecord): Promise<void> {
  await write({
    kind: "room",
    refId: room._id.toString(),
    title: room.name.id || room.name.en,
    text: [room.description.id, room.description.en].filter(Boolean).join(" · "),
    url: `/rooms/${room.slug}`,
    fields: [
      { text: `${room.name.id} ${room.name.en} ${room.slug}`, weight: WEIGHT.title },
      { text: `${room.description.id}\n${room.description.en}`, weight: WEIGHT.body },
    ],
    createdAt: room.createdAt,
    roomId: room._id,
    roomSlug: room.slug,
  });
}

const regionInput = (region: RegionDto): DocInput => ({
  kind: "region",
  refId: region.code,
  title: region.name,
  text: `${regionLabel(region.code) ?? region.name} · ${region.code}`,
  url: `/regions/${region.code}`,
  fields: [
    { text: `${region.name} ${region.code}`, weight: WEIGHT.title },
    { text: regionLabel(region.code) ?? "", weight: WEIGHT.body },
  ],
  createdAt: new Date(0),
  regionCode: region.code,
  regionCodes: regionCodesOf(region.code),
});

/** All regions in batches (550 documents: one write per region would take seconds). */
export async function indexRegions(regions: readonly RegionDto[]): Promise<void> {
  for (let i = 0; i < regions.length; i += 200) {
    const built = regions.slice(i, i + 200).map((r) => buildDoc(regionInput(r)));
    const before = await SearchDoc.find({ _id: { $in: built.map((b) => b.doc._id) } }, { hot: 1 }).lean();
    const hotBefore = new Map(before.map((d) => [d._id, d.hot ?? []]));
    await SearchDoc.bulkWrite(
      built.map(({ doc }) => ({ replaceOne: { filter: { _id: doc._id }, replacement: doc, upsert: true } })),
      { ordered: false },
    );
    const delta = new Map<string, Map<string, number>>();
    for (const { doc } of built) statDelta(hotBefore.get(doc._id) ?? [], doc.hot, delta);
    await applyStatDelta(delta);
    await remember(new Set(built.flatMap((b) => [...b.words])), termOf);
  }
}

export const writers = { writeThread, writePost, writeQuestion, writeUser, writeRoom, loadRoom };
