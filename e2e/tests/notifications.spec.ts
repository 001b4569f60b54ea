import { readFileSync } from "node:fs";
import { createRequire } from "node:module";
import { afterAll, beforeAll, describe, expect, inject, it } from "vitest";
import type { Browser, BrowserContext, Page } from "playwright-core";
import { join } from "node:path";
import {
  artifactsDir,
  launchBrowser,
  newContext,
  shot,
  uniqueEmail,
  type VIEWPORTS,
} from "../fixtures/browser.js";

/**
 * Notifications with two real browsers: A replies in B's thread and B's bell counts it live, the
 * panel shows it, opening it goes to the post and the count drops; after B mutes the thread, A's next
 * reply brings nothing. Then the inbox, the watch menu and the settings are photographed in both
 * languages at desktop and phone width, and the inbox is checked with axe.
 */
const baseUrl = inject("baseUrl");
const ROOM = "inovasi-pelayanan-publik";
const PASSWORD = "rahasia-negara-1";
const axeSource = readFileSync(createRequire(import.meta.url).resolve("axe-core/axe.min.js"), "utf8");
const headers = { origin: baseUrl };
let browser: Browser;
const contexts: BrowserContext[] = [];
interface Person {
  ctx: BrowserContext;
  page: Page;
  email: string;
  id: string;
}
let a: Person;
let b: Person;
let threadId = "";

async function person(name: string): Promise<Person> {
  const ctx = await newContext(browser, baseUrl);
  contexts.push(ctx);
  const page = await ctx.newPage();
  const email = uniqueEmail("notif");
  await page.goto("/register");
  await page.getByTestId("register-name").fill(name);
  await page.getByTestId("register-email").fill(email);
  await page.getByTestId("register-password").fill(PASSWORD);
  await page.getByTestId("register-submit").click();
  await page.getByTestId("user-menu").waitFor();
  const me = (await (await ctx.request.get("/api/auth/me")).json()) as { user: { id: string } };
  return { ctx, page, email, id: me.user.id };
}

/** Another signed-in browser for the same person (a phone beside the desktop). */
async function signedIn(p: Person, viewport: keyof typeof VIEWPORTS): Promise<Page> {
  const ctx = await newContext(browser, baseUrl, viewport);
  contexts.push(ctx);
  const res = await ctx.request.post("/api/auth/login", {
    data: { email: p.email, password: PASSWORD },
    headers,
  });
  expect(res.status()).toBe(200);
  return ctx.newPage();
}

async function setLocale(p: Person, locale: "id" | "en") {
  const res = await p.ctx.request.patch(`/api/users/${p.id}`, { data: { locale }, headers });
  expect(res.ok()).toBe(true);
}

async function reply(page: Page, text: string) {
  await page.getByTestId("composer-input").fill(text);
  await page.getByTestId("composer-send").click();
  await page.locator("[data-testid=post]", { hasText: text }).first().waitFor();
}

/** A menu or panel opens with a short animation: photograph it once it has settled. */
async function shotOpen(page: Page, name: string, viewportOnly = false) {
  await page.waitForTimeout(400);
  if (viewportOnly) await page.screenshot({ path: join(artifactsDir, `${name}.png`) });
  else await shot(page, name);
}

const bellCount = (page: Page) => page.getByTestId("notification-bell").getAttribute("data-count");

async function unreadOnServer(p: Person): Promise<number> {
  const res = await p.ctx.request.get("/api/notifications/unread");
  return ((await res.json()) as { unread: number }).unread;
}

async function seriousViolations(page: Page): Promise<string[]> {
  await page.evaluate(axeSource);
  const found = (await page.evaluate(`
    axe.run(document, { resultTypes: ["violations"], rules: { "label-content-name-mismatch": { enabled: true } } })
      .then((r) => r.violations
        .filter((v) => v.impact === "serious" || v.impact === "critical")
        .map((v) => v.id + ": " + v.help + " :: " + v.nodes.slice(0, 3).map((n) => n.target.join(" ")).join(", ")))
  `)) as string[];
  return found;
}

beforeAll(async () => {
  browser = await launchBrowser();
  a = await person("Andi Wicaksono");
  b = await person("Budi Hartono");
  const res = await b.ctx.request.post(`/api/rooms/${ROOM}/threads`, {
    data: {
      title: `Retribusi parkir digital ${Date.now().toString(36)}`,
      body: "Adakah daerah yang sudah memungut **retribusi parkir** tanpa uang tunai?",
      tags: ["parkir", "retribusi"],
    },
    headers,
  });
  expect(res.status()).toBe(201);
  threadId = ((await res.json()) as { thread: { id: string } }).thread.id;
});
afterAll(async () => {
  for (const ctx of contexts) await ctx.close().catch(() => undefined);
  await browser?.close();
});

