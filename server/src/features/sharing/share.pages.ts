import { Types } from "mongoose";
import { AppError } from "../../lib/errors.js";
import type { PageMeta } from "../../lib/http/static.js";
import { Post } from "../posts/index.js";
import { loadVisiblePractice } from "../practices/index.js";
import { canSeeContent, canSeeRoom, Room } from "../rooms/index.js";
import { regionLabel } from "../taxonomy/index.js";
import { loadVisibleThread } from "../threads/index.js";
import { QaSession } from "../qa/index.js";
import { plainSummary } from "./share.html.js";

/**
 * What a link preview may say about a page: exactly what a signed-out visitor would read there. A
 * thread in a restricted room, a hidden one or an unknown id gets no page tags at all (the site's
 * own stay), so a preview never confirms that something exists.
 */

type Found = Omit<PageMeta, "url" | "image">;

const isId = (id: string) => Types.ObjectId.isValid(id) && /^[a-f0-9]{24}$/i.test(id);

/** `null` where the public may not see the thing (or it does not exist). */
async function asPublic<T>(load: () => Promise<T>): Promise<T | null> {
  try {
    return await load();
  } catch (err) {
    if (err instanceof AppError && err.status < 500) return null;
    throw err;
  }
}

async function threadMeta(id: string): Promise<Found | null> {
  const loaded = await asPublic(() => loadVisibleThread(null, id));
  if (!loaded) return null;
  const { thread, room } = loaded;
  const opening = await Post.findOne({ threadId: thread._id, seq: 1 }).lean();
  const text = opening && !opening.deleted && canSeeContent(null, room, opening) ? opening.body : "";
  return {
    type: "article",
    title: thread.title,
    description: plainSummary(text) || room.name.id,
  };
}

async function practiceMeta(id: string): Promise<Found | null> {
  const loaded = await asPublic(() => loadVisiblePractice(null, id));
  if (!loaded) return null;
  const { thread, practice } = loaded;
  const region = regionLabel(practice.regionCode);
  return {
    type: "article",
    title: region ? `${thread.title} — ${region}` : thread.title,
    description: plainSummary(`${practice.problem} ${practice.approach}`),
  };
}

async function sessionMeta(filter: { _id: Types.ObjectId } | { joinCode: string }): Promise<Found | null> {
  const session = await QaSession.findOne(filter).lean();
  if (!session) return null;
  const room = await Room.findById(session.room).lean();
  // A session is as visible as its room.
  if (!room || !canSeeRoom(null, room)) return null;
  return {
    type: "website",
    title: session.title,
    description: plainSummary(session.description) || `Tanya jawab langsung · ${room.name.id}`,
  };
}

const ROUTES: [RegExp, (id: string) => Promise<Found | null>][] = [
  [/^\/threads\/([^/]+)\/?$/, (id) => (isId(id) ? threadMeta(id) : Promise.resolve(null))],
  [/^\/practices\/([^/]+)\/?$/, (id) => (isId(id) ? practiceMeta(id) : Promise.resolve(null))],
  [
    /^\/qa\/([^/]+)\/?$/,
    (id) => (isId(id) ? sessionMeta({ _id: new Types.ObjectId(id) }) : Promise.resolve(null)),
  ],
  [/^\/qa\/(?:join|code)\/([A-Za-z0-9]{4,12})\/?$/, (code) => sessionMeta({ joinCode: code.toUpperCase() })],
];

/**
 * The preview tags of the app page at `path` (a shared practice, thread or Q&A link), or `null` for
 * pages that keep the site's own. `origin` makes the page and image links absolute, as previews need.
 */
export async function pageMeta(path: string, origin: string): Promise<PageMeta | null> {
  for (const [pattern, find] of ROUTES) {
    const match = pattern.exec(path);
    if (!match) continue;
    const found = await find(match[1]!);
    return found ? { ...found, url: `${origin}${path}`, image: `${origin}/og-image.png` } : null;
  }
  return null;
}
