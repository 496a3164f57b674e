import { execFile } from "node:child_process";
import { promisify } from "node:util";
import { ADMIN_TOKEN, BASE_URL } from "./env";
import {
  expectAllOperational,
  expect,
  markWindow,
  expectSameWindow,
  signInAs,
  test,
} from "./support";

/**
 * The board's notices (components/incidents/active-notices.tsx, composed above the grid in
 * app/page.tsx): a fault injected with the CLI shows as an incident on an open board without a
 * reload, with its latest update; upcoming maintenance shows there too.
 */
test.describe.configure({ mode: "serial" });

const run = promisify(execFile);
const standfast = (...args: string[]) =>
  run(process.execPath, ["scripts/standfast.mjs", ...args], {
    env: { ...process.env, STANDFAST_URL: BASE_URL, STANDFAST_TOKEN: ADMIN_TOKEN },
  });

test("an incident appears above the board's grid without a reload, with its latest update, and goes when resolved", async ({
  page,
  request,
}) => {
  await expectAllOperational(request);
  await page.goto("/");
  const notices = page.getByRole("region", { name: "Incidents and maintenance" });
  await markWindow(page);
  // fabrikam-eai is suspended in the demo: it opens no incidents.
  await standfast("simulate", "northwind-dev.roles", "major_outage");
  const notice = notices.locator("article[data-incident]");
  await expect(notice).toContainText("northwind-dev role instances");
  await expect(notice).toContainText("Investigating");
  await expect(notice).toContainText("Critical impact");
  await expect(notice).toContainText("Standfast detected a problem");
  await expectSameWindow(page);
  const id = (await notice.getAttribute("data-incident"))!;

  await standfast("simulate", "--clear");
  await expectAllOperational(request);
  const operator = await page.context().browser()!.newPage();
  await signInAs(operator, "operator", `/incidents/${id}`);
  const form = operator.getByRole("form", { name: "Post an update" });
  await form.getByLabel("Status").selectOption("resolved");
  await form.getByLabel("Message").fill("The roles answer again.");
  await form.getByRole("button", { name: "Post update" }).click();
  await expect(form.getByText("Update posted.")).toBeVisible();
  await operator.close();
  await expect(page.locator(`[data-incident="${id}"]`)).toHaveCount(0);
  await expectSameWindow(page);
});

test("upcoming maintenance shows on the board", async ({ page }) => {
  await signInAs(page, "operator", "/maintenance");
  const minute = (ms: number) => new Date(ms).toISOString().slice(0, 16);
  const form = page.getByRole("form", { name: "Schedule maintenance" });
  await form.getByLabel("Title").fill("Board notice maintenance");
  await form.getByLabel(/^Starts/).fill(minute(Date.now() + 86_400_000));
  await form.getByLabel(/^Ends/).fill(minute(Date.now() + 90_000_000));
  await form.locator('input[name="components"][value="northwind-dev.roles"]').check();
  await form.getByRole("button", { name: "Schedule maintenance" }).click();
  await expect(page).toHaveURL(/\/maintenance\/[^/]+$/);
  const maintenancePage = page.url();

  await page.goto("/");
  const notice = page
    .getByRole("region", { name: "Incidents and maintenance" })
    .locator("article[data-maintenance]")
    .filter({ hasText: "Board notice maintenance" });
  await expect(notice).toContainText("Scheduled");
  await expect(notice).toContainText("northwind-dev role instances");

  // Leave the shared app as it was: called off.
  await page.goto(maintenancePage);
  const update = page.getByRole("form", { name: "Update the maintenance" });
  await update.getByLabel("Status").selectOption("completed");
  await update.getByLabel("Message").fill("Called off.");
  await update.getByRole("button", { name: "Post update" }).click();
  await expect(update).toHaveCount(0);
});
