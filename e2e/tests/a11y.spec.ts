import { readFileSync } from "node:fs";
import { createRequire } from "node:module";
import { afterAll, beforeAll, describe, expect, inject, it } from "vitest";
import type { Browser, BrowserContext, Page } from "playwright-core";
import {
  DEMO_PASSWORD,
  launchBrowser,
  newContext,
  shot,
  uniqueEmail,
  VIEWPORTS,
} from "../fixtures/browser.js";

/**
 * axe-core run inside the page on the main pages, in both languages, at desktop and phone width:
 * any serious or critical violation fails the test (with the rule, the nodes and the page named).
 * `label-content-name-mismatch` (a button's name must contain its visible text, for voice control)
 * is experimental in axe and off by default; it is switched on here.
 */

const baseUrl = inject("baseUrl");
const ROOM = "inovasi-pelayanan-publik";
const axeSource = readFileSync(createRequire(import.meta.url).resolve("axe-core/axe.min.js"), "utf8");
const LOCALES = ["id", "en"] as const;
type Locale = (typeof LOCALES)[number];
let browser: Browser;
const contexts: BrowserContext[] = [];

beforeAll(async () => {
  browser = await launchBrowser();
});
afterAll(async () => {
  for (const ctx of contexts) await ctx.close().catch(() => undefined);
  await browser?.close();
});

interface Violation {
  id: string;
  impact: string | null;
  help: string;
  nodes: string[];
}

function isViolationList(v: unknown): v is Violation[] {
  return (
    Array.isArray(v) &&
    v.every(
      (x: unknown) =>
        typeof x === "object" && x !== null && "id" in x && "nodes" in x && Array.isArray(x.nodes),
    )
  );
}

/** Runs axe in the page; returns the serious and critical violations, each with a few node selectors. */
async function seriousViolations(page: Page): Promise<Violation[]> {
  // Evaluated over the DevTools protocol: the app's CSP (script-src 'self') rightly refuses an inline script tag.
  await page.evaluate(axeSource);
  const found: unknown = await page.evaluate(`
    axe.run(document, {
      resultTypes: ["violations"],
      rules: { "label-content-name-mismatch": { enabled: true } },
    }).then((r) => r.violations.map((v) => ({
      id: v.id,
      impact: v.impact,
      help: v.help,
      nodes: v.nodes.slice(0, 5).map((n) => n.target.join(" ") + " :: " + (n.failureSummary || "").split("\\n")[1]),
    })))
  `);
  if (!isViolationList(found)) throw new Error("axe returned no result");
  return found.filter((v) => v.impact === "serious" || v.impact === "critical");
}

async function signedInContext(
  locale: Locale,
  viewport: keyof typeof VIEWPORTS,
  email: string,
): Promise<BrowserContext> {
  const ctx = await newContext(browser, baseUrl, viewport);
  contexts.push(ctx);
  const login = await ctx.request.post("/api/auth/login", {
    data: { email, password: DEMO_PASSWORD },
    headers: { origin: baseUrl },
  });
  expect(login.status()).toBe(200);
  return ctx;
}

/** A fresh member in `locale` (registering keeps the visitor's language), signed in. */
async function memberContext(locale: Locale, viewport: keyof typeof VIEWPORTS): Promise<BrowserContext> {
  const ctx = await newContext(browser, baseUrl, viewport);
  contexts.push(ctx);
  const page = await ctx.newPage();
  await page.addInitScript((l) => localStorage.setItem("rembuk.locale", l), locale);
  await page.goto("/register");
  await page.getByTestId("register-name").fill(locale === "id" ? "Sari Pemeriksa" : "Sam Checker");
  await page.getByTestId("register-email").fill(uniqueEmail("a11y"));
  await page.getByTestId("register-password").fill("rahasia-negara-1");
  await page.getByTestId("register-submit").click();
  await page.getByTestId("user-menu").waitFor();
  await page.close();
  return ctx;
}

