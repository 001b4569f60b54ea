import { afterAll, beforeAll, describe, expect, inject, it } from "vitest";
import type { Browser, Page } from "playwright-core";
import { launchBrowser, newContext, shot, signIn, uniqueEmail } from "../fixtures/browser.js";

const baseUrl = inject("baseUrl");
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
  await page.getByTestId("register-email").fill(uniqueEmail("peserta"));
  await page.getByTestId("register-password").fill("rahasia-negara-1");
  await page.getByTestId("register-submit").click();
  await page.getByTestId("user-menu").waitFor();
}

const question = (page: Page, text: string) => page.getByTestId("qa-question").filter({ hasText: text });

describe("live Q&A in three browsers", () => {
  it("ask → approve → upvote → highlight → answered, each seen live by host, moderator and participant", async () => {
    const hostCtx = await newContext(browser, baseUrl);
    const modCtx = await newContext(browser, baseUrl);
    const partCtx = await newContext(browser, baseUrl, "phone");
    const host = await hostCtx.newPage();
    const moderator = await modCtx.newPage();
    const participant = await partCtx.newPage();
    try {
      // The host (a verified regent) opens a moderated session from the room page and goes live.
      await signIn(host, "bupati.banyuwangi@rembuk.id");
      await host.goto("/rooms/inovasi-pelayanan-publik");
      await host.getByTestId("qa-create-open").click();
      await host.getByTestId("qa-create-title").fill("Uji langsung: layanan desa digital");
      await host.getByTestId("qa-create-submit").click();
      await host.getByTestId("qa-title").waitFor();
      await host.getByTestId("qa-go-live").click();
      await expect.poll(() => host.getByTestId("qa-status").textContent()).toMatch(/langsung/i);
      const code =
        (await host.getByTestId("qa-join-code").textContent())?.replace(/[^A-Z0-9]/g, "").slice(-6) ?? "";
      expect(code).toMatch(/^[A-Z0-9]{6}$/);
      const sessionUrl = new URL(host.url()).pathname;

      // The moderator follows the invitation link; the participant types the code on a phone.
      await signIn(moderator, "moderator@rembuk.id");
      await moderator.goto(`/qa/join/${code}`);
      await moderator.getByTestId("qa-title").waitFor();
      expect(new URL(moderator.url()).pathname).toBe(sessionUrl);
      await register(participant, "Ratna Sari Dewi");
      await participant.goto("/qa");
      await participant.getByTestId("qa-join-code-input").fill(code.toLowerCase());
      await participant.getByTestId("qa-join-submit").click();
      await participant.getByTestId("qa-title").waitFor();

      // Ask anonymously: it waits for approval, visible to its author and in the moderators' queue only.
      const text = "Bagaimana desa tanpa sinyal bisa ikut layanan digital?";
      await participant.getByTestId("qa-ask-input").fill(text);
      await participant.getByTestId("qa-ask-anonymous").check();
      await participant.getByTestId("qa-ask-submit").click();
      await participant
        .getByTestId("qa-mine")
        .getByTestId("qa-question")
        .filter({ hasText: text })
        .getByTestId("qa-pending-badge")
        .waitFor();
      await moderator.getByTestId("qa-tab-queue").click();
      const queued = question(moderator, text);
      await queued.waitFor();
      // Moderators see who asked, marked anonymous.
      await expect.poll(() => queued.textContent()).toContain("Ratna Sari Dewi");
      expect(await question(host, text).count()).toBe(0);
      await shot(moderator, "qa-moderator-queue");

      // Approve: it appears for the host and the participant, still without a name.
      await queued.getByTestId("qa-approve").click();
      const onHost = question(host, text);
      await onHost.waitFor();
      const onPhone = participant
        .getByTestId("qa-panel-questions")
        .getByTestId("qa-question")
        .filter({ hasText: text });
      await onPhone.waitFor();
      expect(await onPhone.textContent()).not.toContain("Ratna");

      // Upvote on the phone: the count moves on the host's screen.
      await onPhone.getByTestId("qa-vote").click();
      await expect.poll(() => onHost.getByTestId("qa-vote-count").textContent()).toBe("1");
      await expect.poll(() => onPhone.getByTestId("qa-vote").getAttribute("aria-pressed")).toBe("true");

      // Highlight: "now answering" on every screen and on the projector.
      const projector = await hostCtx.newPage();
      await projector.setViewportSize({ width: 1600, height: 900 });
      await projector.goto(`${sessionUrl}/projector`);
      await projector.getByTestId("qa-projector-stage").waitFor();
      await onHost.getByTestId("qa-highlight").click();
      await expect.poll(() => participant.getByTestId("qa-now-answering").textContent()).toContain(text);
      await expect.poll(() => moderator.getByTestId("qa-now-answering").textContent()).toContain(text);
      await expect.poll(() => projector.getByTestId("qa-projector-stage").textContent()).toContain(text);
      expect(await projector.getByTestId("qa-projector-stage").textContent()).not.toContain("Ratna");
      await shot(projector, "qa-projector");
      await shot(participant, "qa-participant-phone");

      // Mark answered with a written answer: it moves to "Answered" everywhere, the stage clears.
      await onHost.getByTestId("qa-answer").click();
      await host
        .getByTestId("qa-answer-dialog-input")
        .fill("Kami pasang titik Wi-Fi desa di balai desa dan puskesmas pembantu.");
      await host.getByTestId("qa-answer-dialog-submit").click();
      await participant.getByTestId("qa-tab-answered").click();
      await expect
        .poll(() => participant.getByTestId("qa-panel-answered").textContent())
        .toContain("titik Wi-Fi desa");
      await expect.poll(() => participant.getByTestId("qa-now-answering").count()).toBe(0);
      await expect.poll(() => projector.getByTestId("qa-projector-stage").textContent()).not.toContain(text);
      await shot(host, "qa-host");
    } finally {
      await hostCtx.close();
      await modCtx.close();
      await partCtx.close();
    }
  });

  it("shows the seeded live session to a guest read-only, in both languages", async () => {
    const context = await newContext(browser, baseUrl);
    const page = await context.newPage();
    try {
      const res = await page.request.get("/api/rooms/inovasi-pelayanan-publik/qa");
      const { sessions } = (await res.json()) as {
        sessions: Array<{ id: string; status: string; title: string }>;
      };
      const live = sessions.find((s) => s.status === "live" && s.title.includes("Smart Kampung"));
      expect(live).toBeDefined();
      await page.goto(`/qa/${live?.id}`);
      await page.getByTestId("qa-title").waitFor();
      expect(await page.getByTestId("qa-ask-form").count()).toBe(0);
      await expect.poll(() => page.getByTestId("qa-question").count()).toBeGreaterThan(2);
      await shot(page, "qa-guest-id");
      await page.getByTestId("lang-en").click();
      await expect.poll(() => page.getByTestId("qa-status").textContent()).toMatch(/live/i);
      await shot(page, "qa-guest-en");
    } finally {
      await context.close();
    }
  });
});
