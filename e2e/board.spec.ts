import {
  board,
  clearFaults,
  expectAllOperational,
  expectTipAt,
  iconOf,
  injectFault,
  luminance,
  regionShownBy,
  visibleTip,
  expect,
  test,
} from "./support";

const REGIONS = ["West Europe", "North Europe", "East US", "West US", "Southeast Asia"];
const SERVICES = ["contoso-edi", "fabrikam-b2b", "fabrikam-eai", "northwind-dev"];
const COMPONENT_ROWS = ["Role instances", "Tracking database", "Storage account", "Access control"];
const LABELS: Record<string, string> = {
  operational: "Operational",
  under_maintenance: "Maintenance",
  degraded_performance: "Degraded",
  partial_outage: "Partial outage",
  major_outage: "Major outage",
  unknown: "Unknown",
};

test.beforeEach(async ({ request }) => {
  await expectAllOperational(request);
});

test.afterEach(async ({ request }) => {
  await clearFaults(request);
});

test("the board renders the demo estate: services, components, regions and states", async ({
  page,
}) => {
  await page.goto("/");
  const b = board(page);
  await expect(b.demoBadge).toBeVisible();
  await expect(b.overall).toHaveText("All Systems Operational");
  // The suspended service's role instances are counted apart, never as operational.
  await expect(
    page.getByText("14 of 15 components operational; 1 in services not serving"),
  ).toBeVisible();

  // The platform grid: each region's row header states its status in words (for screen readers);
  // a region with nothing monitored says so where everyone sees it, with a neutral mark, never a
  // green tick.
  const headers = page.locator(".pf tbody th");
  await expect(headers).toHaveText(
    REGIONS.map((r) =>
      r === "North Europe" ? "North Europe nothing monitored" : `${r}: Operational`,
    ),
  );
  await expect(b.regionHeader("North Europe").getByText("nothing monitored")).toBeVisible();
  expect(await iconOf(b.regionHeader("North Europe"))).toBe("#s-none");
  expect(await iconOf(b.regionHeader("West Europe"))).toBe("#s-operational");

  for (const id of SERVICES) {
    const service = b.service(id);
    await expect(service.getByRole("link", { name: id, exact: true })).toBeVisible();
    const rows = service.locator("li.row .row-kind");
    await expect(rows).toHaveCount(4);
    for (const [i, kind] of COMPONENT_ROWS.entries()) await expect(rows.nth(i)).toContainText(kind);
    await expect(service.locator("a.cell")).toHaveCount(4);
  }
  // A handful of services: none is collapsed.
  await expect(page.locator("details[data-service]")).toHaveCount(0);

  // Service state in words: the demo has one suspended service, the rest are active.
  await expect(b.service("fabrikam-eai").getByTitle("Service state")).toHaveText(/^suspended$/i);
  for (const id of ["contoso-edi", "fabrikam-b2b", "northwind-dev"])
    await expect(b.service(id).getByTitle("Service state")).toHaveText(/^active$/i);

  // The shared namespace shows under both services that use it.
  await expect(page.locator('a.cell[href="/components/fabrikam-shared-acs"]')).toHaveCount(2);

  // Every cell says its status with a shape and in words, never by colour alone, and its
  // accessible name starts with the words it shows; the suspended service's role instances say
  // its state instead, with a neutral mark.
  const cells = page.locator("a.cell");
  await expect(cells).toHaveCount(16);
  const suspended = b.cell("fabrikam-eai.roles");
  for (const cell of await cells.all()) {
    if ((await cell.getAttribute("href")) === "/components/fabrikam-eai.roles") continue;
    const status = (await cell.getAttribute("data-status"))!;
    expect(Object.keys(LABELS)).toContain(status);
    // Polled: the live board may swap the cell for a fresh copy between finding and reading it.
    await expect
      .poll(() => iconOf(cell), `icon of ${await cell.getAttribute("href")}`)
      .toBeTruthy();
    await expect(cell).toHaveText(new RegExp(`^${LABELS[status]}`));
    const shown = (await cell.innerText()).replace(/\s+/g, " ").trim();
    await expect(cell).toHaveAccessibleName(new RegExp(`^${shown}: `));
  }
  await expect(suspended).toHaveAttribute("data-state", "suspended");
  await expect(suspended).toHaveText("Suspended");
  await expect(suspended).toHaveAccessibleName(
    /^Suspended: .*, role instances in West US; service not serving; last reading Operational/,
  );
  // Its mark is there and is not the operational one.
  await expect
    .poll(async () => {
      const [mark, operational] = [
        await iconOf(suspended),
        await iconOf(b.cell("fabrikam-b2b.roles")),
      ];
      return Boolean(mark && operational && mark !== operational);
    })
    .toBe(true);
  // Each component's row names its region, a shared one its own.
  for (const [id, region] of [
    ["contoso-edi.roles", "West Europe"],
    ["fabrikam-b2b.storage", "East US"],
    ["fabrikam-eai.tracking-db", "West US"],
    ["northwind-dev.roles", "Southeast Asia"],
  ] as const)
    await expect.poll(() => regionShownBy(b.cell(id)), id).toBe(region);
  await expect(b.cell("northwind-dev.roles")).toContainText("1/1");
});

