import type { Logger } from "pino";
import type { Config } from "./config.js";
import { demoSeeders, seedDemoIfEmpty, type DemoSeeder } from "./features/demo/index.js";
import { ensureAdmin } from "./features/users/index.js";

export interface PreparedData {
  seeded: boolean;
  admin: Awaited<ReturnType<typeof ensureAdmin>> | null;
}

/**
 * What a start does to the database before listening. Demo content first: it seeds only an empty
 * database, and the `ADMIN_EMAIL` account would make it non-empty; the admin is ensured afterwards
 * (created, or promoted when it is one of the demo addresses).
 */
export async function prepareData(
  config: Pick<Config, "admin" | "demoContent">,
  log: Logger,
  seeders: readonly DemoSeeder[] = demoSeeders,
): Promise<PreparedData> {
  const seeded = config.demoContent ? await seedDemoIfEmpty(log, seeders) : false;
  if (seeded) log.info("seeded demo content");
  let admin: PreparedData["admin"] = null;
  if (config.admin) {
    admin = await ensureAdmin(config.admin);
    log.info({ email: config.admin.email, outcome: admin }, "admin account from ADMIN_EMAIL");
  }
  return { seeded, admin };
}
