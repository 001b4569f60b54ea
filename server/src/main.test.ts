import { spawn } from "node:child_process";
import { mkdtempSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { fileURLToPath } from "node:url";
import { describe, expect, it } from "vitest";

const serverDir = fileURLToPath(new URL("..", import.meta.url));

/**
 * The real entry point exactly as `pnpm start` runs it (pnpm, then Node on the compiled server, not
 * Vitest's), so a module that only loads under Vitest fails here rather than at the first deploy, and
 * so a stop looks the way a person at a terminal sees it: Ctrl+C reaches the whole process group.
 */
describe("pnpm start", () => {
  it("starts, seeds, prints the demo accounts and join codes, serves, and stops cleanly on Ctrl+C", async () => {
    const child = spawn("pnpm", ["--filter", "@rembuk/server", "start"], {
      cwd: serverDir,
      detached: true, // its own process group, as a terminal job is
      env: {
        PATH: process.env.PATH,
        HOME: process.env.HOME,
        NODE_ENV: "test",
        PORT: "0",
        DEMO_CONTENT: "true",
        LOG_LEVEL: "error",
        DATA_DIR: mkdtempSync(join(tmpdir(), "rembuk-start-")),
      },
      stdio: ["ignore", "pipe", "pipe"],
    });
    let out = "";
    child.stderr.on("data", (c: Buffer) => (out += c.toString()));
    const exited = new Promise<number | null>((resolve) => child.on("exit", (code) => resolve(code)));
    const url = await new Promise<string>((resolve, reject) => {
      // Generous: it builds the server, then seeds every feature's demo content, maybe beside other tests.
      const timer = setTimeout(() => reject(new Error(`no start within 95 s:\n${out}`)), 95_000);
      child.stdout.on("data", (c: Buffer) => {
        out += c.toString();
        const match = /Rembuk: (http:\/\/\S+)/.exec(out);
        if (match && out.includes("Sesi tanya jawab")) {
          clearTimeout(timer);
          resolve(match[1]);
        }
      });
      void exited.then((code) => reject(new Error(`exited with ${code} before starting:\n${out}`)));
    });
    try {
      expect(out).toContain("rembuk-demo-2026");
      expect(out).toMatch(/admin@rembuk\.id\s+admin\s+Admin Rembuk · Pengelola Platform Rembuk/);
      // Emails name offices; the list says who holds each one.
      expect(out).toMatch(/bupati\.banyuwangi@rembuk\.id\s+member\s+Rina Kusumawardani · Bupati Banyuwangi/);
      expect(out).toMatch(/[A-HJ-NP-Z2-9]{6}\s+berlangsung\s+Tanya Jawab bersama Bupati Banyuwangi/);
      expect(out).toMatch(/[A-HJ-NP-Z2-9]{6}\s+terjadwal\s+Manajemen Talenta ASN/);
      const health = await fetch(`${url}/api/health`);
      expect(await health.json()).toMatchObject({ ok: true, db: "embedded" });
    } finally {
      if (child.pid) process.kill(-child.pid, "SIGINT");
    }
    expect(await exited).toBe(0);
    expect(out).not.toMatch(/ERR_PNPM|ELIFECYCLE|Command failed/);
  }, 115_000);
});
