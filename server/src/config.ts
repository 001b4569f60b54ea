import { randomBytes } from "node:crypto";
import { mkdirSync, readFileSync, writeFileSync, existsSync } from "node:fs";
import { isAbsolute, join, resolve } from "node:path";
import { fileURLToPath } from "node:url";
import { z } from "zod";
import { Email } from "@rembuk/shared";

/** The repository root: relative paths in the environment (DATA_DIR) are taken from here, not from cwd. */
export const REPO_ROOT = fileURLToPath(new URL("../../", import.meta.url));

const SERVER_VERSION = (() => {
  const pkg: unknown = JSON.parse(readFileSync(new URL("../package.json", import.meta.url), "utf8"));
  return z.object({ version: z.string() }).parse(pkg).version;
})();

/** Environment flags people actually type: 1/0, true/false, yes/no, on/off. */
const Flag = z
  .string()
  .trim()
  .toLowerCase()
  .pipe(z.enum(["1", "0", "true", "false", "yes", "no", "on", "off"], "use true or false"))
  .transform((v) => ["1", "true", "yes", "on"].includes(v));

/** `trust proxy` as Express understands it: false, true, a hop count, or addresses/subnets. */
const TrustProxy = z
  .string()
  .trim()
  .min(1)
  .transform((v): boolean | number | string => {
    if (/^(true|false)$/i.test(v)) return v.toLowerCase() === "true";
    if (/^\d+$/.test(v)) return Number(v);
    return v;
  });

const blankToUndefined = (v: unknown) => (typeof v === "string" && v.trim() === "" ? undefined : v);
const opt = <S extends z.ZodType>(s: S) => z.preprocess(blankToUndefined, s.optional());

/** Every variable the server reads, with what it accepts (the message names both when it is wrong). */
const Env = z.object({
  NODE_ENV: opt(z.enum(["development", "production", "test"], "use development, production or test")),
  PORT: opt(
    z.coerce.number("use a port number").int("use a whole port number").min(0).max(65535, "use 0–65535"),
  ),
  MONGODB_URI: opt(
    z.string().regex(/^mongodb(\+srv)?:\/\/\S+$/, "use a mongodb:// or mongodb+srv:// connection string"),
  ),
  REDIS_URL: opt(z.string().regex(/^rediss?:\/\/\S+$/, "use a redis:// or rediss:// URL")),
  DATA_DIR: opt(z.string().min(1)),
  SESSION_SECRET: opt(z.string().min(32, "use at least 32 characters (e.g. `openssl rand -hex 32`)")),
  PUBLIC_URL: opt(
    z.url({
      protocol: /^https?$/,
      error: "use an http:// or https:// URL, e.g. https://rembuk.example.go.id",
    }),
  ),
  ADMIN_EMAIL: opt(Email),
  ADMIN_PASSWORD: opt(z.string().min(8, "use at least 8 characters").max(200)),
  DEMO_CONTENT: opt(Flag),
  TRUST_PROXY: opt(TrustProxy),
  SMTP_URL: opt(
    z
      .string()
      .regex(
        /^smtps?:\/\/\S+$/,
        "use an smtp:// or smtps:// URL, e.g. smtp://user:pass@mail.example.go.id:587",
      )
      .refine(
        (v) => URL.canParse(v),
        "use an smtp:// or smtps:// URL that parses (escape @ and : in passwords)",
      ),
  ),
  MAIL_FROM: opt(z.string().trim().min(3).max(200)),
  RATE_LIMIT_SCALE: opt(
    z.coerce.number("use a number").min(1, "use 1 or more").max(1000, "use at most 1000"),
  ),
});

export interface Config {
  env: "development" | "production" | "test";
  version: string;
  port: number;
  /** null: start the embedded devdb. */
  mongodbUri: string | null;
  redisUrl: string | null;
  /** Absolute. Holds the embedded database and the development session secret. */
  dataDir: string;
  /** Embedded database only: keep it in memory (tests) instead of under `dataDir/devdb`. */
  devdbInMemory: boolean;
  sessionSecret: string;
  /** Origin of PUBLIC_URL, allowed by the same-origin check besides the request's own host. */
  publicOrigin: string | null;
  /** Session cookies carry `Secure` when the public URL is https. */
  secureCookies: boolean;
  trustProxy: boolean | number | string;
  admin: { email: string; password: string } | null;
  demoContent: boolean;
  /** Base for links in mail (`/confirm-email?token=…`): PUBLIC_URL, else http://localhost:PORT. */
  publicUrl: string;
  /** null: no SMTP server; mail stays in the outbox for admins to read. */
  smtpUrl: string | null;
  /** The From header of every message. */
  mailFrom: string;
  /** Multiplies every rate-limit budget: for e2e runs and benchmarks that act from one address. */
  rateLimitScale: number;
}

