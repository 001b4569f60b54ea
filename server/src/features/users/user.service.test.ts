import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { makeMember, uniqueEmail } from "../../test/factories.js";
import { startTestServer, type TestServer } from "../../test/testServer.js";
import { User } from "./user.model.js";
import { ensureAdmin, escapeRegExp } from "./user.service.js";
import { verifyPassword } from "./password.js";

let server: TestServer;
beforeAll(async () => {
  server = await startTestServer();
});
afterAll(() => server.close());

describe("ensureAdmin (ADMIN_EMAIL / pnpm create-admin)", () => {
  it("creates the admin once, then leaves it alone", async () => {
    const email = uniqueEmail("admin");
    expect(await ensureAdmin({ email: email.toUpperCase(), password: "rahasia-admin-1" })).toBe("created");
    const created = await User.findOne({ email }).lean();
    expect(created).toMatchObject({ role: "admin", verified: true });
    expect(await ensureAdmin({ email, password: "kata-sandi-lain" })).toBe("unchanged");
    const after = await User.findOne({ email }).lean();
    expect(after && (await verifyPassword(after.passwordHash, "rahasia-admin-1"))).toBe(true);
  });

  it("promotes an existing member without touching their password", async () => {
    const member = await makeMember();
    expect(await ensureAdmin({ email: member.email, password: "diabaikan-saja" })).toBe("promoted");
    const after = await User.findById(member.id).lean();
    expect(after?.role).toBe("admin");
    expect(after && (await verifyPassword(after.passwordHash, member.password))).toBe(true);
  });

  it("stores argon2id hashes, never the password", async () => {
    const member = await makeMember();
    const stored = await User.findById(member.id).lean();
    expect(stored?.passwordHash).toMatch(/^\$argon2id\$/);
    expect(stored?.passwordHash).not.toContain(member.password);
  });
});

describe("escapeRegExp", () => {
  it("makes search text literal", () => {
    expect(new RegExp(`^${escapeRegExp("a.b*(c)")}`).test("a.b*(c)d")).toBe(true);
    expect(new RegExp(`^${escapeRegExp(".*")}`).test("anything")).toBe(false);
  });
});
