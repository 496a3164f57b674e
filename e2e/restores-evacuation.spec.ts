import { execFile } from "node:child_process";
import { promisify } from "node:util";
import { ADMIN_TOKEN, BASE_URL } from "./env";
import { expect, expectAllOperational, signInAs, test } from "./support";

const run = promisify(execFile);

/** `npm run standfast -- …` against the shared app, with the suite's admin token; its stdout. */
async function standfast(...args: string[]) {
  const env = { ...process.env, STANDFAST_URL: BASE_URL, STANDFAST_TOKEN: ADMIN_TOKEN };
  return (await run(process.execPath, ["scripts/standfast.mjs", ...args], { env })).stdout;
}

/**
 * Evacuating a region from its page: the plan (risks first), one typed confirmation, and the
 * restores it starts, followed on the same page. It leaves a restored service on the shared app,
 * so this file sorts after the specs that count the demo estate.
 */
test.describe.configure({ mode: "serial", timeout: 180_000 });

test("a viewer reads a region's plan with its risks first, and is told starting it is for operators", async ({
  page,
}) => {
  await signInAs(page, "viewer", "/regions/eastus/evacuate");
  await expect(page.getByRole("heading", { level: 1 })).toHaveText("Evacuate East US");
  // fabrikam-b2b keeps its backups in East US itself: nothing to bring it back from.
  await expect(page.locator('[data-risk="fabrikam-b2b"]')).toContainText(
    "No good backup outside East US: there is nothing to restore it from.",
  );
  await expect(page.getByTestId("operator-only")).toBeVisible();
  await expect(page.getByRole("button", { name: "Start the restores" })).toHaveCount(0);
  await expect(page.getByText(/EDI control numbers/)).toBeVisible();
});

test("an operator starts a region's evacuation with one typed confirmation and follows the restores to the end", async ({
  page,
  request,
}) => {
  await expectAllOperational(request);
  await signInAs(page, "operator", "/regions/westeurope/evacuate");
  await expect(page.getByRole("heading", { level: 1 })).toHaveText("Evacuate West Europe");
  // contoso-edi's backups are kept in North Europe; North Europe has nothing monitored, so the
  // plan picks a region known to be healthy.
  await expect(page.getByLabel("Restore contoso-edi")).toBeChecked();
  await expect(page.getByLabel("As")).toHaveValue("contoso-edi-dr");
  await expect(page.getByText(/held in northeurope/)).toBeVisible();
  const start = page.getByRole("button", { name: "Start the restores" });
  await expect(start).toBeDisabled();
  await page.getByLabel("Type westeurope to start every ticked restore").fill("west");
  await expect(start).toBeDisabled();
  await page.getByLabel("Type westeurope to start every ticked restore").fill("westeurope");
  await start.click();
  await expect(page.locator('[data-outcome="contoso-edi"]')).toContainText(
    "Started: restore into contoso-edi-dr",
  );
  await expect(page.getByText("1 restore(s) started, 0 refused.")).toBeVisible();

  // The page follows the restore by itself until it is done.
  const progress = page.getByRole("region", { name: "Restores of this evacuation" });
  await expect(progress).toContainText("contoso-edi → contoso-edi-dr");
  await expect(progress).toContainText("Succeeded", { timeout: 60_000 });

  // Started again, the same restore comes back: nothing runs twice.
  await page.reload();
  await page.getByLabel("Type westeurope to start every ticked restore").fill("westeurope");
  await page.getByRole("button", { name: "Start the restores" }).click();
  await expect(page.locator('[data-outcome="contoso-edi"]')).toContainText(
    "Started: restore into contoso-edi-dr",
  );
  await expect(progress.locator("li")).toHaveCount(1);
});

test("the CLI starts a region's evacuation with --start --confirm, and a second run starts nothing new", async ({
  request,
}) => {
  await expectAllOperational(request);
  // fabrikam-eai lives in West US and keeps its backups in West Europe.
  const plan = JSON.parse(await standfast("evacuate", "westus", "--plan", "--json")) as {
    rows: { serviceId: string; risk: string | null; target: { name: string } | null }[];
  };
  const row = plan.rows.find((r) => r.serviceId === "fabrikam-eai")!;
  expect(row.risk).toBeNull();
  type Outcome = { serviceId: string; restoreId: string | null; error: string | null };
  const first = JSON.parse(
    await standfast("evacuate", "westus", "--start", "--confirm", "westus", "--json"),
  ) as Outcome[];
  expect(first).toEqual([
    expect.objectContaining({
      serviceId: "fabrikam-eai",
      restoreId: expect.any(String),
      error: null,
    }),
  ]);
  const again = JSON.parse(
    await standfast("evacuate", "westus", "--start", "--confirm", "westus", "--json"),
  ) as Outcome[];
  expect(again[0]!.restoreId).toBe(first[0]!.restoreId);
  await expect
    .poll(
      async () =>
        (
          (await (
            await request.get(`/api/restores/${first[0]!.restoreId}`, {
              headers: { authorization: `Bearer ${ADMIN_TOKEN}` },
            })
          ).json()) as { status: string }
        ).status,
      { timeout: 60_000, message: "the CLI's restore finishes" },
    )
    .toBe("succeeded");
});
