import type { APIRequestContext } from "@playwright/test";
import { ADMIN_TOKEN } from "./env";
import { expectAllOperational, signInAs, expect, test } from "./support";

const auth = { authorization: `Bearer ${ADMIN_TOKEN}` };

async function newestGoodBackup(request: APIRequestContext, service: string) {
  const response = await request.get(`/api/backups?service=${service}&status=succeeded`, {
    headers: auth,
  });
  expect(response.status(), await response.text()).toBe(200);
  const { rows } = (await response.json()) as { rows: { id: string; name: string }[] };
  expect(rows.length, `${service} has a succeeded backup`).toBeGreaterThan(0);
  return rows[0]!;
}

async function restoreCount(request: APIRequestContext): Promise<number> {
  const response = await request.get("/api/restores", { headers: auth });
  expect(response.status()).toBe(200);
  return ((await response.json()) as { restores: unknown[] }).restores.length;
}

test.beforeEach(async ({ request }) => {
  await expectAllOperational(request);
});

test("an operator picks the new service's replication and backup schedule; the checklist checks them against the store and /compliance passes them", async ({
  page,
  request,
}) => {
  const backup = await newestGoodBackup(request, "contoso-edi");
  await signInAs(page, "operator", `/restores/new?backup=${backup.id}`);
  const form = page.getByRole("form", { name: "Restore target" });
  const target = await form.getByLabel("Target service name").inputValue();
  await form.getByLabel("Target region").selectOption("eastus");

  // Compliant by default; a non-geo choice says what it will fail.
  const replication = form.getByLabel("Storage replication");
  await expect(replication).toHaveValue("GRS");
  await replication.selectOption("LRS");
  await expect(form).toContainText("LRS keeps no copy in another region");
  await replication.selectOption("RA-GRS");
  await expect(form).not.toContainText("keeps no copy in another region");
  const schedule = form.getByLabel("Backup schedule");
  await expect(schedule).toHaveValue("daily");
  await schedule.selectOption("none");
  await expect(form).toContainText("the service will fail the backup compliance rules");
  await schedule.selectOption("daily");

  await form.getByRole("button", { name: "Check" }).click();
  await expect(form.getByTestId("preflight").locator("[data-ok='false']")).toHaveCount(0);
  await form.getByLabel(/to confirm/).fill(target);
  await form.getByRole("button", { name: "Restore", exact: true }).click();

  await expect(page).toHaveURL(/\/restores\/[0-9a-f-]{36}$/);
  const restoreId = page.url().split("/").pop()!;
  await expect(page.getByTestId("restore-live")).toHaveAttribute("data-status", "succeeded");
  const checked = page.getByRole("list", { name: "Checked against the store" });
  await expect(checked.locator("[data-item='automated-backups']")).toContainText(
    "Automated backups are scheduled on the restored service: checked",
  );
  await expect(checked.locator("[data-item='automated-backups']")).toContainText(
    "Found: every 24 h to",
  );
  await expect(checked.locator("[data-item='storage-replication']")).toContainText(
    "RA-GRS: a copy is kept in another region",
  );
  await expect(checked.locator("[data-ok='false']")).toHaveCount(0);

  // The API's JSON carries the same checks and the choices.
  const json = await request.get(`/api/restores/${restoreId}`, { headers: auth });
  expect(json.status()).toBe(200);
  const view = (await json.json()) as {
    storageReplication: string;
    backupSchedule: { kind: string };
    checks: { id: string; ok: boolean }[];
  };
  expect(view.storageReplication).toBe("RA-GRS");
  expect(view.backupSchedule.kind).toBe("daily");
  expect(view.checks.map((c) => [c.id, c.ok])).toEqual([
    ["automated-backups", true],
    ["storage-replication", true],
  ]);

  // The compliance report judges the restored service's storage by the choice.
  await page.goto("/compliance");
  const mine = page.locator(`[data-service-compliance="${target}"]`);
  await expect(mine.locator('[data-rule="storage-geo"] [data-verdict]')).toHaveText("Pass");
});

test("a restore with a bad replication or schedule is refused with the field named, and nothing is restored", async ({
  request,
}) => {
  const backup = await newestGoodBackup(request, "contoso-edi");
  const before = await restoreCount(request);
  const body = {
    backupId: backup.id,
    target: "bad-choices",
    region: "eastus",
    edition: "premium",
    trackingDatabase: "bad-choices-tracking",
    storage: "badchoices",
    confirm: "bad-choices",
  };
  for (const [field, value] of [
    ["storageReplication", "XYZ"],
    ["storageReplication", 7],
    ["backupSchedule", "hourly"],
  ] as const) {
    const refused = await request.post("/api/restores", {
      headers: auth,
      data: { ...body, [field]: value, idempotencyKey: `bad-choice-${field}-${value}` },
    });
    expect(refused.status(), await refused.text()).toBeGreaterThanOrEqual(400);
    expect(refused.status()).toBeLessThan(500);
    expect(await refused.text()).toContain(field);
  }
  expect(await restoreCount(request)).toBe(before);
});
