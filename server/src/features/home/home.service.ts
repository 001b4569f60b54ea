import { Types } from "mongoose";
import { PracticeListQuery, type FollowUpDto, type HomeDto, type PracticeThreadDto } from "@rembuk/shared";
import type { Actor } from "../../lib/actor.js";
import { Adoption, listPractices, Practice } from "../practices/index.js";
import { QaSession, Question } from "../qa/index.js";
import { readStatesFor, UNREAD_WINDOW_DAYS } from "../readstate/index.js";
import { canSeeRoom, Room, type RoomRecord } from "../rooms/index.js";
import { presentThreads, Thread } from "../threads/index.js";
import { affiliationKey } from "../users/index.js";

/**
 * The signed-in home page's own reads. Each goes through the feature that owns the data (read marks,
 * visibility, the practice directory), so the page shows exactly what those pages would.
 */

const UNREAD_SHOWN = 8;
/** Threads looked at for unread posts: the most recently active ones in the window. */
const UNREAD_CANDIDATES = 300;
const FOLLOW_UPS_SHOWN = 10;
const SIMILAR_SHOWN = 4;

async function visibleRooms(viewer: Actor): Promise<RoomRecord[]> {
  return (await Room.find({}).lean()).filter((room) => canSeeRoom(viewer, room));
}

async function unreadThreads(viewer: Actor, rooms: RoomRecord[], now: Date): Promise<HomeDto["unread"]> {
  // "New since my last visit" looks as far back as the rooms' unread counts do.
  const since = new Date(now.getTime() - UNREAD_WINDOW_DAYS * 24 * 60 * 60 * 1000);
  const recent = await Thread.find({
    roomId: { $in: rooms.map((r) => r._id) },
    status: "published",
    lastActivityAt: { $gte: since },
  })
    .sort({ lastActivityAt: -1, _id: -1 })
    .limit(UNREAD_CANDIDATES)
    .lean();
  const reads = await readStatesFor(viewer, recent);
  const unread = recent.filter((t) => (reads.get(t._id.toString())?.unreadCount ?? 0) > 0);
  const slugs = new Map(rooms.map((r) => [r._id.toString(), r.slug]));
  return {
    threads: await presentThreads(viewer, unread.slice(0, UNREAD_SHOWN), slugs),
    total: unread.length,
  };
}

async function followUps(viewer: Actor, rooms: RoomRecord[]): Promise<FollowUpDto[]> {
  const questions = await Question.find({
    "followUp.assignee": new Types.ObjectId(viewer.id),
    status: "approved",
  })
    .sort({ "followUp.dueAt": 1, _id: 1 })
    .limit(FOLLOW_UPS_SHOWN * 2)
    .lean();
  if (questions.length === 0) return [];
  const sessions = new Map(
    (
      await QaSession.find({ _id: { $in: questions.map((q) => q.session) } }, { title: 1, room: 1 }).lean()
    ).map((s) => [s._id.toString(), s]),
  );
  const roomsById = new Map(rooms.map((r) => [r._id.toString(), r]));
  return questions
    .flatMap((q) => {
      const session = sessions.get(q.session.toString());
      // A session in a room the viewer no longer sees is not theirs to answer any more.
      const room = session ? roomsById.get(session.room.toString()) : undefined;
      if (!session || !room || !q.followUp) return [];
      return [
        {
          questionId: q._id.toString(),
          body: q.text,
          sessionId: session._id.toString(),
          sessionTitle: session.title,
          roomSlug: room.slug,
          dueAt: q.followUp.dueAt.toISOString(),
        },
      ];
    })
    .slice(0, FOLLOW_UPS_SHOWN);
}

/** Practices in the sectors of those the viewer (or their office) adopts, best adopted first. */
async function similarPractices(viewer: Actor): Promise<PracticeThreadDto[]> {
  const mine = [{ adopter: new Types.ObjectId(viewer.id) }];
  const adoptions = await Adoption.find(
    { $or: viewer.affiliation ? [...mine, { affiliationKey: affiliationKey(viewer.affiliation) }] : mine },
    { practice: 1 },
  ).lean();
  if (adoptions.length === 0) return [];
  const adopted = new Set(adoptions.map((a) => a.practice.toString()));
  const sectors = [
    ...new Set(
      (
        await Practice.find(
          { thread: { $in: [...adopted].map((id) => new Types.ObjectId(id)) } },
          { sector: 1 },
        ).lean()
      ).map((p) => p.sector),
    ),
  ].slice(0, 3);
  const pages = await Promise.all(
    sectors.map((sector) =>
      listPractices(viewer, PracticeListQuery.parse({ sector, sort: "adopted", limit: SIMILAR_SHOWN * 2 })),
    ),
  );
  const seen = new Set(adopted);
  const similar: PracticeThreadDto[] = [];
  for (const practice of pages.flatMap((p) => p.practices)) {
    if (seen.has(practice.id) || practice.author?.id === viewer.id) continue;
    seen.add(practice.id);
    similar.push(practice);
  }
  return similar.sort((a, b) => b.adoptionCount - a.adoptionCount).slice(0, SIMILAR_SHOWN);
}

export async function homeFor(viewer: Actor, now = new Date()): Promise<HomeDto> {
  const rooms = await visibleRooms(viewer);
  const [unread, owed, similar] = await Promise.all([
    unreadThreads(viewer, rooms, now),
    followUps(viewer, rooms),
    similarPractices(viewer),
  ]);
  return { unread, followUps: owed, similar };
}
