import { axeEveryMode, h1 } from "./a11y";
import { ADMIN_TOKEN } from "./env";
import { expect, expectAllOperational, signInAs, test } from "./support";

/**
 * Restore drills from the service page. A drill restores into a sandbox that is never a service,
 * so nothing here adds to the demo estate the board specs count.
 */
const auth = { authorization: `Bearer ${ADMIN_TOKEN}` };

test.describe.configure({ timeout: 180_000 });

test.beforeEach(async ({ request }) => {
  await expectAllOperational(request);
});

test("an operator runs a drill from the service page and sees its outcome and RTO; the board never lists its sandbox", async ({
  page,
  request,
}) => {
  await signInAs(page, "operator", "/services/contoso-edi");
  const panel = page.getByRole("region", { name: "Restore drills" });
  await panel.getByRole("button", { name: "Run a drill" }).click();

  // While it runs and after, the board and the status API show the demo estate only.
  const sandboxes: string[] = [];
  await expect
    .poll(async () => {
      const { drills } = (await (
        await request.get("/api/services/contoso-edi/drills", { headers: auth })
      ).json()) as { drills: { sandbox: string; status: string }[] };
      sandboxes.push(...drills.map((d) => d.sandbox));
      const board = await (await request.get("/api/board")).text();
      const status = await (await request.get("/api/v2/components.json")).text();
      expect(board).not.toContain("drill-");
      expect(status).not.toContain("drill-");
      return drills[0]?.status;
    })
    .toBe("succeeded");
  expect(sandboxes.length).toBeGreaterThan(0);

  const last = panel.getByTestId("last-drill");
  await expect(last.locator("[data-drill-status]")).toHaveText("Succeeded");
  await expect(last.getByTestId("drill-rto")).toHaveText(/^\d+(\.\d)? m?s$/);
  await expect(last.getByTestId("drill-reason")).toContainText(
    "restored configuration equals the backup's payload",
  );
  await page.goto("/");
  await expect(page.getByText(/drill-[0-9a-f]{8}/)).toHaveCount(0);
});

test("a viewer sees the last drill but no button to run one", async ({ page }) => {
  await signInAs(page, "viewer", "/services/contoso-edi");
  const panel = page.getByRole("region", { name: "Restore drills" });
  await expect(panel).toContainText("Running a drill needs the operator role.");
  await expect(panel.getByRole("button", { name: "Run a drill" })).toHaveCount(0);
});

test("the service page with its drills panel (admin: run and schedule) has no serious or critical axe violations", async ({
  browser,
}) => {
  const found = await axeEveryMode(browser, "admin", [
    { path: "/services/contoso-edi", ready: h1("contoso-edi") },
  ]);
  expect(found).toEqual([]);
});
