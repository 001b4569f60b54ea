import { randomUUID } from "node:crypto";
import { mkdir } from "node:fs/promises";
import { join } from "node:path";
import { afterAll, beforeAll, describe, expect, inject, it } from "vitest";
import type { Browser, BrowserContext, Page } from "playwright-core";
import { artifactsDir, launchBrowser, newContext, uniqueEmail } from "../fixtures/browser.js";

/**
 * What a new user's first walk-through found (issue 10), as browser stories: the first visit shows
 * no "N baru", the thread page asks for its thread once and skips the region list, the reply box is
 * two Tab presses away, the language picked on the login page survives signing in, and on a phone a
 * toast never covers a bottom-sheet dialog.
 */

const baseUrl = inject("baseUrl");
const ROOM = "inovasi-pelayanan-publik";
let browser: Browser;
const contexts: BrowserContext[] = [];

beforeAll(async () => {
  browser = await launchBrowser();
});
afterAll(async () => {
  for (const ctx of contexts) await ctx.close().catch(() => undefined);
  await browser?.close();
});

async function context(viewport: "desktop" | "phone" = "desktop") {
  const ctx = await newContext(browser, baseUrl, viewport);
  contexts.push(ctx);
  return ctx;
}

async function register(page: Page, email = uniqueEmail("baru")) {
  await page.goto("/register");
  await page.getByTestId("register-name").fill("Dewi Anggota Baru");
  await page.getByTestId("register-email").fill(email);
  await page.getByTestId("register-password").fill("rahasia-negara-1");
  await page.getByTestId("register-submit").click();
  // A new account lands on its profile form; the header's menu closes when that page takes focus.
  await expect.poll(() => new URL(page.url()).pathname).toBe("/profile/edit");
  await page.getByTestId("user-menu").waitFor();
  return email;
}

/**
 * Opens the header's account menu. On a loaded machine the new account's first page can still be
 * settling (its session refreshed over the socket) and close a menu opened at that moment: open it again.
 */
async function openUserMenu(page: Page) {
  const logout = page.getByTestId("logout");
  for (let attempt = 0; attempt < 10 && !(await logout.isVisible()); attempt++) {
    await page.getByTestId("user-menu").click();
    await logout.waitFor({ timeout: 2_000 }).catch(() => undefined);
  }
}

async function aDiscussion(page: Page): Promise<string> {
  const res = await page.request.get(`/api/rooms/${ROOM}/threads?sort=top&limit=20`);
  const body = (await res.json()) as { threads: { id: string; kind: string; replyCount: number }[] };
  const thread = body.threads.find((t) => t.kind === "discussion" && t.replyCount > 0);
  if (!thread) throw new Error("no discussion with replies in the demo room");
  return thread.id;
}

/**
 * A discussion this test writes itself (opening post and a reply), so what the thread page shows does
 * not depend on what other specs wrote into the demo room before this one ran.
 */
async function ownDiscussion(page: Page): Promise<string> {
  const created = await page.request.post(`/api/rooms/${ROOM}/threads`, {
    data: {
      title: "Kunjungan pertama: antrean puskesmas",
      body: "Bagaimana antrean pagi dikurangi?",
      clientId: randomUUID(),
    },
  });
  expect(created.status()).toBe(201);
  const { thread } = (await created.json()) as { thread: { id: string } };
  const reply = await page.request.post(`/api/threads/${thread.id}/posts`, {
    data: { body: "Kami memakai nomor antrean lewat pesan singkat.", clientId: randomUUID() },
  });
  expect(reply.status()).toBe(201);
  return thread.id;
}

