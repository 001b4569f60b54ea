import { spawn } from "node:child_process";
import { join } from "node:path";
import { fileURLToPath } from "node:url";
import { describe, expect, it } from "vitest";

const serverDir = fileURLToPath(new URL("..", import.meta.url));

/**
 * The real entry point as `pnpm start` runs it (tsx on Node's own ESM loader, not Vitest's), so a
 * module that only loads under Vitest (e.g. a named import Node cannot find in a CommonJS package)
 * fails here rather than at the first deploy.
 */
describe("pnpm start", () => {
  it("starts, seeds and prints the demo accounts, serves, and exits 0 on SIGTERM", async () => {
    const child = spawn(join(serverDir, "node_modules/.bin/tsx"), ["src/main.ts"], {
      cwd: serverDir,
      env: { PATH: process.env.PATH, NODE_ENV: "test", PORT: "0", DEMO_CONTENT: "true", LOG_LEVEL: "error" },
      stdio: ["ignore", "pipe", "pipe"],
    });
    let out = "";
    child.stderr.on("data", (c: Buffer) => (out += c.toString()));
    const exited = new Promise<number | null>((resolve) => child.on("exit", (code) => resolve(code)));
    const url = await new Promise<string>((resolve, reject) => {
      // Generous: this seeds every feature's demo content, possibly alongside other test files.
      const timer = setTimeout(() => reject(new Error(`no start within 50 s:\n${out}`)), 50_000);
      child.stdout.on("data", (c: Buffer) => {
        out += c.toString();
        const match = /Rembuk: (http:\/\/\S+)/.exec(out);
        if (match && out.includes("fajar.nugroho@rembuk.id")) {
          clearTimeout(timer);
          resolve(match[1]);
        }
      });
      void exited.then((code) => reject(new Error(`exited with ${code} before starting:\n${out}`)));
    });
    try {
      expect(out).toContain("rembuk-demo-2026");
      expect(out).toMatch(/admin@rembuk\.id\s+admin/);
      const health = await fetch(`${url}/api/health`);
      expect(await health.json()).toMatchObject({ ok: true, db: "embedded" });
    } finally {
      child.kill("SIGTERM");
    }
    expect(await exited).toBe(0);
  }, 60_000);
});
