import { mkdir } from "node:fs/promises";
import { join, resolve } from "node:path";
import { afterAll, beforeAll, describe, expect, inject, it } from "vitest";
import type { Browser, BrowserContext, Page } from "playwright-core";
import { launchBrowser, newContext, signIn } from "../fixtures/browser.js";

/**
 * The app shell offline: a signed-in reader opens a thread, loses the connection and reloads. The
 * service worker serves the shell, the thread and its posts come from this person's saved copy,
 * and a notice says so — not the browser's error page. Signing out deletes that copy. Screenshots
 * of the offline state on a phone, in both languages, go to docs/screenshots/offline/.
 */
const baseUrl = inject("baseUrl");
const ROOM = "inovasi-pelayanan-publik";
const screenshots = resolve(import.meta.dirname, "../../docs/screenshots/offline");
let browser: Browser;
let ctx: BrowserContext;

beforeAll(async () => {
  browser = await launchBrowser();
  ctx = await newContext(browser, baseUrl, "phone");
});
afterAll(async () => {
  await ctx?.close();
  await browser?.close();
});

async function aDiscussion(page: Page): Promise<string> {
  const res = await page.request.get(`/api/rooms/${ROOM}/threads?sort=top&limit=20`);
  const body = (await res.json()) as { threads: { id: string; kind: string; replyCount: number }[] };
  const thread = body.threads.find((t) => t.kind === "discussion" && t.replyCount > 0);
  if (!thread) throw new Error("no discussion with replies in the demo room");
  return thread.id;
}

/** Names of this origin's Cache Storage caches. */
const cacheNames = (page: Page) => page.evaluate(() => caches.keys());

/** Whether the saved copy holds this thread and its posts, and the worker holds every script the page ran. */
const readyOffline = (page: Page, id: string) =>
  page.evaluate(async (threadId) => {
    if (!navigator.serviceWorker.controller) return false;
    const names = await caches.keys();
    const data = names.find((n) => n.startsWith("rembuk-data-"));
    if (!data) return false;
    const saved = (await (await caches.open(data)).keys()).map((r) => new URL(r.url).pathname);
    if (!saved.includes(`/api/threads/${threadId}`) || !saved.includes(`/api/threads/${threadId}/posts`))
      return false;
    const loaded = performance
      .getEntriesByType("resource")
      .map((e) => new URL(e.name).pathname)
      .filter((p) => p.startsWith("/assets/"));
    for (const path of loaded) if (!(await caches.match(path))) return false;
    return true;
  }, id);

describe("offline", () => {
  it("reloads a thread read before going offline, from the saved copy, with a notice", async () => {
    const page = await ctx.newPage();
    await signIn(page, "bupati.banyuwangi@rembuk.id");
    const id = await aDiscussion(page);
    // Only what passes through the worker is saved: on a slow machine it may take control after the
    // first page's requests, so the thread is opened once it does.
    await expect
      .poll(() => page.evaluate(() => navigator.serviceWorker.controller !== null), { timeout: 30_000 })
      .toBe(true);
    await page.goto(`/threads/${id}`);
    const title = await page.getByTestId("thread-title").innerText();
    await page.getByTestId("post").first().waitFor();
    await expect.poll(() => readyOffline(page, id), { timeout: 30_000 }).toBe(true);

    await ctx.setOffline(true);
    await page.reload();
    await expect.poll(() => page.getByTestId("thread-title").innerText()).toBe(title);
    expect(await page.getByTestId("post").count()).toBeGreaterThan(0);
    await page.getByTestId("offline-notice").waitFor();
    expect(await page.getByTestId("offline-notice").innerText()).toContain("Luring");
    expect(await page.getByTestId("user-menu").isVisible()).toBe(true);
    await mkdir(screenshots, { recursive: true });
    await page.screenshot({ path: join(screenshots, "thread-phone-id.png") });

    // The other language's strings were kept at install: switching works offline too.
    await page.getByTestId("lang-en").click();
    await expect.poll(() => page.getByTestId("offline-notice").innerText()).toContain("Offline");
    await page.screenshot({ path: join(screenshots, "thread-phone-en.png") });
    await page.getByTestId("lang-id").click();
    await expect.poll(() => page.getByTestId("offline-notice").innerText()).toContain("Luring");

    await ctx.setOffline(false);
  });

  it("deletes the saved copy when its owner signs out", async () => {
    const page = await ctx.newPage();
    await page.goto("/");
    await page.getByTestId("user-menu").waitFor();
    expect((await cacheNames(page)).some((n) => n.startsWith("rembuk-data-"))).toBe(true);
    for (let attempt = 0; attempt < 10 && !(await page.getByTestId("logout").isVisible()); attempt++) {
      await page.getByTestId("user-menu").click();
    }
    await page.getByTestId("logout").click();
    await page.getByTestId("nav-login").waitFor();
    await expect
      .poll(async () => (await cacheNames(page)).filter((n) => n.startsWith("rembuk-data-")))
      .toEqual([]);
  });
});
