// Screenshots of pages at desktop and phone width, light and dark:
//   node scripts/screenshots.mjs http://localhost:3000 / /services/contoso-edi
// With no pages, the board, a service, the backups list, the newest backup and compliance.
// `/backups/newest` stands for the page of the first backup that /backups lists.
// Writes screenshots/<page>-<width>-<scheme>.png. Uses CHROMIUM_PATH, /usr/bin/chromium, or Playwright's own.
import { chromium } from "@playwright/test";
import fs from "node:fs";
import path from "node:path";

const [base = "http://localhost:3000", ...pages] = process.argv.slice(2);
const executablePath =
  process.env.CHROMIUM_PATH ||
  (fs.existsSync("/usr/bin/chromium") ? "/usr/bin/chromium" : undefined);
const browser = await chromium.launch({
  executablePath,
  args: ["--disable-background-networking", "--disable-component-update", "--no-first-run"],
});
fs.mkdirSync("screenshots", { recursive: true });
const DEFAULT_PAGES = ["/", "/services/contoso-edi", "/backups", "/backups/newest", "/compliance"];

/** `/backups/newest` -> the first backup's own page, read from the list. */
async function resolve(page) {
  if (page !== "/backups/newest") return page;
  const tab = await browser.newPage();
  await tab.goto(`${base}/backups`);
  const href = await tab.locator("[data-backup] a[href^='/backups/']").first().getAttribute("href");
  await tab.close();
  if (!href) throw new Error("/backups lists no backup to take a picture of");
  return href;
}
const sizes = { desktop: { width: 1366, height: 900 }, phone: { width: 390, height: 844 } };
for (const asked of pages.length ? pages : DEFAULT_PAGES) {
  const page = await resolve(asked);
  for (const [size, viewport] of Object.entries(sizes)) {
    for (const colorScheme of ["light", "dark"]) {
      const context = await browser.newContext({ viewport, colorScheme, deviceScaleFactor: 1 });
      const tab = await context.newPage();
      await tab.goto(base + page, { waitUntil: "networkidle" });
      const name =
        (asked === "/" ? "board" : asked.replace(/^\//, "").replace(/[^a-z0-9.-]+/gi, "_")) +
        `-${size}-${colorScheme}.png`;
      await tab.screenshot({
        path: path.join("screenshots", name),
        fullPage: process.env.FULL === "1",
      });
      console.log(path.join("screenshots", name));
      await context.close();
    }
  }
}
await browser.close();
