import {
  board,
  clearFaults,
  expectAllOperational,
  iconOf,
  injectFault,
  expect,
  test,
} from "./support";

test.beforeEach(async ({ request }) => {
  await expectAllOperational(request);
});

test.afterEach(async ({ request }) => {
  await clearFaults(request);
});

test("the platform grid: each kind in each region, its worst status in words and counts", async ({
  page,
}) => {
  await page.goto("/");
  const b = board(page);
  await expect(b.overall).toHaveText("All Systems Operational");
  await expect(page.locator(".pf thead th")).toHaveText([
    "Region",
    "Role instances",
    "Tracking databases",
    "Storage accounts",
    "Access-control namespaces",
  ]);
  // Counts, an icon and a word; a link whose name says where it is first.
  const storage = b.platformCell("storage", "eastus");
  await expect(storage).toHaveText(/: Operational 1 of 1 operational$/);
  await expect(storage).toHaveAccessibleName(
    "Storage accounts in East US: Operational 1 of 1 operational",
  );
  expect(await iconOf(storage)).toBeTruthy();
  // West US holds the suspended service's role instances: counted apart, a neutral mark.
  const paused = b.platformCell("role-instances", "westus");
  await expect(paused).toHaveText(/: Not serving 1 not serving$/);
  expect(await iconOf(paused)).not.toBe(await iconOf(b.platformCell("role-instances", "eastus")));
  // Nothing of a kind in a region: said in words, a neutral mark, never green, and no link.
  const nothing = b.platformCell("access-control", "westus");
  await expect(nothing).toHaveText("Access-control namespaces in West US: Nothing monitored");
  await expect(nothing).toHaveAttribute("data-status", "none");
  expect(await nothing.evaluate((el) => el.tagName)).toBe("SPAN");
  expect(await iconOf(nothing)).not.toBe(await iconOf(storage));
  await expect(page.locator('.pf tr[data-region="northeurope"] .pcell')).toHaveText(
    Array(4).fill(/: Nothing monitored$/),
  );
});

test("a platform cell follows the live data, and links to the list of exactly that kind and region", async ({
  page,
  request,
}) => {
  await page.goto("/");
  const b = board(page);
  const storage = b.platformCell("storage", "eastus");
  await expect(storage).toHaveAttribute("data-status", "operational");

  await injectFault(request, { component: "fabrikam-b2b.storage", status: "degraded_performance" });
  await expect(storage).toHaveAttribute("data-status", "degraded_performance");
  await expect(storage).toHaveText(/: Degraded 0 of 1 operational$/);
  await expect(b.regionHeader("East US")).toHaveText("East US: Degraded");
  // Other places are untouched.
  await expect(b.platformCell("storage", "westeurope")).toHaveText(
    /: Operational 1 of 1 operational$/,
  );

  await storage.click();
  await expect(page).toHaveURL(/\/components\?kind=storage&region=eastus$/);
  await expect(page.getByRole("heading", { level: 1 })).toHaveText("Storage accounts in East US");
  const rows = page.locator("tbody tr[data-component]");
  await expect(rows).toHaveCount(1);
  await expect(rows.first()).toHaveAttribute("data-component", "fabrikam-b2b.storage");
  await expect(rows.first()).toContainText("Degraded");
  await expect(rows.first().getByRole("link", { name: "fabrikam-b2b", exact: true })).toBeVisible();
});

test("the component list: kinds and regions filter it, worst first, and a bad query is a 400 that says why", async ({
  page,
  request,
}) => {
  await injectFault(request, { component: "contoso-edi.acs", status: "major_outage" });
  await expect
    .poll(async () => (await (await request.get("/api/v2/status.json")).json()).status.indicator)
    .toBe("critical");
  await page.goto("/components?kind=access-control");
  await expect(page.getByRole("heading", { level: 1 })).toHaveText("Access-control namespaces");
  const rows = page.locator("tbody tr[data-component]");
  // Every access-control namespace of the demo, the one in trouble first.
  await expect(rows).toHaveCount(3);
  await expect(rows.first()).toHaveAttribute("data-component", "contoso-edi.acs");
  await expect(rows.first()).toContainText("Major outage");
  await page.goto("/components?region=westus");
  await expect(page.getByRole("heading", { level: 1 })).toHaveText("Components in West US");
  await expect(rows).toHaveCount(3);

  for (const [query, words] of [
    ["kind=disks&region=eastus", 'Unknown kind "disks"'],
    ["kind=storage&region=mars", 'Unknown region "mars"'],
    ["kind=storage&kind=access-control", "Give kind once"],
    ["colour=red", 'Unknown filter "colour"'],
    ["page=0", "The page must be a whole number from 1"],
    ["kind=storage&region=eastus&page=2", "There is no page 2: this list has 1 page."],
  ]) {
    const response = await page.goto(`/components?${query}`);
    expect(response!.status(), query).toBe(400);
    await expect(page.getByRole("alert").filter({ hasText: words })).toBeVisible();
  }
  const fine = await request.get("/components?kind=storage&region=eastus");
  expect(fine.status()).toBe(200);
});