async function firstDiscussionThread(ctx: BrowserContext): Promise<string> {
  const res = await ctx.request.get(`/api/rooms/${ROOM}/threads?sort=top&limit=20`);
  const body = (await res.json()) as { threads: { id: string; kind: string; replyCount: number }[] };
  const thread = body.threads.find((t) => t.kind === "discussion" && t.replyCount > 0);
  if (!thread) throw new Error("no discussion thread with replies in the demo room");
  return thread.id;
}

async function aSession(ctx: BrowserContext): Promise<string> {
  const res = await ctx.request.get(`/api/rooms/${ROOM}/qa`);
  const body = (await res.json()) as { sessions: { id: string; status: string }[] };
  const session = body.sessions.find((s) => s.status === "live") ?? body.sessions[0];
  if (!session) throw new Error("no Q&A session in the demo room");
  return session.id;
}

interface Check {
  name: string;
  path: string;
  /** What shows once the page has its content (not a skeleton). */
  ready: string;
}

async function check(ctx: BrowserContext, locale: Locale, viewport: string, c: Check): Promise<string[]> {
  const page = await ctx.newPage();
  try {
    await page.goto(c.path);
    await page.locator(c.ready).first().waitFor({ timeout: 20_000 });
    // The interface is in the language under test (a signed-in profile's language wins at start).
    await expect.poll(() => page.locator("html").getAttribute("lang")).toBe(locale);
    await page.waitForLoadState("networkidle");
    await shot(page, `a11y-${c.name}-${locale}-${viewport}`);
    const found = await seriousViolations(page);
    return found.map(
      (v) =>
        `${c.name} [${locale}, ${viewport}] ${v.id} (${v.impact}): ${v.help}\n    ${v.nodes.join("\n    ")}`,
    );
  } finally {
    await page.close();
  }
}

describe("axe: no serious or critical accessibility violation on the main pages", () => {
  for (const locale of LOCALES) {
    for (const viewport of ["desktop", "phone"] as const) {
      it(`home, room, thread, practice form, directory, Q&A (${locale}, ${viewport})`, async () => {
        const ctx = await memberContext(locale, viewport);
        const threadId = await firstDiscussionThread(ctx);
        const sessionId = await aSession(ctx);
        const pages: Check[] = [
          { name: "home", path: "/", ready: "main h1" },
          { name: "room", path: `/rooms/${ROOM}`, ready: "[data-testid=thread-item]" },
          { name: "thread", path: `/threads/${threadId}`, ready: "[data-testid=post]" },
          { name: "practice-form", path: "/practices/new", ready: "[data-testid=practice-form]" },
          { name: "directory", path: "/practices", ready: "[data-testid=practice-card]" },
          { name: "qa-hub", path: "/qa", ready: "[data-testid=qa-join-form]" },
          { name: "qa-session", path: `/qa/${sessionId}`, ready: "[data-testid=qa-title]" },
        ];
        const problems: string[] = [];
        for (const c of pages) problems.push(...(await check(ctx, locale, viewport, c)));
        expect(problems, problems.join("\n")).toEqual([]);
      });
    }

    it(`moderation dashboard (${locale})`, async () => {
      const ctx = await signedInContext(locale, "desktop", "moderator@rembuk.id");
      const me = (await (await ctx.request.get("/api/auth/me")).json()) as {
        user: { id: string; locale: Locale };
      };
      const headers = { origin: baseUrl };
      // The moderator's profile language decides the interface; set it for this run, then restore it.
      await ctx.request.patch(`/api/users/${me.user.id}`, { data: { locale }, headers });
      try {
        const problems: string[] = [];
        for (const tab of ["queue", "flags", "log"])
          problems.push(
            ...(await check(ctx, locale, "desktop", {
              name: `moderation-${tab}`,
              path: `/moderation?tab=${tab}`,
              ready: "main h1",
            })),
          );
        expect(problems, problems.join("\n")).toEqual([]);
      } finally {
        await ctx.request.patch(`/api/users/${me.user.id}`, { data: { locale: me.user.locale }, headers });
      }
    });
  }
});
