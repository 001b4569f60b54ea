import { chromium } from "playwright-core";
const base = process.env.BASE ?? "http://127.0.0.1:4556";
const b = await chromium.launch({ executablePath: "/usr/bin/chromium", args: ["--no-sandbox", "--disable-gpu"] });
for (const [vw, w, h] of [["desktop", 1280, 900], ["phone", 375, 780]]) {
  for (const lang of ["id", "en"]) {
    const ctx = await b.newContext({ baseURL: base, viewport: { width: w, height: h }, locale: "id-ID", timezoneId: "Asia/Jakarta" });
    const page = await ctx.newPage();
    await page.goto("/login");
    await page.getByTestId("login-email").fill(process.env.USER_EMAIL ?? "bupati.banyuwangi@rembuk.id");
    await page.getByTestId("login-password").fill("rembuk-demo-2026");
    await page.getByTestId("login-submit").click();
    await page.getByTestId("user-menu").waitFor();
    await page.goto("/");
    if (lang === "en") await page.getByTestId("lang-en").click().catch(() => {});
    await page.getByTestId("home-signed-in").waitFor();
    await page.waitForTimeout(2500);
    await page.screenshot({ path: `/tmp/dbg/home-${vw}-${lang}.png`, fullPage: true });
    await ctx.close();
  }
}
await b.close();
