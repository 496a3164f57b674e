import fs from "node:fs";
import type { Page } from "@playwright/test";
import { ADMIN_TOKEN, SPARE_PORT } from "./env";
import { board, expect, startApp, tempDataDir, test, visibleTip, type App } from "./support";

/**
 * Never a false green, with an app of its own that reads every 10 s (stale after 30 s): long
 * enough to see a failing read before its data is stale, and an app this spec may stop.
 */
const SLOW = { STANDFAST_DEFAULT_INTERVAL: "10s", STANDFAST_ADMIN_TOKEN: ADMIN_TOKEN! };

let dataDir = "";
let app: App | null = null;
test.beforeEach(async () => {
  test.setTimeout(150_000);
  dataDir = tempDataDir();
  app = await startApp({ port: SPARE_PORT, dataDir, env: SLOW });
});
test.afterEach(async () => {
  await app?.stop();
  fs.rmSync(dataDir, { recursive: true, force: true });
});

async function openGreenBoard(page: Page, url: string) {
  await expect
    .poll(async () => (await (await fetch(`${url}/api/v2/status.json`)).json()).status.indicator, {
      message: "the estate is read and all operational",
      timeout: 60_000,
    })
    .toBe("none");
  await page.goto(url);
  await expect(board(page).overall).toHaveText("All Systems Operational");
}

test("a failing read shows in its cell and the API from the first failure, with when and why", async ({
  page,
}) => {
  const url = app!.url;
  await openGreenBoard(page, url);
  const cell = board(page).cell("northwind-dev.acs");
  await expect(cell).not.toHaveAttribute("data-read-failed");

  const inject = await fetch(`${url}/api/admin/faults`, {
    method: "POST",
    headers: { authorization: `Bearer ${ADMIN_TOKEN}`, "content-type": "application/json" },
    body: JSON.stringify({ component: "northwind-dev.acs", status: "silent" }),
  });
  expect(inject.status, await inject.text()).toBe(201);

  // The source stops answering: the first timed-out read shows, long before the data is stale.
  await expect(cell).toHaveAttribute("data-read-failed", "true");
  await expect(cell).toHaveAttribute("data-status", "operational");
  await expect(cell).toHaveText(/^Operational.*read failed$/);
  await expect(cell).toHaveAccessibleName(
    /^Operational, read failed: .*; last read failed at \d\d:\d\d:\d\d UTC: no answer within 5000 ms · checked at \d\d:\d\d:\d\d UTC/,
  );
  await cell.hover();
  await expect(visibleTip(page)).toContainText(
    /last read failed \d+ s ago: no answer within 5000 ms · checked \d+ s ago/,
  );
  const doc = await (await fetch(`${url}/api/v2/components.json`)).json();
  const acs = doc.components.find((c: { id: string }) => c.id === "northwind-dev.acs");
  expect(acs.status).toBe("operational");
  expect(acs.description).toMatch(/last read failed at .* UTC: no answer within 5000 ms$/);

  const clear = await fetch(`${url}/api/admin/faults`, {
    method: "DELETE",
    headers: { authorization: `Bearer ${ADMIN_TOKEN}`, "content-type": "application/json" },
    body: "{}",
  });
  expect(clear.status).toBe(200);
  await expect(cell).not.toHaveAttribute("data-read-failed");
});

test("with the app stopped, a browser whose clock is an hour slow still ages the board to Unknown", async ({
  page,
}) => {
  const url = app!.url;
  // The browser's clock runs an hour behind the server's: ages must come from the server's clock.
  await page.clock.install({ time: Date.now() - 3_600_000 });
  await openGreenBoard(page, url);
  const b = board(page);
  const cell = b.cell("contoso-edi.roles");
  await cell.hover();
  await expect(visibleTip(page)).toContainText(/checked \d{1,2} s ago/);

  await app!.stop();
  await expect(page.getByRole("alert").filter({ hasText: "Cannot reach Standfast" })).toBeVisible();
  await expect(b.overall).toHaveText(
    /^Cannot reach Standfast: last known status as of \d\d:\d\d:\d\d UTC, \d+ s ago$/,
  );

  // 130 s without the server: every cell is Unknown, and the ages kept ticking.
  await page.clock.fastForward("02:10");
  await expect(page.locator('a.cell[data-status="unknown"]')).toHaveCount(16);
  await expect(page.locator('a.cell[data-status="operational"]')).toHaveCount(0);
  await expect(b.overall).toHaveText(
    /^Cannot reach Standfast: last known status as of .*, 2 min ago$/,
  );
  await cell.hover();
  await expect(visibleTip(page)).toContainText(
    /^Unknown: .*; last reported 4 of 4 instances up; checked 2 min ago/,
  );
  await expect(
    page.getByText("0 of 15 components operational: 14 unknown; 1 in services not serving"),
  ).toBeVisible();
});
