import fs from "node:fs";
import { SPARE_PORT } from "./env";
import {
  board,
  expectAllOperational,
  expectSameWindow,
  markWindow,
  startApp,
  tempDataDir,
  expect,
  test,
} from "./support";

test("when the server cannot be reached, the board says so and recovers without a reload", async ({
  page,
  request,
}) => {
  await expectAllOperational(request);
  await page.goto("/");
  const b = board(page);
  await expect(b.overall).toHaveText("All Systems Operational");
  const alert = page.getByRole("alert").filter({ hasText: "Cannot reach Standfast" });
  await expect(alert).toHaveCount(0);
  await markWindow(page);

  await page.route("**/api/board", (route) => route.abort("connectionrefused"));
  await expect(alert).toBeVisible();
  await expect(alert).toContainText("Retrying every 1 s");
  // The last data stays on screen, marked as old rather than cleared.
  await expect(b.cell("contoso-edi.roles")).toBeVisible();

  await page.unroute("**/api/board");
  await expect(alert).toHaveCount(0);
  await expectSameWindow(page);
});

test.describe("when the health checks stop", () => {
  let dataDir = "";
  test.beforeEach(() => {
    dataDir = tempDataDir();
  });
  test.afterEach(() => fs.rmSync(dataDir, { recursive: true, force: true }));

  test("a web-only instance with no poller shows the warning and unknown statuses, never green", async ({
    page,
  }) => {
    test.setTimeout(120_000);
    // First a normal instance reads the estate, so there is old green data to go stale...
    const first = await startApp({ port: SPARE_PORT, dataDir });
    try {
      await expect
        .poll(async () => {
          const doc = await (await fetch(`${first.url}/api/v2/status.json`)).json();
          return doc.status.indicator;
        })
        .toBe("none");
    } finally {
      await first.stop();
    }

    // ...then it stops, and a web-only instance serves the same store.
    const app = await startApp({
      port: SPARE_PORT,
      dataDir,
      env: { STANDFAST_POLLER: "off" },
    });
    try {
      await page.goto(app.url);
      const b = board(page);
      await expect(
        page.getByRole("alert").filter({ hasText: "Health checks have stopped" }),
      ).toBeVisible();
      await expect(b.overall).toHaveText("Status Unknown");
      await expect(b.overall).not.toHaveText("All Systems Operational");
      const cells = page.locator("a.cell");
      await expect(cells).toHaveCount(16);
      // As the last readings age past their limit, every cell turns unknown, in place.
      await expect(page.locator('a.cell[data-status="unknown"]')).toHaveCount(16);
      await expect(page.locator('a.cell[data-status="operational"]')).toHaveCount(0);
      await expect(b.cell("contoso-edi.roles")).toHaveAccessibleName(/no fresh data for \d+ s/);

      const status = await (await fetch(`${app.url}/api/v2/status.json`)).json();
      expect(status.status).toEqual({ indicator: "unknown", description: "Status Unknown" });
    } finally {
      await app.stop();
    }
  });
});
