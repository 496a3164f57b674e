import type { Page } from "@playwright/test";
import { expect, signInAs, test } from "./support";

/** fabrikam-b2b's RPO rule on /compliance: the demo gives it failing rules with next steps. */
const rule = (page: Page, id: string) =>
  page.locator(`[data-service-compliance="fabrikam-b2b"] [data-rule="${id}"]`);

test("a viewer sees what fixes each failing rule and the role it needs, with no link", async ({
  page,
}) => {
  await signInAs(page, "viewer", "/compliance");
  const offsite = rule(page, "offsite");
  await expect(offsite.locator("[data-verdict]")).toHaveText("Fail");
  const take = offsite.locator('[data-step="copy-to-another-region"]');
  await expect(take).toContainText("Take a backup stored in another region");
  await expect(take).toContainText("needs the operator role");
  await expect(take.getByRole("link")).toHaveCount(0);
  await expect(offsite.locator('[data-step="schedule-to-another-region"]')).toContainText(
    "needs the admin role",
  );
  // A step Standfast cannot do says where it is done, for every role.
  await expect(
    page.locator(
      '[data-service-compliance="fabrikam-eai"] [data-rule="storage-geo"] [data-step="set-storage-replication"]',
    ),
  ).toContainText("in Azure");
  // Passing rules offer nothing to do.
  await expect(
    page.locator('[data-service-compliance="contoso-edi"] [data-rule="rpo"] [data-step]'),
  ).toHaveCount(0);
});

test("an operator's link leads to the form that takes an off-site backup; the schedule still needs an admin", async ({
  page,
}) => {
  await signInAs(page, "operator", "/compliance");
  const offsite = rule(page, "offsite");
  await expect(offsite.locator('[data-step="schedule-to-another-region"]')).toContainText(
    "needs the admin role",
  );
  await offsite.getByRole("link", { name: "Take a backup stored in another region" }).click();
  await expect(page).toHaveURL(/\/services\/fabrikam-b2b#take-backup$/);
  const form = page.getByRole("form", { name: "Take a backup" });
  await expect(form).toBeInViewport();
  // The form's region is already one other than the service's own (East US).
  const region = form.getByLabel("Region");
  await expect(region).not.toHaveValue("eastus");
  await expect(region).not.toHaveValue("");
  await expect(form.getByRole("button", { name: "Take a backup" })).toBeEnabled();
  // The service page's own compliance panel offers the same steps.
  const panel = page.getByRole("region", { name: "Backup compliance" });
  await expect(panel.locator('[data-rule="offsite"]')).toContainText("no good backup is stored");
  await expect(
    panel.locator('[data-rule="offsite"]').getByRole("link", {
      name: "Take a backup stored in another region",
    }),
  ).toHaveAttribute("href", "/services/fabrikam-b2b#take-backup");
});

test("an admin's schedule link leads to the schedule form", async ({ page }) => {
  await signInAs(page, "admin", "/compliance");
  await rule(page, "offsite")
    .getByRole("link", { name: "Point the schedule at another region" })
    .click();
  await expect(page).toHaveURL(/\/services\/fabrikam-b2b#schedule-settings$/);
  const form = page.getByRole("form", { name: "Backup schedule" });
  await expect(form).toBeVisible();
  await expect(form.getByLabel("Region")).toHaveValue("eastus");
  await expect(form.getByRole("button", { name: "Save schedule" })).toBeEnabled();
});

// Before the drill below makes fabrikam-eai restorable (the tests of a file run in order).
test("an admin's drill-schedule step leads to the drill schedule form", async ({ page }) => {
  await signInAs(page, "admin", "/compliance");
  await page
    .locator('[data-service-compliance="fabrikam-eai"] [data-rule="restorable"]')
    .getByRole("link", { name: "Schedule restore drills" })
    .click();
  await expect(page).toHaveURL(/\/services\/fabrikam-eai#drill-schedule$/);
  const form = page.getByRole("form", { name: "Drill schedule" });
  await expect(form).toBeInViewport();
  await expect(form.getByLabel("Drill every (days)")).toBeEditable();
});

test("an operator's drill step leads to the drills panel, and a drill run there makes the service restorable", async ({
  page,
}) => {
  test.setTimeout(120_000);
  await signInAs(page, "operator", "/compliance");
  const restorable = page.locator(
    '[data-service-compliance="fabrikam-eai"] [data-rule="restorable"]',
  );
  await expect(restorable.locator("[data-verdict]")).toHaveText("Fail");
  await expect(restorable).toContainText("no restore drill has been run");
  await expect(restorable.locator('[data-step="schedule-drills"]')).toContainText(
    "needs the admin role",
  );
  await restorable.getByRole("link", { name: "Run a restore drill" }).click();
  await expect(page).toHaveURL(/\/services\/fabrikam-eai#drills$/);
  const panel = page.getByRole("region", { name: "Restore drills" });
  await expect(panel).toBeInViewport();
  await panel.getByRole("button", { name: "Run a drill" }).click();
  await expect(panel.getByTestId("last-drill").locator("[data-drill-status]")).toHaveText(
    "Succeeded",
    { timeout: 60_000 },
  );

  await page.goto("/compliance");
  await expect(restorable.locator("[data-verdict]")).toHaveText("Pass");
  await expect(restorable).toContainText(/a drill restored fabrikam-eai-\S+ \d+ s ago/);
  await expect(restorable.locator("[data-step]")).toHaveCount(0);
});

test("the audit log names people by name and e-mail and filters by person, on a phone too", async ({
  page,
}) => {
  // Sign-ins are audited: a viewer's, then the admin's own.
  await signInAs(page, "viewer", "/");
  await page.context().clearCookies();
  await signInAs(page, "admin", "/admin/audit?action=auth.sign-in");
  const log = page.getByTestId("audit-log");
  const actors = log.getByTestId("audit-actor");
  await expect(actors.filter({ hasText: "Demo viewer" }).first()).toContainText(
    "viewer@demo.standfast.test",
  );
  await expect(actors.filter({ hasText: "Demo admin" }).first()).toContainText(
    "admin@demo.standfast.test",
  );

  const filters = page.getByRole("search", { name: "Filter the audit log" });
  await filters
    .getByLabel("Person")
    .selectOption({ label: "Demo viewer <viewer@demo.standfast.test>" });
  await filters.getByRole("button", { name: "Filter" }).click();
  await expect(page).toHaveURL(/[?&]person=/);
  await expect(page).toHaveURL(/[?&]action=auth.sign-in/);
  await expect(actors.first()).toBeVisible();
  for (const actor of await actors.all()) await expect(actor).toContainText("Demo viewer");

  // No sideways scrolling on a phone.
  await page.setViewportSize({ width: 390, height: 844 });
  await page.goto("/admin/audit");
  await expect(log.locator("[data-audit-entry]").first()).toBeVisible();
  const overflow = await page.evaluate(
    () => document.documentElement.scrollWidth - document.documentElement.clientWidth,
  );
  expect(overflow).toBeLessThanOrEqual(0);
});
