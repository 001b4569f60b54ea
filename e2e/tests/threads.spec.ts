import { afterAll, beforeAll, describe, expect, inject, it } from "vitest";
import type { Browser, BrowserContext, Page } from "playwright-core";
import { launchBrowser, newContext, shot, uniqueEmail } from "../fixtures/browser.js";

/**
 * Live threads with two real browsers (A and B) against the real server: a reply shows up on the
 * other screen without a reload, a reader who was offline gets exactly what they missed, and a send
 * that failed offline is re-sent with its clientId, so the server holds it once.
 */
const baseUrl = inject("baseUrl");
const ROOM = "inovasi-pelayanan-publik";
let browser: Browser;
let a: { ctx: BrowserContext; page: Page };
let b: { ctx: BrowserContext; page: Page };
let threadPath = "";

async function person(name: string) {
  const ctx = await newContext(browser, baseUrl);
  const page = await ctx.newPage();
  await page.goto("/register");
  await page.getByTestId("register-name").fill(name);
  await page.getByTestId("register-email").fill(uniqueEmail("utas"));
  await page.getByTestId("register-password").fill("rahasia-negara-1");
  await page.getByTestId("register-submit").click();
  await page.getByTestId("user-menu").waitFor();
  return { ctx, page };
}

const postsWith = (page: Page, text: string) => page.locator("[data-testid=post]", { hasText: text });

async function send(page: Page, text: string) {
  await page.getByTestId("composer-input").fill(text);
  await page.getByTestId("composer-send").click();
}

/** The posts of the thread as the server holds them (bodies), read over the REST API. */
async function serverBodies(page: Page): Promise<string[]> {
  const id = threadPath.split("/").pop();
  const res = await page.request.get(`/api/threads/${id}/posts?limit=100`);
  expect(res.ok()).toBe(true);
  const body: unknown = await res.json();
  if (typeof body !== "object" || body === null || !("posts" in body) || !Array.isArray(body.posts))
    throw new Error("bad posts page");
  return body.posts.map((p: { body: string | null }) => p.body ?? "");
}

beforeAll(async () => {
  browser = await launchBrowser();
  a = await person("Andi Wicaksono");
  b = await person("Budi Hartono");
});
afterAll(async () => {
  await browser?.close();
});