describe("a new user's first visit", () => {
  it("shows no 'baru' on threads written before the account existed", async () => {
    const page = await (await context()).newPage();
    await register(page);
    await page.goto(`/rooms/${ROOM}`);
    await page.getByTestId("thread-item").first().waitFor();
    expect(await page.getByTestId("thread-item").count()).toBeGreaterThan(2);
    expect(await page.getByTestId("thread-unread").count()).toBe(0);
    // Each row says whose experience it is: the office beside the name.
    expect(await page.getByTestId("thread-author-office").count()).toBeGreaterThan(0);
  });

  it("opens a thread with one request for it, none for the region list, and the reply box two Tabs away", async () => {
    const page = await (await context()).newPage();
    await register(page);
    // The profile form a new account lands on loads the region list itself: let it finish first.
    await page.waitForLoadState("networkidle");
    const id = await ownDiscussion(page);
    const asked: string[] = [];
    // What the page asks for; the service worker's own refreshes of its saved copies are not the page's.
    page.on("request", (r) => {
      if (!r.serviceWorker()) asked.push(new URL(r.url()).pathname);
    });
    await page.goto(`/threads/${id}`);
    await page.getByTestId("post").first().waitFor();
    // Live: the socket connected and rejoined the thread (that rejoin used to fetch it again).
    await expect
      .poll(() => page.getByTestId("connection-status").getAttribute("class"))
      .toContain("conn--online");
    await page.waitForLoadState("networkidle");
    expect(asked.filter((p) => p === `/api/threads/${id}`)).toHaveLength(1);
    expect(asked).not.toContain("/api/taxonomy/regions");

    await page.locator("body").focus();
    await page.keyboard.press("Tab");
    await page.keyboard.press("Tab");
    expect(await page.evaluate(() => document.activeElement?.textContent)).toBe("Lompat ke kotak balasan");
    await page.keyboard.press("Enter");
    expect(await page.evaluate(() => document.activeElement?.getAttribute("data-testid"))).toBe(
      "composer-input",
    );

    // A practice page's discussion has the same shortcut past the record and the ledger.
    const list = (await (await page.request.get("/api/practices?limit=1")).json()) as {
      practices: { id: string }[];
    };
    await page.goto(`/practices/${list.practices[0].id}`);
    await page.getByTestId("practice-ledger").waitFor();
    await page.locator("body").focus();
    await page.keyboard.press("Tab");
    await page.keyboard.press("Tab");
    expect(await page.evaluate(() => document.activeElement?.textContent)).toBe("Lompat ke kotak balasan");
    await page.keyboard.press("Enter");
    expect(await page.evaluate(() => document.activeElement?.getAttribute("data-testid"))).toBe(
      "composer-input",
    );
  });

  it("keeps the language picked on the login page after signing in, and saves it", async () => {
    const ctx = await context();
    const page = await ctx.newPage();
    const email = await register(page);
    await openUserMenu(page);
    await page.getByTestId("logout").click();
    await page.getByTestId("nav-login").waitFor();

    await page.goto("/login");
    await page.getByTestId("lang-en").click();
    await page.getByTestId("login-email").fill(email);
    await page.getByTestId("login-password").fill("rahasia-negara-1");
    await page.getByTestId("login-submit").click();
    await page.getByTestId("user-menu").waitFor();
    await expect.poll(() => page.locator("html").getAttribute("lang")).toBe("en");
    await expect
      .poll(
        async () =>
          ((await (await page.request.get("/api/auth/me")).json()) as { user: { locale: string } }).user
            .locale,
      )
      .toBe("en");
    await page.reload();
    await page.getByTestId("user-menu").waitFor();
    expect(await page.locator("html").getAttribute("lang")).toBe("en");
  });

  it("on a phone, a toast never covers a bottom-sheet dialog", async () => {
    const page = await (await context("phone")).newPage();
    await register(page);
    const id = await aDiscussion(page);
    await page.goto(`/threads/${id}`);
    const text = `Catatan uji lapisan ${Math.random().toString(36).slice(2, 8)}`;
    await page.getByTestId("composer-input").fill(text);
    await page.getByTestId("composer-send").click();
    const mine = page.getByTestId("post").filter({ hasText: text });
    await mine.getByTestId("post-edit").click();
    await mine.getByTestId("post-edit-input").fill(`${text} (diubah)`);
    await mine.getByTestId("post-edit-save").click();
    // "Perubahan disimpan." stays a few seconds; the delete sheet opens meanwhile.
    const toast = page.getByTestId("toast").first();
    await toast.waitFor();
    await mine.getByTestId("post-delete").click();
    const sheet = page.getByTestId("delete-dialog");
    await sheet.waitFor();
    // What the phone shows (not the full page: the toast and the sheet are fixed to the screen).
    await mkdir(artifactsDir, { recursive: true });
    await page.screenshot({ path: join(artifactsDir, "firstuse-toast-and-sheet-phone.png") });
    const a = await toast.boundingBox();
    const b = await sheet.boundingBox();
    expect(a && b).toBeTruthy();
    if (!a || !b) return;
    const overlap =
      a.x < b.x + b.width && b.x < a.x + a.width && a.y < b.y + b.height && b.y < a.y + a.height;
    expect(overlap, `toast ${JSON.stringify(a)} covers sheet ${JSON.stringify(b)}`).toBe(false);
  });
});