test("Problems only shows just the services and components that are not operational", async ({
  page,
  request,
}) => {
  await page.goto("/");
  const b = board(page);
  await expect(b.problemsOnly).toHaveText("Problems only (0 services)");
  await b.problemsOnly.click();
  await expect(b.problemsOnly).toHaveAttribute("aria-pressed", "true");
  await expect(page.getByText("No problems: every component is operational.")).toBeVisible();
  await expect(page).toHaveURL(/[?&]problems=1/);

  await injectFault(request, { component: "fabrikam-b2b.storage", status: "degraded_performance" });
  // The filtered board follows the live data: the impacted service appears with only its problem.
  await expect(b.service("fabrikam-b2b")).toBeVisible();
  await expect(b.problemsOnly).toHaveText("✓ Problems only (1 service)");
  await expect(b.service("fabrikam-b2b").locator("a.cell")).toHaveCount(1);
  await expect(b.cell("fabrikam-b2b.storage")).toContainText("Degraded");
  for (const id of ["contoso-edi", "fabrikam-eai", "northwind-dev"])
    await expect(b.service(id)).toHaveCount(0);

  // The filter is in the address, so a reload or a shared link keeps it.
  await page.reload();
  await expect(b.problemsOnly).toHaveAttribute("aria-pressed", "true");
  await expect(b.services).toHaveCount(1);

  await b.problemsOnly.click();
  await expect(b.problemsOnly).toHaveAttribute("aria-pressed", "false");
  await expect(b.services).toHaveCount(4);
  await expect(page.locator("a.cell")).toHaveCount(16);
  await expect(page).not.toHaveURL(/problems=/);
});

test("the keyboard reaches the filter and the cells, and a focused cell shows its details", async ({
  page,
}) => {
  await page.goto("/");
  const b = board(page);
  await expect(b.overall).toHaveText("All Systems Operational");
  // Before the live board runs, the filter is a plain form that loads /?problems=1.
  await expect(b.live).toHaveAttribute("data-live", "ready");

  const focusedText = () =>
    page.evaluate(() => {
      const el = document.activeElement as HTMLElement | null;
      return `${el?.tagName} ${el?.className} ${el?.textContent}`;
    });
  let reached = false;
  // Past the header's links, Refresh now and the platform grid's links.
  for (let i = 0; i < 40 && !reached; i++) {
    await page.keyboard.press("Tab");
    reached = (await focusedText()).includes("Problems only");
  }
  expect(reached, "Tab reaches the Problems only button").toBe(true);
  await expect(b.problemsOnly).toBeFocused();
  await page.keyboard.press("Enter");
  await expect(b.problemsOnly).toHaveAttribute("aria-pressed", "true");
  await page.keyboard.press("Space");
  await expect(b.problemsOnly).toHaveAttribute("aria-pressed", "false");

  // Onwards: the legend, the first service's name, then its first cell.
  const firstCell = b.cell("contoso-edi.roles");
  const tip = visibleTip(page);
  await expect(tip).toHaveCount(0);
  reached = false;
  for (let i = 0; i < 4 && !reached; i++) {
    await page.keyboard.press("Tab");
    reached = await firstCell.evaluate((el) => el === document.activeElement);
  }
  expect(reached, "Tab reaches the first cell").toBe(true);
  await expect(tip).toHaveCount(1);
  await expect(tip).toContainText(/checked \d+ s ago · since .*\d\d:\d\d UTC/);
  await expectTipAt(tip, firstCell);

  // The next Tab moves to the next cell, and the details follow it.
  const secondCell = b.cell("contoso-edi.tracking-db");
  await page.keyboard.press("Tab");
  await expect(secondCell).toBeFocused();
  await expect(tip).toHaveCount(1);
  await expectTipAt(tip, secondCell);

  // Leaving the grid hides them.
  await b.problemsOnly.focus();
  await expect(tip).toHaveCount(0);
});

test.describe("dark mode", () => {
  test.use({ colorScheme: "dark" });

  test("follows the system's dark scheme", async ({ page }) => {
    await page.goto("/");
    await expect(board(page).overall).toHaveText("All Systems Operational");
    expect(await luminance(page, "body")).toBeLessThan(0.05);
    expect(await luminance(page, "body", "color")).toBeGreaterThan(0.8);
    expect(await luminance(page, ".pf thead th")).toBeLessThan(0.05);
    expect(await luminance(page, "section[data-indicator]")).toBeLessThan(0.1);
  });
});

test("light mode has a light background", async ({ page }) => {
  await page.emulateMedia({ colorScheme: "light" });
  await page.goto("/");
  await expect(board(page).overall).toHaveText("All Systems Operational");
  expect(await luminance(page, "body")).toBeGreaterThan(0.9);
  expect(await luminance(page, "body", "color")).toBeLessThan(0.05);
});