describe("live threads in two browsers", () => {
  it("a new thread appears in the other reader's room list without a reload", async () => {
    await b.page.goto(`/rooms/${ROOM}?sort=new`);
    await b.page.getByTestId("thread-list").waitFor();
    await a.page.goto(`/rooms/${ROOM}`);
    await a.page.getByTestId("new-thread-open").click();
    const title = `Antrean daring puskesmas ${Date.now().toString(36)}`;
    await a.page.getByTestId("new-thread-title").fill(title);
    await a.page
      .getByTestId("new-thread-body")
      .fill("Bagaimana daerah Anda mengurangi antrean pagi di **puskesmas**?");
    await a.page.getByTestId("new-thread-tags").fill("puskesmas, antrean");
    await a.page.getByTestId("new-thread-submit").click();
    await a.page.waitForURL(/\/threads\/[a-f0-9]{24}$/);
    threadPath = new URL(a.page.url()).pathname;
    await a.page.getByTestId("thread-title").waitFor();
    expect(await a.page.getByTestId("thread-title").textContent()).toBe(title);

    const row = b.page.locator("[data-testid=thread-item]", { hasText: title });
    await row.waitFor({ timeout: 5000 });
    expect(await row.count()).toBe(1);
    await row.getByTestId("thread-link").click();
    await b.page.waitForURL(`**${threadPath}`);
    await b.page.getByTestId("composer-input").waitFor();
  });

  it("A posts and B sees it within two seconds, once", async () => {
    await a.page.getByTestId("composer-input").waitFor();
    const text = `Di Sleman kami memakai nomor antrean lewat WhatsApp ${Date.now()}`;
    const started = Date.now();
    await send(a.page, text);
    await postsWith(b.page, text).waitFor({ timeout: 2000 });
    expect(Date.now() - started).toBeLessThan(2000);
    expect(await postsWith(b.page, text).count()).toBe(1);
    await postsWith(a.page, text).waitFor();
    expect(await postsWith(a.page, text).count()).toBe(1);
    expect(await a.page.getByTestId("outbox-item").count()).toBe(0);
  });

  it("B goes offline, A posts three times, B comes back and shows all three exactly once", async () => {
    await b.ctx.setOffline(true);
    await b.page.getByTestId("reconnecting-banner").waitFor();
    const texts = [1, 2, 3].map((i) => `Catatan ${i} saat Budi luring ${Date.now()}`);
    for (const text of texts) {
      await send(a.page, text);
      await postsWith(a.page, text).waitFor();
    }
    await b.page.waitForTimeout(500);
    for (const text of texts) expect(await postsWith(b.page, text).count()).toBe(0);

    await b.ctx.setOffline(false);
    for (const text of texts) await postsWith(b.page, text).waitFor({ timeout: 20_000 });
    await b.page.getByTestId("reconnecting-banner").waitFor({ state: "detached", timeout: 20_000 });
    for (const text of texts) expect(await postsWith(b.page, text).count()).toBe(1);
    // Nothing shown twice anywhere: B shows exactly the posts the server holds, in seq order.
    const shown = await b.page
      .locator("[data-testid=post]")
      .evaluateAll((els) => els.map((el) => Number(el.getAttribute("data-seq"))));
    expect(shown).toEqual([...new Set(shown)].sort((x, y) => x - y));
    expect(shown).toHaveLength((await serverBodies(b.page)).length);
  });

  it("a send that fails offline is kept, re-sent on reconnect with its clientId, and stored once", async () => {
    await a.ctx.setOffline(true);
    await a.page.getByTestId("reconnecting-banner").waitFor();
    const text = `Dikirim dari lokasi tanpa sinyal ${Date.now()}`;
    await send(a.page, text);
    const failed = a.page.locator("[data-testid=outbox-item][data-status=failed]", { hasText: text });
    await failed.waitFor({ timeout: 15_000 });
    // The retry button while still offline fails again and keeps the text.
    await failed.getByTestId("outbox-retry").click();
    await failed.waitFor({ timeout: 15_000 });
    expect(
      await a.page.evaluate(
        () => Object.keys(localStorage).filter((k) => k.startsWith("rembuk:outbox:")).length,
      ),
    ).toBe(1);

    await a.ctx.setOffline(false);
    await postsWith(a.page, text).waitFor({ timeout: 20_000 });
    await a.page.getByTestId("outbox-item").waitFor({ state: "detached" });
    await postsWith(b.page, text).waitFor({ timeout: 5000 });
    expect((await serverBodies(a.page)).filter((body) => body === text)).toHaveLength(1);
    expect(await postsWith(a.page, text).count()).toBe(1);
    expect(await postsWith(b.page, text).count()).toBe(1);
  });

  it("keeps a draft through a reload", async () => {
    await a.page.getByTestId("composer-input").fill("Draf yang belum selesai");
    await a.page.reload();
    await a.page.getByTestId("composer-input").waitFor();
    expect(await a.page.getByTestId("composer-input").inputValue()).toBe("Draf yang belum selesai");
    await a.page.getByTestId("composer-input").fill("");
  });

  it("captures the room and thread pages in both languages, at desktop and phone widths", async () => {
    for (const viewport of ["desktop", "phone"] as const) {
      const ctx = await newContext(browser, baseUrl, viewport);
      const page = await ctx.newPage();
      for (const lang of ["id", "en"] as const) {
        await page.goto(`/rooms/${ROOM}`);
        await page
          .getByTestId("lang-" + lang)
          .first()
          .click();
        await page.getByTestId("thread-list").waitFor();
        await shot(page, `threads-room-${lang}-${viewport}`);
        await page.goto(threadPath);
        await page.getByTestId("thread-title").waitFor();
        await postsWith(page, "Dikirim dari lokasi tanpa sinyal").waitFor();
        await shot(page, `threads-thread-${lang}-${viewport}`);
      }
      await ctx.close();
    }
    await b.page.goto("/rooms");
    await b.page.getByTestId("room-list").waitFor();
    await shot(b.page, "threads-room-list-id-desktop");
  });
});
