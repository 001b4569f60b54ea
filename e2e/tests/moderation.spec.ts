import { afterAll, beforeAll, describe, expect, inject, it } from "vitest";
import type { Browser, BrowserContext, Page } from "playwright-core";
import { DEMO_PASSWORD, launchBrowser, newContext, shot, signIn, uniqueEmail } from "../fixtures/browser.js";

const baseUrl = inject("baseUrl");
const SECRET = "NIK 3373019876543210";
let browser: Browser;

beforeAll(async () => {
  browser = await launchBrowser();
});
afterAll(async () => {
  await browser?.close();
});

async function register(page: Page, name: string) {
  await page.goto("/register");
  await page.getByTestId("register-name").fill(name);
  await page.getByTestId("register-email").fill(uniqueEmail("anggota"));
  await page.getByTestId("register-password").fill("rahasia-negara-1");
  await page.getByTestId("register-submit").click();
  await page.getByTestId("user-menu").waitFor();
}

/** A fresh thread with a reply that shares a resident's ID number, written over the API by a demo leader. */
async function threadWithLeak(ctx: BrowserContext): Promise<{ threadId: string; postId: string }> {
  const headers = { origin: baseUrl };
  const login = await ctx.request.post("/api/auth/login", {
    data: { email: "bupati.kulonprogo@rembuk.id", password: DEMO_PASSWORD },
    headers,
  });
  expect(login.status()).toBe(200);
  const key = Math.random().toString(36).slice(2, 10);
  const thread = await ctx.request.post("/api/rooms/inovasi-pelayanan-publik/threads", {
    data: {
      title: `Antrean layanan KTP keliling ${key}`,
      body: "Bagaimana daerah lain mengatur jadwal layanan keliling?",
      clientId: `e2e-t-${key}`,
    },
    headers,
  });
  expect(thread.status()).toBe(201);
  const threadId = ((await thread.json()) as { thread: { id: string } }).thread.id;
  const post = await ctx.request.post(`/api/threads/${threadId}/posts`, {
    data: {
      body: `Contoh: warga atas nama Sutini (${SECRET}) dilayani di balai desa.`,
      clientId: `e2e-p-${key}`,
    },
    headers,
  });
  expect(post.status()).toBe(201);
  return { threadId, postId: ((await post.json()) as { post: { id: string } }).post.id };
}

