import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { Browser, BrowserContext, Page } from "playwright-core";
import { startAppServer } from "../fixtures/appServer.js";
import { DEMO_PASSWORD, launchBrowser, newContext, shot } from "../fixtures/browser.js";
import { startSmtpServer } from "../fixtures/smtp.js";

/**
 * Verification and account recovery through real mail: this spec runs its own app server whose
 * SMTP_URL points at an SMTP server started here, and every link is taken from a message it received.
 */
const PASSWORD = "rahasia-negara-1";
let browser: Browser;
let smtp: Awaited<ReturnType<typeof startSmtpServer>>;
let app: Awaited<ReturnType<typeof startAppServer>>;
const contexts: BrowserContext[] = [];

beforeAll(async () => {
  smtp = await startSmtpServer();
  app = await startAppServer({ SMTP_URL: smtp.url, MAIL_FROM: "Rembuk <no-reply@rembuk.test>" });
  browser = await launchBrowser();
});
afterAll(async () => {
  for (const ctx of contexts) await ctx.close().catch(() => undefined);
  await browser?.close();
  await app?.stop();
  await smtp?.close();
});

async function context(viewport: "desktop" | "phone" = "desktop") {
  const ctx = await newContext(browser, app.url, viewport);
  contexts.push(ctx);
  return ctx.newPage();
}

const key = () => Math.random().toString(36).slice(2, 8);

/** Registers through the form and confirms the address with the link the app mailed. */
async function registerAndConfirm(page: Page, name: string, email: string) {
  await page.goto("/register");
  await page.getByTestId("register-name").fill(name);
  await page.getByTestId("register-email").fill(email);
  await page.getByTestId("register-password").fill(PASSWORD);
  await page.getByTestId("register-submit").click();
  await page.getByTestId("user-menu").waitFor();
  const link = await smtp.link(email, "/confirm-email");
  expect(link.startsWith(app.url)).toBe(true);
  await page.goto(link);
  await page.getByTestId("confirm-done").waitFor();
  expect(await page.getByTestId("confirm-done").getAttribute("data-confirmed")).toBe("email");
}

async function signIn(page: Page, email: string, password: string) {
  await page.goto("/login");
  await page.getByTestId("login-email").fill(email);
  await page.getByTestId("login-password").fill(password);
  await page.getByTestId("login-submit").click();
  await page.getByTestId("user-menu").waitFor();
}

/** Fills the verification form on /account for an office in Kota Salatiga. */
async function requestVerification(
  page: Page,
  title: string,
  opts: { officialEmail?: string; decree?: boolean },
) {
  await page.goto("/account");
  const form = page.getByTestId("verification-form");
  await form.waitFor();
  await form.getByTestId("verif-title").fill(title);
  await form.getByTestId("profile-province").selectOption("33");
  await form.getByTestId("profile-region").selectOption("33.73");
  if (opts.officialEmail) await form.getByTestId("verif-email").fill(opts.officialEmail);
  if (opts.decree) {
    await form.getByTestId("verif-decree-number").fill("100.3.3.3-045 Tahun 2025");
    await form.getByTestId("verif-decree-date").fill("2025-02-20");
  }
  await form
    .getByTestId("verif-note")
    .fill("Dapat dikonfirmasi ke Bagian Tata Pemerintahan Setda Kota Salatiga.");
  await form.getByTestId("verif-submit").click();
  await page.locator('[data-testid="verification-status"][data-status="pending"]').waitFor();
}

