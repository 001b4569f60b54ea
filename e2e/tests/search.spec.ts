import { afterAll, beforeAll, describe, expect, inject, it } from "vitest";
import type { Browser, BrowserContext } from "playwright-core";
import { launchBrowser, newContext, shot } from "../fixtures/browser.js";

/**
 * Search in a real browser against the real server (demo content): `/` focuses the header box,
 * suggestions appear as you type and open their page, Enter opens the results page whose filters
 * live in the URL with counts per kind, a search with no match shows the empty state, and the
 * practice directory's field searches practices. On a 375 px phone the box opens from its button.
 */
const baseUrl = inject("baseUrl");
let browser: Browser;
const contexts: BrowserContext[] = [];

beforeAll(async () => {
  browser = await launchBrowser();
});
afterAll(async () => {
  for (const ctx of contexts) await ctx.close().catch(() => undefined);
  await browser?.close();
});

describe("search in the browser", () => {
  it("suggests as you type, opens results with filters in the URL, and shows an empty state", async () => {
    const ctx = await newContext(browser, baseUrl, "desktop");
    contexts.push(ctx);
    const page = await ctx.newPage();
    await page.goto("/");
    // The shortcut works once the app is up: wait for the header to be there before pressing it.
    const box = page.getByTestId("header-search");
    await box.waitFor();
    await page.keyboard.press("/");
    await expect.poll(() => box.evaluate((el) => el === document.activeElement)).toBe(true);
    await box.pressSequentially("salat", { delay: 30 });
    const suggestions = page.getByTestId("search-suggestions");
    await suggestions.getByText("Kota Salatiga").waitFor();
    await shot(page, "search-suggestions-desktop");
    await suggestions.getByText("Kota Salatiga").click();
    await expect.poll(() => new URL(page.url()).pathname).toBe("/regions/33.73");

    await page.getByTestId("header-search").fill("pelayanan");
    await page.keyboard.press("Enter");
    await expect.poll(() => new URL(page.url()).pathname).toBe("/search");
    await page.getByTestId("search-result").first().waitFor();
    // "pelayanan" finds its other forms: some snippet marks "layanan".
    await expect
      .poll(async () =>
        (await page.locator(".search-result__snippet mark").allTextContents()).map((t) => t.toLowerCase()),
      )
      .toContain("layanan");
    await page.getByTestId("search-tab-practice").click();
    await expect.poll(() => new URL(page.url()).searchParams.get("kind")).toBe("practice");
    await page.getByTestId("search-result").first().waitFor();
    expect(await page.locator(".search-result .search-kind").allTextContents()).toSatisfy((kinds: string[]) =>
      kinds.every((k) => k === "Praktik"),
    );

    await page.goto("/search?q=kapal%20selam%20zzq");
    await page.getByText("Tidak ada hasil untuk “kapal selam zzq”").waitFor();

    await page.goto("/practices");
    await page.getByTestId("directory-search").fill("MPP");
    await page.keyboard.press("Enter");
    await expect.poll(() => new URL(page.url()).searchParams.get("kind")).toBe("practice");
    await page.getByTestId("search-result").first().waitFor();
  });

  it("on a 375 px phone the box opens from its button", async () => {
    const ctx = await newContext(browser, baseUrl, "phone");
    contexts.push(ctx);
    const page = await ctx.newPage();
    await page.goto("/");
    await page.getByTestId("search-toggle").click();
    await page.getByTestId("header-search").pressSequentially("pemb", { delay: 30 });
    await page.getByTestId("search-suggestions").locator("li").first().waitFor();
    const width = await page.evaluate(() => document.documentElement.scrollWidth);
    expect(width).toBeLessThanOrEqual(375);
    await shot(page, "search-suggestions-phone");
  });
});
