// Screenshots of pages at desktop and phone width, light and dark:
//   node scripts/screenshots.mjs http://localhost:3000 / /services/contoso-edi
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
const sizes = { desktop: { width: 1366, height: 900 }, phone: { width: 390, height: 844 } };
for (const page of pages.length ? pages : ["/"]) {
  for (const [size, viewport] of Object.entries(sizes)) {
    for (const colorScheme of ["light", "dark"]) {
      const context = await browser.newContext({ viewport, colorScheme, deviceScaleFactor: 1 });
      const tab = await context.newPage();
      await tab.goto(base + page, { waitUntil: "networkidle" });
      const name =
        (page === "/" ? "board" : page.replace(/^\//, "").replace(/[^a-z0-9.-]+/gi, "_")) +
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