describe("notifications in two browsers", () => {
  it("A's reply reaches B's bell live; the panel opens the post and the count drops", async () => {
    await b.page.goto(`/rooms/${ROOM}`);
    await expect.poll(() => bellCount(b.page)).toBe("0");

    await a.page.goto(`/threads/${threadId}`);
    await reply(a.page, "Kota kami memakai kartu parkir sejak 2024, nanti saya bagikan SOP-nya.");

    await expect.poll(() => bellCount(b.page), { timeout: 20_000 }).toBe("1");
    const bell = b.page.getByTestId("notification-bell");
    expect(await bell.getAttribute("aria-label")).toBe("Notifikasi, 1 belum dibaca");

    // Keyboard: the bell opens the panel, Tab reaches its entries, Escape closes it and gives focus back.
    await bell.focus();
    await b.page.keyboard.press("Enter");
    const entry = b.page.getByTestId("notification-panel").getByTestId("notification").first();
    await entry.waitFor();
    expect(await entry.textContent()).toContain("Andi Wicaksono membalas di utas Anda");
    await shotOpen(b.page, "notifications-bell-panel-id-desktop");
    await b.page.keyboard.press("Escape");
    await b.page.getByTestId("notification-panel").waitFor({ state: "detached" });
    expect(await b.page.evaluate(() => document.activeElement?.getAttribute("data-testid"))).toBe(
      "notification-bell",
    );

    await bell.click();
    await b.page.getByTestId("notification-panel").getByTestId("notification-link").first().click();
    await b.page.waitForURL(new RegExp(`/threads/${threadId}#post-\\d+$`));
    await b.page.getByTestId("thread-title").waitFor();
    await expect.poll(() => bellCount(b.page)).toBe("0");
    expect(await unreadOnServer(b)).toBe(0);
  });

  it("a muted thread brings nothing", async () => {
    await b.page.goto(`/threads/${threadId}`);
    await b.page.getByTestId("thread-watch-button").click();
    await b.page.getByTestId("watch-muted").waitFor();
    await shotOpen(b.page, "notifications-watch-menu-id-desktop");
    await b.page.getByTestId("watch-muted").click();
    await expect.poll(() => b.page.getByTestId("thread-watch").getAttribute("data-level")).toBe("muted");

    await a.page.goto(`/threads/${threadId}`);
    await reply(a.page, "Satu lagi: tarifnya kami umumkan di papan digital.");
    // The worker polls every 2 s; well after that, still nothing for B.
    await new Promise((r) => setTimeout(r, 7_000));
    expect(await unreadOnServer(b)).toBe(0);
    expect(await bellCount(b.page)).toBe("0");

    // The choice is the server's: a fresh load of the thread says muted.
    await b.page.reload();
    await expect.poll(() => b.page.getByTestId("thread-watch").getAttribute("data-level")).toBe("muted");
  });

  it("the settings save the digest choice", async () => {
    await b.page.goto("/account/notifications");
    await b.page.getByTestId("notif-settings-digest-weekly").waitFor();
    expect(await b.page.getByTestId("notif-settings-digest-weekly").isChecked()).toBe(true);
    await b.page.getByTestId("notif-settings-digest-daily").check();
    await b.page.getByTestId("notif-settings-mentions").uncheck();
    await b.page.getByTestId("notif-settings-save").click();
    await b.page.getByTestId("notif-settings-saved").waitFor();
    const res = await b.ctx.request.get("/api/notifications/settings");
    expect(await res.json()).toEqual({ settings: { email: { mentions: false, digest: "daily" } } });
  });

  it("inbox, panel, watch menu and settings in both languages, desktop and phone; axe on the inbox", async () => {
    // Something unread to show: A mentions nobody, but replies in a thread B still watches (B's own new one).
    const res = await b.ctx.request.post(`/api/rooms/${ROOM}/threads`, {
      data: { title: `Parkir berlangganan ${Date.now().toString(36)}`, body: "Siapa yang sudah mencoba?" },
      headers,
    });
    const second = ((await res.json()) as { thread: { id: string } }).thread.id;
    await a.page.goto(`/threads/${second}`);
    await reply(a.page, "Kami sedang uji coba di dua ruas jalan.");
    await expect.poll(() => unreadOnServer(b), { timeout: 20_000 }).toBe(1);

    const problems: string[] = [];
    for (const locale of ["id", "en"] as const) {
      await setLocale(b, locale);
      for (const viewport of ["desktop", "phone"] as const) {
        const page = await signedIn(b, viewport);
        const tag = `${locale}-${viewport}`;
        await page.goto("/notifications");
        await page.getByTestId("notifications-list").waitFor();
        await expect.poll(() => page.locator("html").getAttribute("lang")).toBe(locale);
        await page.waitForLoadState("networkidle");
        await shot(page, `notifications-inbox-${tag}`);
        problems.push(...(await seriousViolations(page)).map((p) => `inbox [${tag}] ${p}`));

        await page.getByTestId("notification-bell").click();
        await page.getByTestId("notification-panel").getByTestId("notification").first().waitFor();
        await shotOpen(page, `notifications-bell-panel-${tag}`);
        await page.keyboard.press("Escape");

        await page.goto(`/threads/${threadId}`);
        await page.getByTestId("thread-watch-button").click();
        await page.getByTestId("watch-watching").waitFor();
        await shotOpen(page, `notifications-watch-menu-${tag}`, true);
        await page.keyboard.press("Escape");

        await page.goto(`/rooms/${ROOM}`);
        await page.getByTestId("room-watch-button").click();
        await page.getByTestId("watch-watching").waitFor();
        await shotOpen(page, `notifications-room-watch-${tag}`, true);
        await page.keyboard.press("Escape");

        await page.goto("/account/notifications");
        await page.getByTestId("notif-settings-save").waitFor();
        await shotOpen(page, `notifications-settings-${tag}`, true);
        await page.close();
      }
    }
    await setLocale(b, "id");
    expect(problems, problems.join("\n")).toEqual([]);
    // Eight page loads and twenty photographs: longer than one story, on a loaded machine.
  }, 240_000);
});
