import { Types } from "mongoose";
import { PracticeInput } from "@rembuk/shared";
import { AppError } from "../../../lib/errors.js";
import { Adoption, advanceAdoption, createAdoption } from "../../practices/index.js";
import type { DemoContext, DemoSeeder } from "../seed.js";
import { Post, SlowModeMark, createPost, createThread } from "../../posts/index.js";
import { Thread } from "../../threads/index.js";
import { Practice, ACTIVITY_MONTHS, activityWindowStart } from "../../practices/index.js";
import { DEMO_ADOPTIONS, DEMO_PRACTICES, type DemoAdoption, type DemoPractice } from "./practices.data.js";

const DAY = 24 * 3600 * 1000;
const HOUR = 3600 * 1000;
/** Independent writes in flight at once: the demo seeds at start-up, where every second counts. */
const CONCURRENCY = 6;
const ymd = (d: Date) => new Date(d.getTime() + 7 * HOUR).toISOString().slice(0, 10);
/** A reported step date as a moment: 09:00 WIB that day. */
const morningOf = (date: string) => new Date(`${date}T02:00:00Z`);
const OLDEST_DEMO_DAYS = Math.max(...DEMO_PRACTICES.map((p) => p.daysAgo));

/**
 * When a demo practice was posted: `daysAgo` before `now`, squeezed so the oldest lands a day inside
 * the dashboard's activity window. That window is calendar months (334 to 365 days long depending on
 * today), so fixed offsets would push the oldest practices out of the chart on some days of the year.
 */
export function demoPostedAt(daysAgo: number, now: number): Date {
  const windowDays = (now - activityWindowStart(ACTIVITY_MONTHS, new Date(now)).getTime()) / DAY;
  const scale = Math.min(1, (windowDays - 1) / OLDEST_DEMO_DAYS);
  return new Date(now - Math.round(daysAgo * scale * DAY));
}

/**
 * Demo practices and their replication ledger. Everything is written through the services (thread
 * creation with its practice hook, posts, adoptions and their legal steps), as the leaders would.
 * What the services cannot express is applied directly, for the demo only: a year of history
 * (timestamps spread over the months the dashboard charts — services stamp "now", and slow mode would
 * make a leader wait between posts) and the featured flag (a moderation action that feature owns).
 */
export const practicesDemoSeeder: DemoSeeder = {
  name: "practices and adoptions",
  run: async ({ user, log }) => {
    const now = Date.now();
    const threadIds = new Map<string, string>();
    // Parents first: a derived practice names its parent's thread.
    const waves = [DEMO_PRACTICES.filter((p) => !p.derivedFrom), DEMO_PRACTICES.filter((p) => p.derivedFrom)];
    for (const wave of waves) {
      await inPool(wave, async (p) => threadIds.set(p.key, await seedPractice(user, p, threadIds)));
    }
    await backdatePractices(threadIds, now);
    await inPool(DEMO_ADOPTIONS, (a, i) => seedAdoption(user, a, i, threadIds, now));
    log.info({ practices: DEMO_PRACTICES.length, adoptions: DEMO_ADOPTIONS.length }, "demo practices seeded");
  },
};

type Who = DemoContext["user"];

async function seedPractice(
  who: Who,
  p: DemoPractice,
  threadIds: ReadonlyMap<string, string>,
): Promise<string> {
  const author = who(p.by);
  const region = p.region ?? (author.affiliation?.kind === "region" ? author.affiliation.code : undefined);
  if (!region) throw new Error(`Demo practice "${p.key}" has no region`);
  const derivedFrom = p.derivedFrom ? threadIds.get(p.derivedFrom) : undefined;
  const { thread } = await waitingForSlowMode(() =>
    createThread(
      author,
      { slug: p.room },
      {
        kind: "practice",
        title: p.title,
        body: p.summary,
        clientId: `demo-practice-${p.key}`,
        practice: PracticeInput.parse({
          problem: p.problem,
          approach: p.approach,
          results: p.results.map(([indicator, before, after, unit]) => ({ indicator, before, after, unit })),
          cost: { amount: p.cost[0], source: p.cost[1] },
          regionCode: region,
          sector: p.sector,
          stage: p.stage,
          startDate: p.startDate,
          sdgs: p.sdgs,
          links: p.links ?? [],
          contact: p.contact,
          derivedFrom,
        }),
      },
    ),
  );
  for (const [i, [by, body]] of (p.replies ?? []).entries()) {
    await waitingForSlowMode(() =>
      createPost(who(by), thread.id, { body, clientId: `demo-practice-${p.key}-${i}` }),
    );
  }
  return thread.id;
}

