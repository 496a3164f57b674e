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
  visibleTip,
} from "./support";

test("when the server cannot be reached, the board stops claiming a status, ages its data, and recovers without a reload", async ({
  page,
  request,
}) => {
  await expectAllOperational(request);
  // The page's clock, so time can pass the staleness limit (6 s here) without waiting for it.
  await page.clock.install();
  await page.goto("/");
  const b = board(page);
  await expect(b.overall).toHaveText("All Systems Operational");
  const alert = page.getByRole("alert").filter({ hasText: "Cannot reach Standfast" });
  await expect(alert).toHaveCount(0);
  await markWindow(page);

  await page.route("**/api/board", (route) => route.abort("connectionrefused"));
  await expect(alert).toBeVisible();
  await expect(alert).toContainText("Retrying every 1 s");
  await expect(b.overall).toHaveText(
    /^Cannot reach Standfast: last known status as of \d\d:\d\d:\d\d UTC, \d+ s ago$/,
  );
  await expect(page.locator("section[data-indicator]")).toHaveAttribute(
    "data-indicator",
    "unreachable",
  );

  // Time passes with no answer: every cell turns Unknown in place as its data passes its limit.
  await page.clock.fastForward(15_000);
  await expect(page.locator('a.cell[data-status="unknown"]')).toHaveCount(16);
  await expect(page.locator('a.cell[data-status="operational"]')).toHaveCount(0);
  await expect(b.cell("contoso-edi.roles")).toHaveAccessibleName(/no fresh data for \d+ s/);
  await expect(b.overall).toHaveText(/^Cannot reach Standfast: .*, (1\d|[2-9]\d) s ago$/);
  await b.cell("contoso-edi.roles").hover();
  await expect(visibleTip(page)).toContainText(/checked (1\d|[2-9]\d) s ago/);

  await page.unroute("**/api/board");
  await expect(alert).toHaveCount(0);
  await expect(b.overall).toHaveText("All Systems Operational");
  await expect(b.cell("contoso-edi.roles")).toHaveAttribute("data-status", "operational");
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
