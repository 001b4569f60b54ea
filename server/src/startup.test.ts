import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { logger } from "./lib/logger.js";
import { startTestServer, type TestServer } from "./test/testServer.js";
import type { DemoSeeder } from "./features/demo/seed.js";
import { User } from "./features/users/user.model.js";
import { prepareData } from "./startup.js";

let server: TestServer;
beforeAll(async () => {
  server = await startTestServer();
});
afterAll(() => server.close());

describe("prepareData", () => {
  it("seeds the demo content on a first start with ADMIN_EMAIL set, then ensures that admin", async () => {
    const seen: string[] = [];
    const probe: DemoSeeder = { name: "probe", run: async ({ user }) => void seen.push(user("admin").name) };
    const config = {
      demoContent: true,
      admin: { email: "Kepala@Instansi.go.id", password: "kata-sandi-rahasia-1" },
    };
    expect(await prepareData(config, logger, [probe])).toEqual({ seeded: true, admin: "created" });
    expect(seen).toEqual(["Admin Rembuk"]);
    expect(await User.exists({ email: "admin@rembuk.id" })).toBeTruthy();
    expect(await User.findOne({ email: "kepala@instansi.go.id" }, { role: 1 }).lean()).toMatchObject({
      role: "admin",
    });

    // A second start: nothing seeded again, the admin is already there.
    expect(await prepareData(config, logger, [probe])).toEqual({ seeded: false, admin: "unchanged" });
    expect(seen).toHaveLength(1);
  });
});
