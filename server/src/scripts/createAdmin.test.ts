import { spawn } from "node:child_process";
import { mkdtempSync, statSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { fileURLToPath } from "node:url";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { User } from "../features/users/user.model.js";
import { uniqueEmail } from "../test/factories.js";
import { startTestServer, type TestServer } from "../test/testServer.js";

const serverDir = fileURLToPath(new URL("../..", import.meta.url));

function run(args: string[], env: Record<string, string>) {
  const child = spawn(join(serverDir, "node_modules/.bin/tsx"), ["src/scripts/createAdmin.ts", ...args], {
    cwd: serverDir,
    env: { PATH: process.env.PATH, LOG_LEVEL: "silent", ...env },
    stdio: ["ignore", "pipe", "pipe"],
  });
  let out = "";
  child.stdout.on("data", (c: Buffer) => (out += c.toString()));
  child.stderr.on("data", (c: Buffer) => (out += c.toString()));
  return new Promise<{ code: number | null; out: string }>((resolve) =>
    child.on("exit", (code) => resolve({ code, out })),
  );
}

describe("pnpm create-admin", () => {
  let server: TestServer;
  let dataDir: string;
  beforeAll(async () => {
    // A running server on a persistent embedded database: the script must use it, not fight it.
    dataDir = mkdtempSync(join(tmpdir(), "rembuk-admin-"));
    server = await startTestServer({ config: { dataDir, devdbInMemory: false } });
  });
  afterAll(() => server.close());

  it("creates an admin in the running server's embedded database", async () => {
    const email = uniqueEmail("admin");
    const { code, out } = await run(
      ["--email", email, "--password", "rahasia-admin-1", "--name", "Admin Pemda"],
      { DATA_DIR: dataDir, NODE_ENV: "development" },
    );
    expect(out).toContain(email);
    expect(code).toBe(0);
    expect(await User.findOne({ email }).lean()).toMatchObject({ role: "admin", name: "Admin Pemda" });
    // The discovery file carries the embedded database's credentials: owner-only.
    expect(statSync(join(dataDir, "embedded-db.json")).mode & 0o777).toBe(0o600);
  });

  it("rejects a bad email with exit code 1", async () => {
    const { code } = await run(["--email", "bukan-email", "--password", "rahasia-admin-1", "--name", "X Y"], {
      DATA_DIR: dataDir,
      NODE_ENV: "development",
    });
    expect(code).toBe(1);
  });
});