/** A configuration problem the operator must fix; `main` prints it and exits 1. */
export class ConfigError extends Error {
  constructor(readonly problems: string[]) {
    super(`Invalid configuration:\n${problems.map((p) => `  - ${p}`).join("\n")}`);
    this.name = "ConfigError";
  }
}

type EnvSource = Record<string, string | undefined>;

/**
 * Parse the environment once at start. Pure apart from the development session secret, which is
 * generated on first run and kept in DATA_DIR so sessions survive restarts.
 */
export function loadConfig(source: EnvSource = process.env): Config {
  const parsed = Env.safeParse(source);
  if (!parsed.success) {
    throw new ConfigError(
      parsed.error.issues.map((i) => {
        const name = String(i.path[0] ?? "environment");
        return `${name}=${JSON.stringify(source[name] ?? "")} is invalid: ${i.message}`;
      }),
    );
  }
  const e = parsed.data;
  const env = e.NODE_ENV ?? "development";
  const problems: string[] = [];

  if ((e.ADMIN_EMAIL === undefined) !== (e.ADMIN_PASSWORD === undefined)) {
    problems.push("ADMIN_EMAIL and ADMIN_PASSWORD must be set together (both or neither)");
  }
  if (env === "production" && !e.SESSION_SECRET) {
    problems.push("SESSION_SECRET is required in production: use at least 32 random characters");
  }
  if (problems.length) throw new ConfigError(problems);

  const dataDir = resolve(REPO_ROOT, e.DATA_DIR ?? "data");
  const publicUrl = e.PUBLIC_URL ? new URL(e.PUBLIC_URL) : null;
  const port = e.PORT ?? 3000;

  return {
    env,
    version: SERVER_VERSION,
    port,
    mongodbUri: e.MONGODB_URI ?? null,
    redisUrl: e.REDIS_URL ?? null,
    dataDir,
    devdbInMemory: env === "test",
    sessionSecret:
      e.SESSION_SECRET ?? (env === "test" ? randomBytes(32).toString("hex") : devSessionSecret(dataDir)),
    publicOrigin: publicUrl?.origin ?? null,
    secureCookies: publicUrl?.protocol === "https:",
    trustProxy: e.TRUST_PROXY ?? false,
    admin: e.ADMIN_EMAIL && e.ADMIN_PASSWORD ? { email: e.ADMIN_EMAIL, password: e.ADMIN_PASSWORD } : null,
    demoContent: e.DEMO_CONTENT ?? env !== "production",
    rateLimitScale: e.RATE_LIMIT_SCALE ?? 1,
    publicUrl: (publicUrl ? publicUrl.href : `http://localhost:${port}/`).replace(/\/+$/, ""),
    smtpUrl: e.SMTP_URL ?? null,
    mailFrom: e.MAIL_FROM ?? `Rembuk <no-reply@${publicUrl?.hostname ?? "localhost"}>`,
  };
}

/** Development only: one random secret per data directory, so a restart keeps everyone signed in. */
function devSessionSecret(dataDir: string): string {
  const file = join(dataDir, "session-secret");
  if (existsSync(file)) {
    const secret = readFileSync(file, "utf8").trim();
    if (secret.length >= 32) return secret;
  }
  mkdirSync(dataDir, { recursive: true });
  const secret = randomBytes(32).toString("hex");
  writeFileSync(file, `${secret}\n`, { mode: 0o600 });
  return secret;
}

/** For messages: DATA_DIR relative to the repo root when it lives inside it. */
export function displayPath(path: string): string {
  if (!isAbsolute(path) || !path.startsWith(REPO_ROOT)) return path;
  return `./${path.slice(REPO_ROOT.length)}`;
}
