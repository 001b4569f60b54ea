import { afterAll, beforeAll, describe, expect, inject, it } from "vitest";
import type { Browser, BrowserContext, Page } from "playwright-core";
import { launchBrowser, newContext, shot, VIEWPORTS } from "../fixtures/browser.js";

/**
 * Practices and the replication ledger in real browsers against the real server (demo content):
 * a leader posts a structured practice, a leader from another region adopts it and the adoption
 * appears live on the practice page open in the first browser; the directory filters by province
 * through its form with the filter in the URL; the form shows field errors in both languages.
 */
const baseUrl = inject("baseUrl");
const PASSWORD = "rembuk-demo-2026";
let browser: Browser;
const contexts: BrowserContext[] = [];

async function signedIn(email: string, viewport: keyof typeof VIEWPORTS = "desktop"): Promise<Page> {
  const ctx = await newContext(browser, baseUrl, viewport);
  contexts.push(ctx);
  const page = await ctx.newPage();
  await page.goto("/login");
  await page.getByTestId("login-email").fill(email);
  await page.getByTestId("login-password").fill(PASSWORD);
  await page.getByTestId("login-submit").click();
  await page.getByTestId("user-menu").waitFor();
  return page;
}

async function setLanguage(page: Page, lang: "id" | "en") {
  await page.getByTestId(`lang-${lang}`).click();
  await expect.poll(() => page.locator("html").getAttribute("lang")).toBe(lang);
}

beforeAll(async () => {
  browser = await launchBrowser();
});
afterAll(async () => {
  for (const ctx of contexts) await ctx.close().catch(() => undefined);
  await browser?.close();
});

