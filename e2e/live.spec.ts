import {
  board,
  clearFaults,
  expectAllOperational,
  expectSameWindow,
  expectTipAt,
  iconOf,
  injectFault,
  markWindow,
  visibleTip,
  expect,
  test,
} from "./support";

test.beforeEach(async ({ request }) => {
  await expectAllOperational(request);
});

test.afterEach(async ({ request }) => {
  await clearFaults(request);
});

test("an injected fault shows in its cell without a reload, and clearing it brings the board back", async ({
  page,
  request,
}) => {
  await page.goto("/");
  const b = board(page);
  const cell = b.cell("contoso-edi.roles");
  const service = b.serviceHead("contoso-edi");
  await expect(b.overall).toHaveText("All Systems Operational");
  await expect(cell).toHaveAttribute("data-status", "operational");
  await expect(cell).toContainText("4/4");
  const operationalIcon = await iconOf(cell);
  const regionIcon = await iconOf(b.regionHeader("West Europe"));
  await markWindow(page);

  await injectFault(request, {
    component: "contoso-edi.roles",
    status: "major_outage",
    instances: 1,
  });

  // One of four instances down: a partial outage, kept serving by the other three.
  await expect(cell).toHaveAttribute("data-status", "partial_outage");
  await expect(cell).toContainText("Partial outage");
  await expect(cell).toContainText("3/4");
  expect(await iconOf(cell)).not.toBe(operationalIcon);
  await expect(cell).toHaveAccessibleName(
    /^Partial outage 3\/4: .*; 3 of 4 instances up; .*1 of 4 instances down/,
  );
  await expect(service).toContainText("Partial outage");
  await expect(service).toContainText("Role instances partial outage");
  await expect(b.overall).toHaveText("Partial System Outage");
  await expect(page.getByText(/13 of 15 components operational: 1 partial outage/)).toBeVisible();
  // The region's header takes the worst status in its column, in shape and in words.
  await expect.poll(() => iconOf(b.regionHeader("West Europe"))).not.toBe(regionIcon);
  await expect(b.regionHeader("West Europe")).toHaveText("West Europe: Partial outage");
  expect(await iconOf(b.regionHeader("East US"))).toBe(regionIcon);
  // Nothing else changed.
  await expect(b.cell("fabrikam-b2b.roles")).toHaveAttribute("data-status", "operational");

  await clearFaults(request);
  await expect(cell).toHaveAttribute("data-status", "operational");
  await expect(cell).toContainText("4/4");
  await expect(b.overall).toHaveText("All Systems Operational");
  await expect.poll(() => iconOf(b.regionHeader("West Europe"))).toBe(regionIcon);
  await expect(service).not.toContainText("partial outage", { ignoreCase: true });
  await expectSameWindow(page);
});

test("a poll that only moves the check times keeps the board's elements: focus and place stay", async ({
  page,
}) => {
  await page.goto("/");
  const b = board(page);
  const cell = b.cell("fabrikam-eai.tracking-db");
  await expect(cell).toHaveAccessibleName(/checked at \d\d:\d\d:\d\d UTC/);
  const label = await cell.getAttribute("aria-label");
  await cell.focus();
  // A mark that lives on the element object itself: a replaced element would not carry it.
  await cell.evaluate((el) => Object.assign(el, { keptByTest: true }));
  // The next readings move "checked at"; the cell is updated where it stands.
  await expect(cell).not.toHaveAttribute("aria-label", label!);
  await expect(cell).toHaveAccessibleName(/checked at \d\d:\d\d:\d\d UTC/);
  expect(await cell.evaluate((el) => "keptByTest" in el)).toBe(true);
  await expect(cell).toBeFocused();
});

test("a shared dependency's major outage: its services and the banner agree, listed first", async ({
  page,
  request,
}) => {
  await page.goto("/");
  const b = board(page);
  await expect(b.overall).toHaveText("All Systems Operational");
  await markWindow(page);

  await injectFault(request, { component: "fabrikam-shared-acs", status: "major_outage" });
  for (const cell of await page.locator('a.cell[href="/components/fabrikam-shared-acs"]').all())
    await expect(cell).toContainText("Major outage");
  await expect(b.overall).toHaveText("Major System Outage");
  for (const id of ["fabrikam-b2b", "fabrikam-eai"]) {
    const header = b.serviceHead(id);
    await expect(header).toContainText("Major outage");
    await expect(header).toContainText(/Impacted by access control fabrikam-identity/);
  }
  // Problems first: the two impacted services head the board, and the banner names them.
  await expect(b.services.nth(0)).toHaveAttribute("data-service", "fabrikam-b2b");
  await expect(b.services.nth(1)).toHaveAttribute("data-service", "fabrikam-eai");
  await expect(page.locator("section[data-indicator]")).toContainText(
    "Affected services, listed first below: fabrikam-b2b, fabrikam-eai",
  );
  await expect(b.serviceHead("contoso-edi")).toContainText("Operational");
  await expectSameWindow(page);
});

test("a component whose source goes silent turns Unknown, with the age of its last reading", async ({
  page,
  request,
}) => {
  await page.goto("/");
  const b = board(page);
  const cell = b.cell("northwind-dev.acs");
  await expect(cell).toHaveAttribute("data-status", "operational");
  const operationalIcon = await iconOf(cell);
  await markWindow(page);

  await injectFault(request, { component: "northwind-dev.acs", status: "silent" });

  await expect(cell).toHaveAttribute("data-status", "unknown");
  await expect(cell).toContainText("Unknown");
  expect(await iconOf(cell)).not.toBe(operationalIcon);
  // Its name says clock times, which never go out of date; its tooltip says ages, kept ticking.
  await expect(cell).toHaveAccessibleName(
    /^Unknown: .*; checked at \d\d:\d\d:\d\d UTC · .*no fresh data for \d+ s/,
  );
  await cell.hover();
  await expect(visibleTip(page)).toContainText(/checked \d+ s ago · .*no fresh data for \d+ s/);
  await expectTipAt(visibleTip(page), cell);
  await expect(b.serviceHead("northwind-dev")).toContainText(
    "No fresh data from northwind-dev-acs",
  );
  // The board never claims green while part of it is unknown.
  await expect(b.overall).toHaveText("Status Unknown");

  await clearFaults(request);
  await expect(cell).toHaveAttribute("data-status", "operational");
  await expect(b.overall).toHaveText("All Systems Operational");
  await expectSameWindow(page);
});

test("a status change is announced politely to screen readers, in words", async ({
  page,
  request,
}) => {
  await page.goto("/");
  const b = board(page);
  await expect(b.overall).toHaveText("All Systems Operational");
  await expect(b.announcement).toHaveAttribute("aria-live", "polite");
  await expect(b.announcement).toHaveText("");

  await injectFault(request, { component: "fabrikam-b2b.storage", status: "degraded_performance" });
  await expect(b.announcement).toHaveText(
    "Minor Service Outage. fabrikam-b2b storage account: degraded.",
  );
  await clearFaults(request);
  await expect(b.announcement).toHaveText(
    "All Systems Operational. fabrikam-b2b storage account: operational.",
  );
});
