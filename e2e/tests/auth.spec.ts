import { afterAll, beforeAll, describe, expect, inject, it } from "vitest";
import type { Browser, Locator, Page } from "playwright-core";
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
  // A new account lands on its profile form; wait for that navigation so the menu is not re-rendered
  // under the next click.
  await page.waitForURL(/\/profile\/edit/);
  await page.getByTestId("user-menu").waitFor();
}

/**
 * Open the user menu and choose `item`. The page behind it may still be settling (a new account's
 * profile form focuses its first field once regions load, which closes the menu), so try again.
 */
async function chooseFromUserMenu(page: Page, item: Locator) {
  for (let attempt = 0; attempt < 10; attempt++) {
    if (!(await item.isVisible())) await page.getByTestId("user-menu").click();
    try {
      await item.click({ timeout: 2_000 });
      return;
    } catch {
      // closed again before the click landed
    }
  }
  throw new Error("the user menu item never stayed open long enough to click");
}

const logout = (page: Page) => chooseFromUserMenu(page, page.getByTestId("logout"));

describe("accounts in the browser", () => {
  it("registers, logs out, logs in again, switches language and edits the profile", async () => {
    const context = await newContext(browser, baseUrl);
    const page = await context.newPage();
    const email = uniqueEmail("camat");

    await register(page, email, "Rina Wulandari");
    await expect.poll(() => page.getByTestId("user-menu").textContent()).toContain("Rina");

    await logout(page);
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

    await chooseFromUserMenu(page, page.getByTestId("menu-profile"));
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
    await logout(page);

    await page.goto("/register");
    await page.getByTestId("register-name").fill("Budi Lagi");
    await page.getByTestId("register-email").fill(email);
    await page.getByTestId("register-password").fill("rahasia-negara-1");
    await page.getByTestId("register-submit").click();
    await expect.poll(() => page.textContent("main form")).toMatch(/sudah terdaftar|sudah digunakan/i);

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
