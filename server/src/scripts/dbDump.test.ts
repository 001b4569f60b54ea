import { spawn } from "node:child_process";
import { existsSync, mkdtempSync, readdirSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { fileURLToPath } from "node:url";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { User } from "../features/users/user.model.js";
import { uniqueEmail } from "../test/factories.js";
import { startTestServer, type TestServer } from "../test/testServer.js";

const serverDir = fileURLToPath(new URL("../..", import.meta.url));

function run(args: string[], env: Record<string, string>) {
  const child = spawn(join(serverDir, "node_modules/.bin/tsx"), ["src/scripts/dbDump.ts", ...args], {
    cwd: serverDir,
    env: { PATH: process.env.PATH, LOG_LEVEL: "silent", NODE_ENV: "development", ...env },
    stdio: ["ignore", "pipe", "pipe"],
  });
  let out = "";
  child.stdout.on("data", (c: Buffer) => (out += c.toString()));
  child.stderr.on("data", (c: Buffer) => (out += c.toString()));
  return new Promise<{ code: number | null; out: string }>((resolve) =>
    child.on("exit", (code) => resolve({ code, out })),
  );
}

describe("pnpm db:export / db:import", () => {
  let server: TestServer;
  const dataDir = mkdtempSync(join(tmpdir(), "rembuk-export-"));
  const dumpDir = join(mkdtempSync(join(tmpdir(), "rembuk-dump-")), "out");
  const email = uniqueEmail("ekspor");
  beforeAll(async () => {
    // A running server on a persistent embedded database: export must go through it.
    server = await startTestServer({ config: { dataDir, devdbInMemory: false } });
    await User.create({ email, name: "Ekspor Data", nameLower: "ekspor data", passwordHash: "x".repeat(20) });
  });
  afterAll(() => server.close());

  it("exports the running server's embedded database in mongodump's layout", async () => {
    const { code, out } = await run(["export", dumpDir], { DATA_DIR: dataDir });
    expect(out).toContain("Ekspor selesai");
    expect(code).toBe(0);
    expect(readdirSync(join(dumpDir, "rembuk"))).toEqual(
      expect.arrayContaining(["users.bson", "users.metadata.json"]),
    );
    // The server was not disturbed: it still owns and serves its database.
    expect(await User.countDocuments({ email })).toBe(1);
  });

  it("imports the dump into a fresh DATA_DIR with no server running, and refuses a second import", async () => {
    const fresh = mkdtempSync(join(tmpdir(), "rembuk-import-"));
    const first = await run(["import", dumpDir], { DATA_DIR: fresh });
    expect(first.out).toMatch(/rembuk\.users: 1 dokumen, \d+ indeks/);
    expect(first.code).toBe(0);
    expect(existsSync(join(fresh, "embedded-db.json"))).toBe(false); // the script closed its database
    const again = await run(["import", dumpDir], { DATA_DIR: fresh });
    expect(again.out).toMatch(/already has documents in .*users/);
    expect(again.code).toBe(1);
    const export2 = join(fresh, "check");
    const check = await run(["export", export2], { DATA_DIR: fresh });
    expect(check.out).toContain("rembuk.users: 1 dokumen");
  });

  it("explains usage mistakes with exit code 2", async () => {
    expect((await run(["expor"], { DATA_DIR: dataDir })).code).toBe(2);
  });
});