async function seedAdoption(
  who: Who,
  a: DemoAdoption,
  salt: number,
  threadIds: ReadonlyMap<string, string>,
  now: number,
) {
  const threadId = threadIds.get(a.practice);
  const spec = DEMO_PRACTICES.find((p) => p.key === a.practice);
  if (!threadId || !spec) throw new Error(`Demo adoption of unknown practice "${a.practice}"`);
  const dates = stepDates(demoPostedAt(spec.daysAgo, now), a.path.length + 1, salt, now);
  const adopter = who(a.by);
  const created = await createAdoption(adopter, threadId, {
    stage: "interested",
    note: a.notes[0],
    date: dates[0],
  });
  for (const [k, stage] of a.path.entries()) {
    await advanceAdoption(adopter, created.id, { stage, note: a.notes[k + 1] ?? "", date: dates[k + 1] });
  }
  await Adoption.collection.updateOne(
    { _id: new Types.ObjectId(created.id) },
    {
      $set: {
        ...Object.fromEntries(dates.map((d, k) => [`steps.${k}.at`, morningOf(d)])),
        createdAt: morningOf(dates[0]),
        updatedAt: morningOf(dates[dates.length - 1]),
      },
    },
  );
}

/** Run `task` over `items`, at most CONCURRENCY at a time. */
async function inPool<T>(
  items: readonly T[],
  task: (item: T, index: number) => Promise<unknown>,
): Promise<void> {
  let next = 0;
  const worker = async () => {
    while (next < items.length) {
      const i = next++;
      await task(items[i], i);
    }
  };
  await Promise.all(Array.from({ length: Math.min(CONCURRENCY, items.length) }, worker));
}

/**
 * The demo writes a year of posts in seconds; in a slow-mode room (the SPBE room) a leader's second
 * post would wait. Real time would have passed between them, so the marks are cleared and the write
 * retried.
 */
async function waitingForSlowMode<R>(write: () => Promise<R>): Promise<R> {
  for (let attempt = 0; ; attempt++) {
    try {
      return await write();
    } catch (err) {
      if (!(err instanceof AppError && err.code === "SLOW_MODE") || attempt >= 5) throw err;
      await SlowModeMark.deleteMany({});
    }
  }
}

/**
 * `n` step dates between the day after posting and yesterday, evenly spaced (a little staggered per
 * adoption so the timeline does not look machine-made), never decreasing.
 */
function stepDates(posted: Date, n: number, salt: number, now: number): string[] {
  const first = posted.getTime() + DAY;
  const last = now - DAY;
  const gap = Math.max(0, last - first) / (n + 1);
  const jitter = ((salt * 7) % 5) * DAY;
  const dates: string[] = [];
  for (let k = 0; k < n; k++) {
    const t = Math.min(last, first + gap * (k + 1) - Math.min(jitter, gap / 2));
    dates.push(ymd(new Date(Math.max(first, t))));
  }
  for (let k = 1; k < n; k++) if (dates[k] < dates[k - 1]) dates[k] = dates[k - 1];
  return dates;
}

/**
 * Spread each demo thread's history back to its posting day: the record, the thread, its posts. Raw
 * collection writes, because Mongoose (rightly) refuses to change `createdAt` through a model.
 */
async function backdatePractices(threadIds: ReadonlyMap<string, string>, now: number) {
  type Op = { updateOne: { filter: Record<string, unknown>; update: { $set: Record<string, unknown> } } };
  const practices: Op[] = [];
  const threads: Op[] = [];
  const posts: Op[] = [];
  const ids = [...threadIds.values()].map((id) => new Types.ObjectId(id));
  const allPosts = await Post.find({ threadId: { $in: ids } }, { threadId: 1, seq: 1 }).lean();
  for (const p of DEMO_PRACTICES) {
    const id = threadIds.get(p.key);
    if (!id) continue;
    const thread = new Types.ObjectId(id);
    const at = demoPostedAt(p.daysAgo, now);
    const lastActivity = new Date(at.getTime() + (p.replies?.length ?? 0) * 5 * HOUR);
    practices.push({ updateOne: { filter: { thread }, update: { $set: { createdAt: at, updatedAt: at } } } });
    threads.push({
      updateOne: {
        filter: { _id: thread },
        update: {
          $set: {
            createdAt: at,
            updatedAt: lastActivity,
            lastActivityAt: lastActivity,
            ...(p.featured ? { featured: true } : {}),
          },
        },
      },
    });
    for (const post of allPosts.filter((x) => x.threadId.equals(thread))) {
      const when = new Date(at.getTime() + (post.seq - 1) * 5 * HOUR);
      posts.push({
        updateOne: { filter: { _id: post._id }, update: { $set: { createdAt: when, updatedAt: when } } },
      });
    }
  }
  await Promise.all([
    Practice.collection.bulkWrite(practices),
    Thread.collection.bulkWrite(threads),
    posts.length ? Post.collection.bulkWrite(posts) : Promise.resolve(),
  ]);
}
