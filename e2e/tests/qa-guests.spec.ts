import { afterAll, beforeAll, describe, expect, inject, it } from "vitest";
import type { Browser, Page } from "playwright-core";
import { mkdir } from "node:fs/promises";
import { join } from "node:path";
import { artifactsDir, launchBrowser, newContext, shot, signIn, uniqueEmail } from "../fixtures/browser.js";

const baseUrl = inject("baseUrl");
let browser: Browser;

beforeAll(async () => {
  browser = await launchBrowser();
});
afterAll(async () => {
  await browser?.close();
});

type Lang = "id" | "en";

/**
 * A visitor's language lives in localStorage (switch it and reload); a member's is saved to the
 * profile by the header's switch, which every page of that browser then follows after a reload.
 */
async function setLanguage(page: Page, locale: Lang, member: boolean) {
  if (member) {
    await page.getByTestId(`lang-${locale}`).click();
    await expect.poll(() => page.getByTestId(`lang-${locale}`).getAttribute("aria-pressed")).toBe("true");
  } else {
    await page.evaluate((l) => localStorage.setItem("rembuk.locale", l), locale);
    await page.reload();
  }
}

/** Full-page screenshot from the top (a sticky header would otherwise be drawn mid-page). */
async function topShot(page: Page, name: string) {
  await page.evaluate(() => window.scrollTo(0, 0));
  await shot(page, name);
}

/** What the phone's screen shows (the docked ask bar included), not the whole page; toasts closed first. */
async function screenShot(page: Page, name: string) {
  const toasts = page.getByTestId("toast");
  while ((await toasts.count()) > 0) await toasts.first().locator("button").click();
  await page.evaluate(() => window.scrollTo(0, 0));
  await mkdir(artifactsDir, { recursive: true });
  await page.screenshot({ path: join(artifactsDir, `${name}.png`) });
}

