import type { Logger } from "pino";
import type { Actor } from "../../lib/actor.js";
import { toActor, User, createUser } from "../users/index.js";
import { forumDemoSeeder } from "./forum.demo.js";
import { qaDemoSeeder } from "./qa.demo.js";
import { practicesDemoSeeder } from "./practices/practices.demo.js";
import { moderationDemoSeeder } from "./moderation.demo.js";
import { DEMO_PASSWORD, DEMO_USER_KEYS, DEMO_USERS, type DemoUserKey } from "./demo.users.js";

export interface DemoContext {
  /** A demo user by key, as an actor, so seeders call services exactly as that user would. */
  user(key: DemoUserKey): Actor;
  log: Logger;
}

export interface DemoSeeder {
  name: string;
  run(ctx: DemoContext): Promise<void>;
}

/**
 * Seeders run in this order after the demo users exist; each gets the users by key. A feature adds
 * its demo content by appending one entry (rooms before threads before practices, adoptions, Q&A):
 *
 *   { name: "rooms", run: async ({ user }) => { await createRoom(user("admin"), {...}) } },
 *
 * Seeders should go through the feature's services (validation and policies included) rather
 * than writing models directly, so demo data is always data the app itself could have produced.
 */
export const demoSeeders: DemoSeeder[] = [
  forumDemoSeeder,
  practicesDemoSeeder,
  qaDemoSeeder,
  moderationDemoSeeder,
];

/** Create the demo users, then run the seeders (all of them unless a test picks some). */
export async function seedDemo(log: Logger, seeders: readonly DemoSeeder[] = demoSeeders): Promise<void> {
  const created = new Map<DemoUserKey, Actor>();
  for (const key of DEMO_USER_KEYS) {
    created.set(
      key,
      toActor(await createUser({ ...DEMO_USERS[key], password: DEMO_PASSWORD, emailConfirmed: true })),
    );
  }
  const user = (key: DemoUserKey): Actor => {
    const actor = created.get(key);
    if (!actor) throw new Error(`Unknown demo user "${key}"`);
    return actor;
  };
  for (const seeder of seeders) {
    log.info({ seeder: seeder.name }, "seeding demo content");
    await seeder.run({ user, log });
  }
  // The demo accounts are somebody's first visit too: the seeded history counts as read, as it does
  // for a newly registered account; only what is written from now on shows as new.
  await User.updateMany(
    { _id: { $in: [...created.values()].map((a) => a.id) } },
    { $set: { readAllAt: new Date() } },
  );
}

/** Seed when demo content is enabled and nobody has registered yet; true when it seeded. */
export async function seedDemoIfEmpty(
  log: Logger,
  seeders: readonly DemoSeeder[] = demoSeeders,
): Promise<boolean> {
  if (await User.exists({})) return false;
  await seedDemo(log, seeders);
  return true;
}

/** The demo accounts present in this database, for the table printed at start. */
export async function presentDemoAccounts(): Promise<
  Array<{ email: string; name: string; role: string; title: string }>
> {
  const emails: string[] = Object.values(DEMO_USERS).map((u) => u.email);
  const found = await User.find({ email: { $in: emails } }, { email: 1, name: 1, role: 1, title: 1 }).lean();
  const order = new Map<string, number>(emails.map((e, i) => [e, i]));
  return found
    .sort((a, b) => (order.get(a.email) ?? 0) - (order.get(b.email) ?? 0))
    .map((u) => ({ email: u.email, name: u.name, role: u.role, title: u.title }));
}

export { DEMO_PASSWORD };
