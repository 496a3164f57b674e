import AxeBuilder from "@axe-core/playwright";
import type { Page } from "@playwright/test";
import { board, expectAllOperational, expect, test } from "./support";

const MODES = [
  { name: "desktop", viewport: { width: 1366, height: 900 }, isMobile: false },
  { name: "phone", viewport: { width: 390, height: 844 }, isMobile: true },
] as const;

for (const mode of MODES) {
  for (const colorScheme of ["light", "dark"] as const) {
    test.describe(`${mode.name}, ${colorScheme}`, () => {
      test.use({
        viewport: mode.viewport,
        isMobile: mode.isMobile,
        hasTouch: mode.isMobile,
        colorScheme,
      });

      test(`the board has no serious or critical accessibility violations (${mode.name}, ${colorScheme})`, async ({
        page,
        request,
      }) => {
        await expectAllOperational(request);
        await page.goto("/");
        await expect(board(page).overall).toHaveText("All Systems Operational");
        expect(await seriousViolations(page)).toEqual([]);
      });

      test(`the list a platform cell links to has none either (${mode.name}, ${colorScheme})`, async ({
        page,
      }) => {
        await page.goto("/components?kind=storage&region=eastus");
        await expect(page.getByRole("heading", { level: 1 })).toHaveText(
          "Storage accounts in East US",
        );
        expect(await seriousViolations(page)).toEqual([]);
      });
    });
  }
}

async function seriousViolations(page: Page): Promise<string[]> {
  const results = await new AxeBuilder({ page }).analyze();
  return results.violations
    .filter((v) => v.impact === "serious" || v.impact === "critical")
    .map(
      (v) =>
        `${v.id} (${v.impact}): ${v.help} — ${v.nodes
          .map((n) => n.target.join(" "))
          .slice(0, 5)
          .join(", ")}`,
    );
}
