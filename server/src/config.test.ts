import { spawn } from "node:child_process";
import { mkdtempSync, readFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { fileURLToPath } from "node:url";
import { describe, expect, it } from "vitest";
import { ConfigError, loadConfig } from "./config.js";

const problemsOf = (env: Record<string, string>) => {
  try {
    loadConfig(env);
    return [];
  } catch (err) {
    if (err instanceof ConfigError) return err.problems;
    throw err;
  }
};

describe("loadConfig", () => {
  it("has development defaults and keeps a generated session secret in DATA_DIR", () => {
    const dataDir = mkdtempSync(join(tmpdir(), "rembuk-config-"));
    const c = loadConfig({ DATA_DIR: dataDir });
    expect(c).toMatchObject({
      env: "development",
      port: 3000,
      mongodbUri: null,
      redisUrl: null,
      dataDir,
      demoContent: true,
      admin: null,
    });
    expect(c.sessionSecret).toHaveLength(64);
    expect(readFileSync(join(dataDir, "session-secret"), "utf8").trim()).toBe(c.sessionSecret);
    expect(loadConfig({ DATA_DIR: dataDir }).sessionSecret).toBe(c.sessionSecret);
  });

  it("validates SMTP_URL and derives mail settings from PUBLIC_URL", () => {
    expect(problemsOf({ NODE_ENV: "test", SMTP_URL: "http://mail.example.go.id" })).toEqual([
      expect.stringMatching(
        /^SMTP_URL="http:\/\/mail.example.go.id" is invalid: use an smtp:\/\/ or smtps:\/\/ URL/,
      ),
    ]);
    const mail = loadConfig({
      NODE_ENV: "test",
      SMTP_URL: "smtp://rembuk:rahasia@mail.example.go.id:587",
      PUBLIC_URL: "https://rembuk.example.go.id/",
    });
    expect(mail).toMatchObject({
      smtpUrl: "smtp://rembuk:rahasia@mail.example.go.id:587",
      publicUrl: "https://rembuk.example.go.id",
      mailFrom: "Rembuk <no-reply@rembuk.example.go.id>",
    });
    const local = loadConfig({ NODE_ENV: "test", PORT: "4100", MAIL_FROM: "Rembuk <uji@rembuk.id>" });
    expect(local).toMatchObject({
      smtpUrl: null,
      publicUrl: "http://localhost:4100",
      mailFrom: "Rembuk <uji@rembuk.id>",
    });
  });

  it("resolves a relative DATA_DIR against the repository root", () => {
    const c = loadConfig({ NODE_ENV: "test", DATA_DIR: "tmp/x" });
    expect(c.dataDir).toBe(fileURLToPath(new URL("../../tmp/x", import.meta.url)));
  });

  it("derives the allowed origin and Secure cookies from PUBLIC_URL", () => {
    const c = loadConfig({ NODE_ENV: "test", PUBLIC_URL: "https://rembuk.example.go.id/app" });
    expect(c.publicOrigin).toBe("https://rembuk.example.go.id");
    expect(c.secureCookies).toBe(true);
    expect(loadConfig({ NODE_ENV: "test", PUBLIC_URL: "http://localhost:3000" }).secureCookies).toBe(false);
  });

  it("requires a strong SESSION_SECRET in production and defaults demo content off there", () => {
    expect(problemsOf({ NODE_ENV: "production" }).join()).toMatch(/SESSION_SECRET/);
    expect(problemsOf({ NODE_ENV: "production", SESSION_SECRET: "short" }).join()).toMatch(
      /SESSION_SECRET.*32/,
    );
    const c = loadConfig({ NODE_ENV: "production", SESSION_SECRET: "x".repeat(32) });
    expect(c.demoContent).toBe(false);
  });

  it("names each wrong variable and what it accepts", () => {
    expect(problemsOf({ PORT: "abc" }).join()).toMatch(/PORT.*port number/);
    expect(problemsOf({ PORT: "70000" }).join()).toMatch(/PORT/);
    expect(problemsOf({ NODE_ENV: "staging" }).join()).toMatch(/NODE_ENV.*development, production or test/);
    expect(problemsOf({ MONGODB_URI: "postgres://x" }).join()).toMatch(/MONGODB_URI.*mongodb:\/\//);
    expect(problemsOf({ REDIS_URL: "localhost:6379" }).join()).toMatch(/REDIS_URL.*redis:\/\//);
    expect(problemsOf({ PUBLIC_URL: "rembuk.id" }).join()).toMatch(/PUBLIC_URL/);
    expect(problemsOf({ DEMO_CONTENT: "maybe" }).join()).toMatch(/DEMO_CONTENT.*true or false/);
    expect(problemsOf({ ADMIN_EMAIL: "a@b.id" }).join()).toMatch(/ADMIN_EMAIL and ADMIN_PASSWORD/);
  });

  it("parses flags, trust proxy and the admin pair", () => {
    const c = loadConfig({
      NODE_ENV: "test",
      DEMO_CONTENT: "off",
      TRUST_PROXY: "1",
      ADMIN_EMAIL: " Admin@Pemda.go.id ",
      ADMIN_PASSWORD: "rahasia-sekali",
    });
    expect(c.demoContent).toBe(false);
    expect(c.trustProxy).toBe(1);
    expect(c.admin).toEqual({ email: "admin@pemda.go.id", password: "rahasia-sekali" });
    expect(loadConfig({ NODE_ENV: "test", TRUST_PROXY: "loopback" }).trustProxy).toBe("loopback");
  });

  it("scales rate-limit budgets only when RATE_LIMIT_SCALE says so", () => {
    expect(loadConfig({ NODE_ENV: "test" }).rateLimitScale).toBe(1);
    expect(loadConfig({ NODE_ENV: "test", RATE_LIMIT_SCALE: "20" }).rateLimitScale).toBe(20);
    expect(problemsOf({ NODE_ENV: "test", RATE_LIMIT_SCALE: "0" }).join()).toMatch(
      /RATE_LIMIT_SCALE.*1 or more/,
    );
    expect(problemsOf({ NODE_ENV: "test", RATE_LIMIT_SCALE: "lots" }).join()).toMatch(/RATE_LIMIT_SCALE/);
  });
});

describe("starting with a bad value", () => {
  it("exits with code 1 and a message naming the variable", async () => {
    const serverDir = fileURLToPath(new URL("..", import.meta.url));
    const child = spawn(join(serverDir, "node_modules/.bin/tsx"), ["src/main.ts"], {
      cwd: serverDir,
      env: { PATH: process.env.PATH, NODE_ENV: "test", PORT: "not-a-port" },
    });
    let stderr = "";
    child.stderr.on("data", (chunk: Buffer) => (stderr += chunk.toString()));
    const code = await new Promise<number | null>((resolve) => child.on("exit", resolve));
    expect(code).toBe(1);
    expect(stderr).toMatch(/PORT="not-a-port" is invalid: use a port number/);
  });
});