describe("moderation between a moderator and a member, live", () => {
  it("the member flags a post, the moderator sees it arrive and hides it, the member sees the placeholder live", async () => {
    const authorCtx = await newContext(browser, baseUrl);
    const modCtx = await newContext(browser, baseUrl);
    const memberCtx = await newContext(browser, baseUrl, "phone");
    try {
      const { threadId, postId } = await threadWithLeak(authorCtx);
      const moderator = await modCtx.newPage();
      const member = await memberCtx.newPage();

      // The moderator watches the open flags; the member reads the thread on a phone.
      await signIn(moderator, "moderator@rembuk.id");
      await moderator.goto("/moderation?tab=flags");
      await moderator.getByTestId("flag-list").waitFor();
      await register(member, "Ratna Sari Dewi");
      await member.goto(`/threads/${threadId}`);
      const post = member.locator(`[data-post-id="${postId}"]`);
      await post.getByTestId("post-body").waitFor();
      expect(await post.getByTestId("post-body").textContent()).toContain(SECRET);

      // The member flags it with a reason and a note.
      await post.getByTestId("post-flag").click();
      await member.getByTestId("flag-dialog").waitFor();
      await member.getByTestId("flag-reason-inappropriate").check();
      await member.getByTestId("flag-note").fill("Menyebut NIK warga secara lengkap.");
      await shot(member, "moderation-flag-dialog-phone");
      await member.getByTestId("flag-submit").click();
      await member
        .getByTestId("toast")
        .filter({ hasText: /Laporan Anda sudah diterima/ })
        .waitFor();
      await post
        .getByTestId("post-flag")
        .filter({ hasText: /Sudah dilaporkan/ })
        .waitFor();

      // It arrives on the moderator's dashboard without a reload.
      const flag = moderator
        .getByTestId("flag-item")
        .filter({ hasText: "Menyebut NIK warga secara lengkap." });
      await flag.waitFor();
      expect(await flag.textContent()).toContain("Ratna Sari Dewi");
      expect(await flag.getByTestId("flag-target").textContent()).toContain(SECRET);
      await shot(moderator, "moderation-flags-live");

      // The moderator hides the post with a reason, then closes the flag with a message to the reporter.
      await flag.getByTestId("flag-hide").click();
      await moderator.getByTestId("reason-dialog").waitFor();
      await moderator.getByTestId("reason-input").fill("Memuat data pribadi warga.");
      await moderator.getByTestId("reason-submit").click();
      await moderator.getByTestId("reason-dialog").waitFor({ state: "detached" });

      // The member's open thread shows the placeholder at once, without the text.
      await post.getByTestId("post-hidden").waitFor();
      await expect.poll(async () => (await post.textContent()) ?? "").not.toContain(SECRET);
      expect(await post.getByTestId("post-flag").count()).toBe(0);
      await shot(member, "moderation-placeholder-phone");

      await flag.getByTestId("flag-resolve").click();
      await moderator.getByTestId("resolve-dialog").waitFor();
      await moderator.getByTestId("reason-input").fill("Terima kasih, pos sudah disembunyikan.");
      await moderator.getByTestId("reason-submit").click();
      // It leaves the open list; the reporter is told the outcome.
      await flag.waitFor({ state: "detached" });
      await member
        .getByTestId("toast")
        .filter({ hasText: /sudah ditindaklanjuti/ })
        .waitFor();

      // The decision is in the audit log, with its reason.
      await moderator.getByTestId("mod-tab-log").click();
      const row = moderator.getByTestId("log-entry").filter({ hasText: "Memuat data pribadi warga." });
      await row.waitFor();
      expect(await row.getAttribute("data-action")).toBe("post.hide");
      await shot(moderator, "moderation-log");

      // A reload still shows only the placeholder to the member; the moderator still reads the text.
      await member.reload();
      await member.locator(`[data-post-id="${postId}"]`).getByTestId("post-hidden").waitFor();
      expect(await member.locator(`[data-post-id="${postId}"]`).textContent()).not.toContain(SECRET);
      await moderator.goto(`/threads/${threadId}`);
      const modPost = moderator.locator(`[data-post-id="${postId}"]`);
      await modPost.getByTestId("post-moderation-state").waitFor();
      expect(await modPost.textContent()).toContain(SECRET);
      await shot(moderator, "moderation-thread-moderator");
    } finally {
      await Promise.all([authorCtx.close(), modCtx.close(), memberCtx.close()]);
    }
  });

  it("the dashboard's queue and people tabs, in both languages and on a phone", async () => {
    const ctx = await newContext(browser, baseUrl);
    const phoneCtx = await newContext(browser, baseUrl, "phone");
    try {
      const page = await ctx.newPage();
      await signIn(page, "moderator@rembuk.id");
      await page.goto("/moderation");
      await page.getByTestId("queue-list").waitFor();
      expect(await page.getByTestId("queue-item").count()).toBeGreaterThanOrEqual(2);
      await shot(page, "moderation-queue");
      await page.getByTestId("lang-en").click();
      await page.getByTestId("mod-tab-people").click();
      await page.getByTestId("room-settings").waitFor();
      await shot(page, "moderation-people-en");
      await page.getByTestId("lang-id").click();

      const phone = await phoneCtx.newPage();
      await signIn(phone, "moderator@rembuk.id");
      await phone.goto("/moderation?tab=flags");
      await phone.getByTestId("flag-list").waitFor();
      await shot(phone, "moderation-flags-phone");
    } finally {
      await Promise.all([ctx.close(), phoneCtx.close()]);
    }
  });
});
