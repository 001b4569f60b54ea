import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { logger } from "../../lib/logger.js";
import { Agent } from "../../test/http.js";
import { startTestServer, type TestServer } from "../../test/testServer.js";
import { isKnownRegion } from "../taxonomy/taxonomy.service.js";
import { User } from "../users/user.model.js";
import { DEMO_PASSWORD, DEMO_USER_KEYS, DEMO_USERS } from "./demo.users.js";
import { presentDemoAccounts, seedDemoIfEmpty, type DemoContext } from "./seed.js";

let server: TestServer;
beforeAll(async () => {
  server = await startTestServer();
});
afterAll(() => server.close());

describe("demo content", () => {
  it("lists every demo user once, with real region codes", () => {
    expect([...DEMO_USER_KEYS].sort()).toEqual(Object.keys(DEMO_USERS).sort());
    for (const spec of Object.values(DEMO_USERS)) {
      if (spec.affiliation.kind === "region") expect(isKnownRegion(spec.affiliation.code)).toBe(true);
    }
  });

  it("seeds an empty database once, runs seeders with users by key, and the accounts can sign in", async () => {
    // Only a probe seeder here: each feature tests its own seeder; `main.test.ts` runs them all.
    const seen: string[] = [];
    const probe = {
      name: "probe",
      run: async ({ user }: DemoContext) => void seen.push(user("banyuwangi").name, user("admin").role),
    };
    expect(await seedDemoIfEmpty(logger, [probe])).toBe(true);
    expect(await seedDemoIfEmpty(logger, [probe])).toBe(false);
    expect(seen).toEqual([DEMO_USERS.banyuwangi.name, "admin"]);
    expect(await User.countDocuments()).toBe(DEMO_USER_KEYS.length);

    // Like a newly registered account, a demo account starts with the seeded history read.
    const readAll = await User.find({}, { readAllAt: 1 }).lean();
    expect(readAll.every((u) => u.readAllAt instanceof Date)).toBe(true);

    const accounts = await presentDemoAccounts();
    expect(accounts[0]).toMatchObject({ email: "admin@rembuk.id", role: "admin" });
    expect(accounts).toHaveLength(DEMO_USER_KEYS.length);

    const login = await new Agent(server.url).post("/api/auth/login", {
      email: "walikota.surabaya@rembuk.id",
      password: DEMO_PASSWORD,
    });
    expect(login.status).toBe(200);
  });
});