describe("a national webinar: guests join by code on a phone, a poll runs live, the session is archived", () => {
  it("guest joins and asks → host approves and opens a poll → guest answers → projector shows QR and results → archive", async () => {
    const hostCtx = await newContext(browser, baseUrl);
    const guestCtx = await newContext(browser, baseUrl, "phone");
    const host = await hostCtx.newPage();
    const projector = await hostCtx.newPage();
    const guest = await guestCtx.newPage();
    try {
      // The host opens a moderated session that takes guests, and goes live.
      await signIn(host, "bupati.banyuwangi@rembuk.id");
      await host.goto("/rooms/inovasi-pelayanan-publik");
      await host.getByTestId("qa-create-open").click();
      await host.getByTestId("qa-create-title").fill("Webinar nasional: layanan publik digital");
      await host.getByTestId("qa-create-guests").selectOption("participate");
      await host.getByTestId("qa-create-submit").click();
      await host.getByTestId("qa-title").waitFor();
      await host.getByTestId("qa-go-live").click();
      await expect.poll(() => host.getByTestId("qa-status").textContent()).toMatch(/langsung/i);
      expect(await host.getByTestId("qa-guests-setting").inputValue()).toBe("participate");
      const sessionPath = new URL(host.url()).pathname;

      // The projector shows the QR code and the code in large type.
      await projector.setViewportSize({ width: 1600, height: 900 });
      await projector.goto(`${sessionPath}/projector`);
      const qr = projector.getByTestId("qa-qr");
      await qr.waitFor();
      const code = (await projector.getByTestId("qa-projector-code").textContent())?.trim() ?? "";
      expect(code).toMatch(/^[A-Z0-9]{6}$/);
      const qrUrl = (await qr.getAttribute("data-qr-text")) ?? "";
      expect(new URL(qrUrl).pathname).toBe(`/qa/join/${code}`);
      expect(await qr.locator("path").getAttribute("d")).toMatch(/^M\d+ \d+h1v1h-1z/);

      // A guest with no account scans it on a phone: one screen, a name, Join.
      await guest.goto(new URL(qrUrl).pathname);
      await guest.getByTestId("qa-join-name").waitFor();
      await topShot(guest, "qa-guests-join-phone-id");
      await setLanguage(guest, "en", false);
      await guest.getByTestId("qa-join-name").waitFor();
      await expect.poll(() => guest.getByTestId("qa-join-anonymous").textContent()).toBe("Join anonymously");
      await topShot(guest, "qa-guests-join-phone-en");
      await setLanguage(guest, "id", false);
      await guest.getByTestId("qa-join-name").waitFor();
      await guest.getByTestId("qa-join-name").fill("Rina, Bappeda Sleman");
      await guest.getByTestId("qa-join-submit").click();
      await guest.getByTestId("qa-title").waitFor();
      expect(new URL(guest.url()).pathname).toBe(sessionPath);
      await expect
        .poll(() => guest.getByTestId("qa-guest-banner").textContent())
        .toContain("Rina, Bappeda Sleman");
      expect(await guest.getByTestId("user-menu").count()).toBe(0);

      // The guest asks; the question waits for the moderator.
      const text = "Bagaimana warga tanpa ponsel pintar bisa memakai layanan digital desa?";
      await guest.getByTestId("qa-ask-input").fill(text);
      await guest.getByTestId("qa-ask-submit").click();
      await guest
        .getByTestId("qa-mine")
        .getByTestId("qa-question")
        .filter({ hasText: text })
        .getByTestId("qa-pending-badge")
        .waitFor();

      // The host approves it from the queue; it shows the guest badge and can be blocked.
      await host.getByTestId("qa-tab-queue").click();
      const queued = host.getByTestId("qa-question").filter({ hasText: text });
      await queued.waitFor();
      await expect.poll(() => queued.textContent()).toContain("Rina, Bappeda Sleman");
      expect(await queued.getByTestId("qa-block-guest").count()).toBe(1);
      await host.getByTestId("qa-participants-open").click();
      const listed = host.getByTestId("qa-participant").filter({ hasText: "Rina, Bappeda Sleman" });
      await listed.getByTestId("qa-participant-block").waitFor();
      await topShot(host, "qa-guests-participants-id");
      await host.keyboard.press("Escape");
      await host.getByTestId("qa-participants-dialog").waitFor({ state: "detached" });
      await queued.getByTestId("qa-approve").click();
      await guest
        .getByTestId("qa-panel-questions")
        .getByTestId("qa-question")
        .filter({ hasText: text })
        .waitFor();

      // The host creates a poll and opens it.
      await host.getByTestId("poll-new").click();
      await host
        .getByTestId("poll-composer-question")
        .fill("Kanal mana yang paling sering dipakai warga Anda?");
      const options = host.getByTestId("poll-composer-option");
      await options.nth(0).fill("WhatsApp");
      await options.nth(1).fill("Aplikasi desa");
      await host.getByTestId("poll-composer-add").click();
      await options.nth(2).fill("Datang ke kantor");
      await host.getByTestId("poll-composer-submit").click();
      const hostPoll = host.getByTestId("host-poll").filter({ hasText: "Kanal mana" });
      await hostPoll.getByTestId("poll-open").click();
      await hostPoll.getByTestId("poll-close").waitFor();

      // The guest answers on the phone (live: the poll appears without a reload), then changes the answer.
      const guestPoll = guest.getByTestId("poll-card").filter({ hasText: "Kanal mana" });
      await guestPoll.waitFor();
      await guestPoll.getByTestId("poll-option").nth(0).check();
      await guestPoll.getByTestId("poll-submit").click();
      await expect.poll(() => guestPoll.getByTestId("poll-my-answer").textContent()).toContain("WhatsApp");
      await guestPoll.getByTestId("poll-change").click();
      await guestPoll.getByTestId("poll-option").nth(1).check();
      await guestPoll.getByTestId("poll-submit").click();
      await expect
        .poll(() => guestPoll.getByTestId("poll-my-answer").textContent())
        .toContain("Aplikasi desa");
      // The host sees exactly one answer, on the option it was moved to.
      await expect.poll(() => hostPoll.getByTestId("poll-total").textContent()).toMatch(/^1 jawaban/);
      await expect.poll(() => hostPoll.getByTestId("poll-bar").nth(1).textContent()).toContain("100%");

      // The host shows the results: the phone and the projector show them live.
      await hostPoll.getByTestId("poll-show-results").click();
      await expect.poll(() => guestPoll.getByTestId("poll-results").textContent()).toContain("100%");
      const projected = projector.getByTestId("qa-projector-poll");
      await expect.poll(() => projected.textContent()).toContain("Kanal mana");
      await expect.poll(() => projected.getByTestId("poll-total").textContent()).toMatch(/^1 jawaban/);
      await expect.poll(() => projected.getByTestId("poll-bar").nth(1).textContent()).toContain("100%");

      // The highlighted question on stage next to the poll.
      await host.getByTestId("qa-tab-questions").click();
      await host
        .getByTestId("qa-panel-questions")
        .getByTestId("qa-question")
        .filter({ hasText: text })
        .getByTestId("qa-highlight")
        .click();
      await expect.poll(() => projector.getByTestId("qa-projector-stage").textContent()).toContain(text);

      // Screenshots in Indonesian, then in English (the guest by localStorage, the host by the profile).
      await host.getByTestId("host-poll").first().waitFor();
      await topShot(guest, "qa-guests-session-phone-id");
      await screenShot(guest, "qa-guests-phone-screen-id");
      await topShot(projector, "qa-guests-projector-id");
      await topShot(host, "qa-guests-host-id");
      await setLanguage(guest, "en", false);
      await setLanguage(host, "en", true);
      await projector.reload();
      await guest.getByTestId("poll-results").waitFor();
      await projector.getByTestId("qa-projector-poll").getByTestId("poll-results").waitFor();
      await expect
        .poll(() => projector.getByTestId("qa-projector-join").textContent())
        .toContain("Scan to join");
      await expect.poll(() => guest.getByTestId("poll-total").textContent()).toBe("1 answer");
      await topShot(guest, "qa-guests-session-phone-en");
      await screenShot(guest, "qa-guests-phone-screen-en");
      await topShot(projector, "qa-guests-projector-en");
      await topShot(host, "qa-guests-host-en");

      // The host closes the poll and runs a word cloud: the first poll's results move below the
      // questions on the phone, the cloud of words fills the projector.
      await hostPoll.getByTestId("poll-close").click();
      await hostPoll.getByTestId("poll-open").waitFor();
      await host.getByTestId("poll-new").click();
      await host.getByTestId("poll-kind-words").check();
      await host.getByTestId("poll-composer-question").fill("Satu kata untuk layanan desa impian Anda?");
      await host.getByTestId("poll-composer-submit").click();
      const cloudPoll = host.getByTestId("host-poll").filter({ hasText: "Satu kata" });
      await cloudPoll.getByTestId("poll-open").click();
      await cloudPoll.getByTestId("poll-show-results").click();
      const guestCloud = guest
        .getByTestId("qa-polls")
        .getByTestId("poll-card")
        .filter({ hasText: "Satu kata" });
      await guestCloud.getByTestId("poll-words").fill("Air bersih");
      await guestCloud.getByTestId("poll-submit").click();
      await expect.poll(() => guestCloud.getByTestId("poll-cloud").textContent()).toContain("air bersih");
      await guest.getByTestId("qa-polls-closed").getByTestId("poll-results").waitFor();
      await expect
        .poll(() => projector.getByTestId("qa-projector-poll").getByTestId("poll-cloud").textContent())
        .toContain("air bersih");
      await screenShot(guest, "qa-guests-phone-words-en");
      await topShot(projector, "qa-guests-projector-words-en");

      // Analytics for the host: one guest joined, one question asked and approved, the poll's result.
      await host.getByTestId("qa-analytics-link").click();
      await host.getByTestId("qa-analytics").waitFor();
      await expect.poll(() => host.getByTestId("qa-analytics-asked").textContent()).toMatch(/^1/);
      await expect
        .poll(() => host.getByTestId("qa-analytics-participants").textContent())
        .toContain("Guests: 1");
      expect(await host.getByTestId("qa-analytics-poll").count()).toBe(2);
      await topShot(host, "qa-guests-analytics-en");
      await setLanguage(host, "id", true);
      await expect
        .poll(() => host.getByTestId("qa-analytics-participants").textContent())
        .toContain("Tamu: 1");
      await topShot(host, "qa-guests-analytics-id");
      await host.goto(sessionPath);
      await projector.reload();

      // The session ends into its archive thread, poll included; the projector says so.
      await host.getByTestId("qa-end").click();
      await host.getByTestId("qa-end-confirm").click();
      const archive = host.getByTestId("qa-archive-link");
      await archive.waitFor();
      await expect.poll(() => projector.getByTestId("qa-projector-ended").count()).toBe(1);
      await shot(projector, "qa-guests-projector-ended");
      await archive.click();
      await host.getByTestId("thread-title").waitFor();
      expect(new URL(host.url()).pathname).toMatch(/^\/threads\//);
      const archived = host.getByTestId("post").first();
      await expect.poll(() => archived.textContent()).toContain(text);
      await expect
        .poll(() => archived.textContent())
        .toContain("Kanal mana yang paling sering dipakai warga Anda?");
      await expect.poll(() => archived.textContent()).toContain("Aplikasi desa");
      await topShot(host, "qa-guests-archive");

      // The guest registers on the same phone afterwards and keeps the question in the new account.
      await guest.reload();
      await guest.getByTestId("qa-guest-claim").click();
      await guest.locator('main a[href^="/register?next="]').click();
      await guest.getByTestId("register-name").fill("Rina Wulandari");
      await guest.getByTestId("register-email").fill(uniqueEmail("rina"));
      await guest.getByTestId("register-password").fill("rahasia-negara-1");
      await guest.getByTestId("register-submit").click();
      await expect
        .poll(() => guest.getByTestId("toast").first().textContent())
        .toMatch(/(account|akun Anda): 1\./);
      await expect.poll(() => new URL(guest.url()).pathname + new URL(guest.url()).search).toBe(sessionPath);
      await topShot(guest, "qa-guests-claimed-phone-en");
    } finally {
      await hostCtx.close();
      await guestCtx.close();
    }
  });
});

describe("joining by code where guests are not allowed", () => {
  it("types the code on /qa on a phone and is told the session is for members, with sign-in offered", async () => {
    const context = await newContext(browser, baseUrl, "phone");
    const page = await context.newPage();
    try {
      const res = await page.request.get("/api/rooms/inovasi-pelayanan-publik/qa");
      const { sessions } = (await res.json()) as {
        sessions: Array<{ id: string; status: string; title: string; joinCode: string; guests: string }>;
      };
      const seeded = sessions.find((s) => s.status === "live" && s.title.includes("Smart Kampung"));
      expect(seeded?.guests).toBe("off");
      await page.goto("/qa");
      await page.getByTestId("qa-join-code-input").fill(seeded?.joinCode.toLowerCase() ?? "");
      await page.getByTestId("qa-join-name").fill("Tamu Uji");
      await topShot(page, "qa-guests-code-phone-id");
      await page.getByTestId("qa-join-submit").click();
      await expect
        .poll(() => page.getByTestId("qa-join-error").textContent())
        .toContain("hanya untuk anggota");
      expect(new URL(page.url()).pathname).toBe("/qa");
      await topShot(page, "qa-guests-off-phone-id");
      // From the link, the page knows before anyone types: no join buttons, sign-in instead.
      await setLanguage(page, "en", false);
      await page.goto(`/qa/join/${seeded?.joinCode ?? ""}`);
      await expect.poll(() => page.getByTestId("qa-join-off").textContent()).toContain("members only");
      expect(await page.getByTestId("qa-join-submit").count()).toBe(0);
      await topShot(page, "qa-guests-off-phone-en");
    } finally {
      await context.close();
    }
  });
});