describe("verification through real mail, decided live by a moderator", () => {
  it("a member requests with a .go.id address, confirms it by mail, a moderator approves live and the badge appears; a rejection's reason reaches another member", async () => {
    const k = key();
    const name = `Rina Kartika ${k}`;
    const email = `rina.${k}@contoh.go.id`;
    const official = `rina.${k}@salatigakota.go.id`;
    const member = await context();
    const moderator = await context();

    await registerAndConfirm(member, name, email);

    // The moderator watches the verification queue before anything is asked.
    await signIn(moderator, "moderator@rembuk.id", DEMO_PASSWORD);
    await moderator.goto("/moderation?tab=verifications");
    await moderator.getByTestId("verif-status-pending").waitFor();

    // The member asks, naming an official address; the profile now shows the claim as not verified.
    await requestVerification(member, "Wakil Wali Kota Salatiga", { officialEmail: official, decree: true });
    const waiting = member.getByTestId("official-email-state");
    await waiting.waitFor();
    expect(await waiting.getAttribute("data-confirmed")).toBe("false");
    await shot(member, "verification-request-pending");

    // It arrives on the moderator's queue without a reload, the official address not confirmed yet.
    const item = moderator.getByTestId("verif-item").filter({ hasText: name });
    await item.waitFor();
    expect(await item.getByTestId("verif-claim").textContent()).toContain("Wakil Wali Kota Salatiga");
    expect(await item.getByTestId("verif-decree").textContent()).toContain("100.3.3.3-045 Tahun 2025");
    expect(await item.getByTestId("verif-email-state").textContent()).toContain("belum dikonfirmasi");

    // The link mailed to the official address confirms it; the moderator sees that live too.
    const officialLink = await smtp.link(official, "/confirm-email");
    await member.goto(officialLink);
    await member.getByTestId("confirm-done").waitFor();
    expect(await member.getByTestId("confirm-done").getAttribute("data-confirmed")).toBe("officialEmail");
    await expect
      .poll(async () => (await item.getByTestId("verif-email-state").textContent()) ?? "")
      .toBe("dikonfirmasi");
    await shot(moderator, "verification-queue-live");

    // The member waits on the account page; the moderator approves.
    await member.goto("/account");
    await member.locator('[data-testid="verification-status"][data-status="pending"]').waitFor();
    await item.getByTestId("verif-approve").click();
    await item.waitFor({ state: "detached" });

    // The outcome reaches the member at once: a toast and the verified state, then the badge on the profile.
    await member.getByTestId("toast").filter({ hasText: "Jabatan Anda sudah terverifikasi." }).waitFor();
    await member.locator('[data-testid="verification-status"][data-status="verified"]').waitFor();
    await member.getByTestId("user-menu").click();
    await member.getByTestId("menu-profile").click();
    await member.getByTestId("verified-badge").first().waitFor();
    expect(await member.getByTestId("unverified-badge").count()).toBe(0);
    await shot(member, "verification-profile-verified");

    // A second member claims an office a verified account already holds: the moderator sees the conflict and rejects.
    const k2 = key();
    const other = await context("phone");
    const otherName = `Bagus Pratama ${k2}`;
    await registerAndConfirm(other, otherName, `bagus.${k2}@contoh.go.id`);
    await requestVerification(other, "Wali Kota Salatiga", {});
    const claim = moderator.getByTestId("verif-item").filter({ hasText: otherName });
    await claim.waitFor();
    expect(await claim.getByTestId("verif-conflict").first().textContent()).toContain(
      "terverifikasi saat ini",
    );
    expect(await claim.getByTestId("verif-approve").isDisabled()).toBe(true);
    await claim.getByTestId("verif-reject").click();
    const dialog = moderator.getByTestId("verif-reject-dialog");
    await dialog.getByTestId("reason-input").fill("Jabatan ini sudah dipegang akun yang terverifikasi.");
    await dialog.getByTestId("reason-submit").click();
    await dialog.waitFor({ state: "detached" });

    await other
      .getByTestId("toast")
      .filter({ hasText: "Alasan: Jabatan ini sudah dipegang akun yang terverifikasi." })
      .waitFor();
    await other.locator('[data-testid="verification-status"][data-status="rejected"]').waitFor();
    expect(await other.getByTestId("verification-reason").textContent()).toContain(
      "sudah dipegang akun yang terverifikasi",
    );
    await shot(other, "verification-rejected-phone");
  });
});

