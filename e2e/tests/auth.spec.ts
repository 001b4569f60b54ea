import { afterAll, beforeAll, describe, expect, inject, it } from "vitest";
import type { Browser, Page } from "playwright-core";
import { launchBrowser, newContext, shot, uniqueEmail, VIEWPORTS } from "../fixtures/browser.js";

const baseUrl = inject("baseUrl");
let browser: Browser;

beforeAll(async () => {
  browser = await launchBrowser();
});
afterAll(async () => {
  await browser?.close();
});

async function register(page: Page, email: string, name: string) {
  await page.goto("/register");
  await page.getByTestId("register-name").fill(name);
  await page.getByTestId("register-email").fill(email);
  await page.getByTestId("register-password").fill("rahasia-negara-1");
  await page.getByTestId("register-submit").click();
  await page.getByTestId("user-menu").waitFor();
}

describe("accounts in the browser", () => {
  it("registers, logs out, logs in again, switches language and edits the profile", async () => {
    const context = await newContext(browser, baseUrl);
    const page = await context.newPage();
    const email = uniqueEmail("camat");

    await register(page, email, "Rina Wulandari");
    await expect.poll(() => page.getByTestId("user-menu").textContent()).toContain("Rina");

    await page.getByTestId("user-menu").click();
    await page.getByTestId("logout").click();
    await page.getByRole("link", { name: /masuk/i }).first().waitFor();

    await page.goto("/login");
    await page.getByTestId("login-email").fill(email.toUpperCase());
    await page.getByTestId("login-password").fill("rahasia-negara-1");
    await page.getByTestId("login-submit").click();
    await page.getByTestId("user-menu").waitFor();

    await page.getByTestId("lang-en").click();
    await expect.poll(() => page.locator("html").getAttribute("lang")).toBe("en");
    await page.getByTestId("lang-id").click();
    await expect.poll(() => page.locator("html").getAttribute("lang")).toBe("id");

    await page.getByTestId("user-menu").click();
    await page.getByRole("link", { name: /profil/i }).first().click();
    await page.getByTestId("profile-edit").click();
    await page.getByLabel(/jabatan/i).fill("Camat Tegalrejo");
    await page.getByTestId("profile-save").click();
    await expect.poll(() => page.textContent("main")).toContain("Camat Tegalrejo");
    await context.close();
  });

  it("shows a field error for a taken email and the same error for any bad login", async () => {
    const context = await newContext(browser, baseUrl);
    const page = await context.newPage();
    const email = uniqueEmail("lurah");
    await register(page, email, "Budi Santoso");
    await page.getByTestId("user-menu").click();
    await page.getByTestId("logout").click();

    await page.goto("/register");
    await page.getByTestId("register-name").fill("Budi Lagi");
    await page.getByTestId("register-email").fill(email);
    await page.getByTestId("register-password").fill("rahasia-negara-1");
    await page.getByTestId("register-submit").click();
    await expect.poll(() => page.textContent("form")).toMatch(/sudah terdaftar|sudah digunakan/i);

    await page.goto("/login");
    await page.getByTestId("login-email").fill(email);
    await page.getByTestId("login-password").fill("salah-sandi-99");
    await page.getByTestId("login-submit").click();
    await page.getByRole("alert").first().waitFor();
    await context.close();
  });

  it("captures the account pages in both languages at desktop and phone widths", async () => {
    for (const viewport of Object.keys(VIEWPORTS) as Array<keyof typeof VIEWPORTS>) {
      for (const lang of ["id", "en"] as const) {
        const context = await newContext(browser, baseUrl, viewport);
        const page = await context.newPage();
        await page.goto("/login");
        await page.getByTestId(`lang-${lang}`).click();
        await shot(page, `login-${lang}-${viewport}`);
        await page.goto("/register");
        await shot(page, `register-${lang}-${viewport}`);

        await page.goto("/login");
        await page.getByTestId("login-email").fill("admin@rembuk.id");
        await page.getByTestId("login-password").fill("rembuk-demo-2026");
        await page.getByTestId("login-submit").click();
        await page.getByTestId("user-menu").waitFor();
        await page.getByTestId(`lang-${lang}`).click();
        await page.goto("/admin/users");
        await page.getByTestId("admin-user-row").first().waitFor();
        await shot(page, `admin-users-${lang}-${viewport}`);
        await page.getByTestId("admin-user-row").first().getByRole("link").first().click();
        await page.locator("main h1").first().waitFor();
        await shot(page, `profile-${lang}-${viewport}`);
        await context.close();
      }
    }
  });
});