describe("practices in the browser", () => {
  it("a leader posts a practice; another region adopts it and the adoption appears live on the open page", async () => {
    const leader = await signedIn("walikota.salatiga@rembuk.id");
    await leader.goto("/practices/new");
    await leader.getByTestId("practice-form").waitFor();
    const title = `Antrean puskesmas tanpa kertas ${Date.now().toString(36)}`;
    await leader.getByTestId("practice-title-input").fill(title);
    await leader
      .getByTestId("practice-summary")
      .fill("Kami berbagi cara menghapus antrean kertas di puskesmas.");
    await leader
      .getByTestId("practice-problem")
      .fill("Pasien datang subuh untuk mengambil nomor antrean kertas di puskesmas.");
    await leader
      .getByTestId("practice-approach")
      .fill("Nomor antrean diambil lewat pesan singkat dengan jadwal kedatangan per jam.");
    const result = leader.getByTestId("practice-result").first();
    await result.getByRole("textbox").nth(0).fill("Waktu tunggu di puskesmas");
    await result.getByRole("textbox").nth(1).fill("120");
    await result.getByRole("textbox").nth(2).fill("20");
    await result.getByRole("textbox").nth(3).fill("menit");
    await leader.getByTestId("profile-province").selectOption("33");
    await leader.getByTestId("profile-region").selectOption("33.73");
    await leader.getByTestId("practice-sector").selectOption("1.02");
    await leader.getByTestId("practice-stage-implemented").check();
    await leader.getByTestId("practice-start").fill("2024-02-01");
    await leader.getByTestId("practice-cost").fill("75.000.000");
    // The SDG checkboxes are drawn as tiles; a person clicks the tile.
    await leader.locator("label", { has: leader.getByTestId("practice-sdg-3") }).click();
    await leader.getByTestId("practice-submit").click();

    await leader.waitForURL(/\/practices\/[a-f0-9]{24}$/);
    await expect.poll(() => leader.getByTestId("practice-title").textContent()).toBe(title);
    await expect.poll(() => leader.getByTestId("practice-cost").textContent()).toContain("75.000.000");
    await leader.getByTestId("practice-ledger").waitFor();
    expect(await leader.getByTestId("adoption-item").count()).toBe(0);
    const practiceUrl = new URL(leader.url()).pathname;

    const adopter = await signedIn("bupati.gowa@rembuk.id");
    await adopter.goto(practiceUrl);
    await adopter.getByTestId("adopt-button").click();
    await adopter.getByTestId("adoption-note").fill("Kami ingin mencoba di puskesmas dataran tinggi.");
    await adopter.getByTestId("adopt-submit").click();
    await adopter.getByTestId("adopt-already").waitFor();

    // The leader's page, untouched since it loaded, shows the adoption and the new tally.
    const item = leader.locator('[data-testid=adoption-item][data-adopter="73.06"]');
    await item.waitFor({ timeout: 10_000 });
    expect(await item.textContent()).toContain("Kabupaten Gowa");
    expect(await item.textContent()).toContain("Kami ingin mencoba di puskesmas dataran tinggi.");
    await expect
      .poll(() => leader.getByTestId("ledger-count-interested").getAttribute("data-count"))
      .toBe("1");

    // The adopter moves to piloting; the leader sees the step without reloading either.
    await adopter.getByTestId("adoption-step-piloting").click();
    await adopter.getByTestId("adoption-note").fill("Uji coba di dua puskesmas.");
    await adopter.getByTestId("step-submit").click();
    await expect.poll(() => item.getByTestId("adoption-stage").getAttribute("data-stage")).toBe("piloting");
    await expect.poll(() => leader.getByTestId("ledger-count-piloting").getAttribute("data-count")).toBe("1");
    await shot(leader, "practice-live-adoption");
  });

  it("filters the directory by province and kabupaten/kota through the form, and the URL keeps the view", async () => {
    const page = await signedIn("fajar.nugroho@rembuk.id");
    await page.goto("/practices");
    await page.getByTestId("practice-card").first().waitFor();
    await page.getByTestId("filter-province").selectOption("35");
    await page.waitForURL(/\/practices\?province=35$/);
    await expect
      .poll(async () => {
        const provinces = await page
          .getByTestId("practice-card")
          .evaluateAll((cards) => cards.map((c) => c.getAttribute("data-province")));
        return provinces.length > 0 && provinces.every((p) => p === "35");
      })
      .toBe(true);

    await page.getByTestId("filter-region").selectOption("35.10");
    await page.waitForURL(/region=35\.10/);
    await expect
      .poll(async () => {
        const regions = await page
          .getByTestId("practice-card")
          .evaluateAll((cards) => cards.map((c) => c.getAttribute("data-region")));
        return regions.length > 0 && regions.every((r) => r === "35.10");
      })
      .toBe(true);
    const shown = await page.getByTestId("practice-card").count();

    // A shared link opens the same view.
    const shared = await signedIn("walikota.makassar@rembuk.id");
    await shared.goto(new URL(page.url()).pathname + new URL(page.url()).search);
    await shared.getByTestId("practice-card").first().waitFor();
    expect(await shared.getByTestId("filter-region").inputValue()).toBe("35.10");
    expect(await shared.getByTestId("practice-card").count()).toBe(shown);
  });

  it("shows the form's field errors in Indonesian and in English", async () => {
    const page = await signedIn("walikota.surabaya@rembuk.id");
    await page.goto("/practices/new");
    await page.getByTestId("practice-form").waitFor();
    await page.getByTestId("practice-cost").fill("-10");
    await page.getByTestId("practice-submit").click();
    await expect
      .poll(() => page.getByTestId("practice-cost-error").textContent())
      .toContain("tidak boleh negatif");
    expect(await page.getByTestId("practice-sector-error").textContent()).toContain(
      "Pilih urusan pemerintahan",
    );
    await setLanguage(page, "en");
    await expect
      .poll(() => page.getByTestId("practice-cost-error").textContent())
      .toContain("cannot be negative");
    expect(await page.getByTestId("practice-sector-error").textContent()).toContain(
      "Choose a government affair",
    );
    await shot(page, "practice-form-errors-en-desktop");
  });

  it("captures the practice page (and its print view), directory, region page and dashboard in both languages", async () => {
    const res = await fetch(`${baseUrl}/api/practices?sort=adopted&limit=1`);
    const body: unknown = await res.json();
    if (typeof body !== "object" || body === null || !("practices" in body) || !Array.isArray(body.practices))
      throw new Error("no practices");
    const top: { id: string } = body.practices[0];
    for (const viewport of Object.keys(VIEWPORTS) as Array<keyof typeof VIEWPORTS>) {
      for (const lang of ["id", "en"] as const) {
        const page = await signedIn("moderator@rembuk.id", viewport);
        await setLanguage(page, lang);
        await page.goto(`/practices/${top.id}`);
        await page.getByTestId("adoption-item").first().waitFor();
        await shot(page, `practice-${lang}-${viewport}`);
        if (viewport === "desktop") {
          await page.emulateMedia({ media: "print" });
          await shot(page, `practice-print-${lang}`);
          await page.emulateMedia({ media: "screen" });
        }
        await page.goto("/practices");
        await page.getByTestId("practice-card").first().waitFor();
        await shot(page, `directory-${lang}-${viewport}`);
        await page.goto("/regions/35.10");
        await page.getByTestId("region-page").waitFor();
        await shot(page, `region-${lang}-${viewport}`);
        await page.goto("/dashboard");
        await page.getByTestId("dash-activity-chart").waitFor();
        await shot(page, `dashboard-${lang}-${viewport}`);
        await page.context().close();
      }
    }
  });
});