describe("forgot and reset through real mail", () => {
  it("the same answer for any address, a single-use link, a new password that signs in", async () => {
    const k = key();
    const email = `lupa.${k}@contoh.go.id`;
    const page = await context();
    await registerAndConfirm(page, `Dian Puspita ${k}`, email);
    await page.getByTestId("user-menu").click();
    await page.getByTestId("logout").click();
    await page.getByTestId("nav-login").waitFor();

    // An unknown address gets exactly the same page.
    await page.goto("/login");
    await page.getByTestId("login-forgot").click();
    await page.getByTestId("forgot-email").fill(`tidak.ada.${k}@contoh.go.id`);
    await page.getByTestId("forgot-submit").click();
    const unknownText = (await page.getByTestId("forgot-sent").textContent()) ?? "";

    await page.goto("/forgot-password");
    await page.getByTestId("forgot-email").fill(email);
    await page.getByTestId("forgot-submit").click();
    const knownText = (await page.getByTestId("forgot-sent").textContent()) ?? "";
    expect(knownText.replace(email, "X")).toBe(unknownText.replace(`tidak.ada.${k}@contoh.go.id`, "X"));

    const link = await smtp.link(email, "/reset-password");
    await page.goto(link);
    await page.getByTestId("reset-password").fill("sandi-baru-yang-panjang");
    await page.getByTestId("reset-repeat").fill("sandi-baru-yang-panjang");
    await page.getByTestId("reset-submit").click();
    await page.getByTestId("user-menu").waitFor();

    // The link works once.
    await page.goto(link);
    await page.getByTestId("reset-password").fill("lagi-sandi-lain-123");
    await page.getByTestId("reset-repeat").fill("lagi-sandi-lain-123");
    await page.getByTestId("reset-submit").click();
    await page.getByTestId("reset-invalid").waitFor();

    // The new password is the one that works.
    await page.getByTestId("user-menu").click();
    await page.getByTestId("logout").click();
    await page.getByTestId("nav-login").waitFor();
    await signIn(page, email, "sandi-baru-yang-panjang");
  });
});

describe("account settings across two devices", () => {
  it("changing the password keeps this device, signs the other out live and mails the owner; 'sign out other devices' does the same", async () => {
    const k = key();
    const email = `sandi.${k}@contoh.go.id`;
    const laptop = await context();
    const phone = await context("phone");
    await registerAndConfirm(laptop, `Wulan Sari ${k}`, email);
    await signIn(phone, email, PASSWORD);
    await phone.goto("/rooms");

    await laptop.goto("/account");
    await expect.poll(() => laptop.getByTestId("session-item").count()).toBe(2);
    expect(await laptop.locator('[data-testid="session-item"][data-current="true"]').count()).toBe(1);
    await shot(laptop, "account-settings-two-devices");

    await laptop.getByTestId("password-current").fill(PASSWORD);
    await laptop.getByTestId("password-new").fill("sandi-baru-yang-kuat-9");
    await laptop.getByTestId("password-repeat").fill("sandi-baru-yang-kuat-9");
    await laptop.getByTestId("password-submit").click();
    await laptop.getByTestId("password-changed").waitFor();

    // The phone is signed out at once; the laptop stays, with only itself listed.
    await phone.getByTestId("toast").filter({ hasText: "Sesi Anda telah berakhir" }).waitFor();
    await phone.getByTestId("nav-login").waitFor();
    await expect.poll(() => laptop.getByTestId("session-item").count()).toBe(1);
    expect(await laptop.getByTestId("user-menu").count()).toBe(1);
    const { mail } = await smtp.take(email, /Kata sandi Anda telah diubah/);
    expect(mail.body).toContain("Lupa kata sandi");

    // The phone signs in with the new password; the laptop signs it out from the list.
    await signIn(phone, email, "sandi-baru-yang-kuat-9");
    await laptop.reload();
    await expect.poll(() => laptop.getByTestId("session-item").count()).toBe(2);
    await laptop.getByTestId("sessions-sign-out-others").click();
    await phone.getByTestId("nav-login").waitFor();
    await expect.poll(() => laptop.getByTestId("session-item").count()).toBe(1);
  });
});
