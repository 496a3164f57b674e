import {
  board,
  clearFaults,
  expectAllOperational,
  expectComponentStatus,
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

test("a board cell leads to its component page: status with reason and since, instances, dependents, charts, history", async ({
  page,
  request,
}) => {
  await injectFault(request, {
    component: "contoso-edi.roles",
    status: "major_outage",
    instances: 1,
    reason: "host recycled",
  });
  await page.goto("/");
  const cell = board(page).cell("contoso-edi.roles");
  await expect(cell).toHaveAttribute("data-status", "partial_outage");
  await cell.click();
  await expect(page).toHaveURL(/\/components\/contoso-edi\.roles$/);
  await expect(page.getByRole("heading", { level: 1 })).toHaveText("contoso-edi role instances");
  const main = page.locator("main");
  await expect(main).toContainText("Partial outage");
  await expect(main).toContainText("1 of 4 instances down: IN_0 (host recycled)");
  await expect(main).toContainText(/Since \d\d:\d\d UTC/);
  await expect(main).toContainText("3 of 4 up");
  await expect(page.getByRole("heading", { name: "Services that depend on it" })).toBeVisible();
  await expect(
    page
      .getByRole("region", { name: "Services that depend on it" })
      .getByRole("link", { name: "contoso-edi", exact: true }),
  ).toBeVisible();
  await expect(page.getByRole("heading", { name: "Uptime, last 90 days" })).toBeVisible();
  await expect(page.getByRole("heading", { name: "Recent status changes" })).toBeVisible();
  await expect(
    page.getByRole("region", { name: "Recent status changes" }).getByRole("listitem").first(),
  ).toContainText(/Operational\s*→\s*(to)?\s*Partial outage/);
  // (The arrow is hidden from screen readers, which hear "to" instead.)
  // The range switch works as plain links.
  await page.getByRole("link", { name: "7d" }).click();
  await expect(page).toHaveURL(/range=7d/);
  await expect(main).toContainText(/Last 7 days/i);
});

test("a service page shows its components, what impacts it, and links back", async ({
  page,
  request,
}) => {
  await injectFault(request, { component: "fabrikam-shared-acs", status: "major_outage" });
  await expectComponentStatus(request, "fabrikam-shared-acs", "major_outage");
  await page.goto("/services/fabrikam-eai");
  const main = page.locator("main");
  await expect(page.getByRole("heading", { level: 1 })).toContainText("fabrikam-eai");
  await expect(main).toContainText("suspended");
  await expect(main).toContainText(/Impacted by/);
  await expect(main.getByRole("link", { name: /fabrikam-identity/ }).first()).toBeVisible();
  for (const kind of ["Role instances", "Tracking database", "Storage account", "Access control"]) {
    await expect(main.getByRole("link", { name: kind }).first()).toBeVisible();
  }
  await page.getByRole("link", { name: "Status board" }).first().click();
  await expect(page).toHaveURL(/\/$/);
});

test("unknown services and components get a real 404 page", async ({ page }) => {
  for (const [path, heading] of [
    ["/services/no-such-service", "No such service"],
    ["/components/no-such.component", "No such component"],
    ["/no-such-page", "Not found"],
  ] as const) {
    const response = await page.goto(path);
    expect(response?.status(), path).toBe(404);
    await expect(page.getByRole("heading", { level: 1 })).toHaveText(heading);
  }
});

test("a bad chart range is reported on the page, not a crash", async ({ page }) => {
  const response = await page.goto("/components/contoso-edi.storage?range=1y");
  expect(response?.status()).toBe(200);
  await expect(page.locator("main")).toContainText(/1y/);
});
