import type { APIRequestContext, Page } from "@playwright/test";
import { ADMIN_TOKEN } from "./env";
import { expectAllOperational, signInAs, expect, test } from "./support";

const auth = { authorization: `Bearer ${ADMIN_TOKEN}` };

const signIn = (page: Page, role: "operator" | "viewer", next: string) =>
  signInAs(page, role, next);

/** The newest succeeded backup of a service, read as the admin API client does. */
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

test("an operator restores a backup into another region, follows it to suspended, works through the checklist and resumes the service", async ({
  page,
  request,
}) => {
  const backup = await newestGoodBackup(request, "contoso-edi");
  await signIn(page, "operator", `/backups/${backup.id}`);
  await page.getByTestId("restore-link").click();
  await expect(page).toHaveURL(new RegExp(`/restores/new\\?backup=${backup.id}$`));
  await expect(page.getByTestId("chosen-backup")).toContainText(backup.name);
  await expect(page.getByTestId("edi-warning")).toContainText("EDI control numbers come back");
  await expect(page.getByRole("region", { name: /Not in the backup/ })).toContainText(
    "hybrid connections",
  );

  const form = page.getByRole("form", { name: "Restore target" });
  const target = await form.getByLabel("Target service name").inputValue();
  expect(target).toMatch(/^contoso-edi-[a-z0-9-]+$/);
  const restoreButton = form.getByRole("button", { name: "Restore", exact: true });
  await expect(restoreButton).toBeDisabled();

  // The service lives in West Europe and its backups in North Europe: restore into East US.
  await form.getByLabel("Target region").selectOption("eastus");
  await expect(form.getByTestId("region-status")).toContainText("East US: Operational");
  await form.getByRole("button", { name: "Check" }).click();
  const checks = form.getByTestId("preflight").locator("[data-check]");
  await expect(checks).toHaveCount(7);
  await expect(form.getByTestId("preflight").locator("[data-ok='false']")).toHaveCount(0);
  await expect(form.getByTestId("preflight")).toContainText("eastus is operational");
  await expect(restoreButton).toBeDisabled();

  await form.getByLabel(/to confirm/).fill(target.slice(0, -1));
  await expect(restoreButton).toBeDisabled();
  await form.getByLabel(/to confirm/).fill(target);
  await expect(restoreButton).toBeEnabled();
  await restoreButton.click();

  await expect(page).toHaveURL(/\/restores\/[0-9a-f-]{36}$/);
  await expect(page.getByRole("heading", { level: 1 })).toHaveText(`Restore into ${target}`);
  const live = page.getByTestId("restore-live");
  await expect(live).toHaveAttribute("data-status", "succeeded");
  await expect(live.getByRole("progressbar")).toHaveAttribute("aria-valuenow", "100");
  await expect(live.locator("[data-step][data-state='done']")).toHaveCount(4);
  await expect(page.getByTestId("restore-log")).toContainText(`${target} is suspended`);
  await expect(page.getByTestId("target-state")).toContainText("suspended");

  const resume = page.getByRole("button", { name: `Resume ${target}` });
  const boxes = page.getByRole("list", { name: "Post-restore checklist" }).getByRole("checkbox");
  // Backups are checked against the store (a daily schedule by default), not ticked.
  await expect(boxes).toHaveCount(4);
  for (let i = 0; i < 4; i++) {
    await expect(resume).toBeDisabled();
    await boxes.nth(i).check();
    await expect(page.getByTestId("checklist-count")).toHaveText(`${i + 1} of 4 done`);
  }
  await expect(page.locator("[data-item][data-done='true']").first()).toContainText("ticked by");
  await expect(resume).toBeEnabled();
  await resume.click();
  await expect(page.getByTestId("resumed")).toContainText("Resumed by");
  await expect(page.getByTestId("target-state")).toContainText("active");

  await page.getByRole("link", { name: `Open ${target}` }).click();
  await expect(page).toHaveURL(`/services/${target}`);
  await expect(page.getByRole("heading", { level: 1 })).toHaveText(target);
  // The service page reads the live board, rebuilt at most every second: reload until it shows.
  await expect(async () => {
    await page.reload();
    await expect(page.locator("main header").getByTitle("Service state")).toHaveText("active", {
      timeout: 2_000,
    });
  }).toPass();

  await page.goto("/restores");
  const row = page.getByTestId("restores-table").locator("tbody tr").first();
  await expect(row).toContainText(target);
  await expect(row).toContainText(backup.name);
  await expect(row).toContainText("East US");
  await expect(row).toContainText("Succeeded");
});

test("a viewer finds no restore controls, and the restore page refuses them", async ({
  page,
  request,
}) => {
  const backup = await newestGoodBackup(request, "contoso-edi");
  await signIn(page, "viewer", `/backups/${backup.id}`);
  await expect(page.getByRole("heading", { level: 1 })).toHaveText(backup.name);
  await expect(page.getByTestId("restore-link")).toHaveCount(0);
  await page.goto("/services/contoso-edi");
  await expect(page.getByRole("heading", { level: 1 })).toHaveText("contoso-edi");
  await expect(page.getByTestId("restore-link")).toHaveCount(0);
  await page.goto("/restores");
  await expect(page.getByRole("link", { name: "Restore a backup" })).toHaveCount(0);

  // The restore screen itself needs the operator role: a viewer gets the 403 page.
  const refusedPage = await page.goto(`/restores/new?backup=${backup.id}`);
  expect(refusedPage?.status()).toBe(403);
  await expect(page.getByRole("heading", { level: 1 })).toHaveText("Not allowed");
  await expect(page.getByRole("form", { name: "Restore target" })).toHaveCount(0);
  await expect(page.getByRole("button", { name: "Restore", exact: true })).toHaveCount(0);
});

test("an anonymous visitor is offered no restore: no Restore button or link, and a restore posted without signing in changes nothing", async ({
  page,
  request,
}) => {
  const backup = await newestGoodBackup(request, "contoso-edi");
  // Every restore screen (and the backups themselves) sends an anonymous visitor to sign in.
  for (const path of [
    "/restores/new",
    `/restores/new?backup=${backup.id}`,
    `/backups/${backup.id}`,
  ]) {
    await page.goto(path);
    await expect(page).toHaveURL(
      (url) => url.pathname === "/sign-in" && url.searchParams.get("next") === path,
    );
    await expect(page.getByRole("button", { name: "Restore", exact: true })).toHaveCount(0);
    await expect(page.getByTestId("restore-link")).toHaveCount(0);
  }

  const before = await restoreCount(request);
  const refused = await request.post("/api/restores", {
    data: {
      backupId: backup.id,
      target: "anon-restore",
      region: "eastus",
      edition: "premium",
      trackingDatabase: "anon-restore-tracking",
      storage: "anonrestore",
      confirm: "anon-restore",
      idempotencyKey: "anonymous-0001",
    },
  });
  expect(refused.status()).toBe(401);
  expect(await restoreCount(request)).toBe(before);
});

test("an unknown restore id is a 404 page that leads back to the list", async ({ page }) => {
  await signIn(page, "viewer", "/restores");
  for (const id of ["00000000-0000-4000-8000-000000000000", "not-a-restore"]) {
    const response = await page.goto(`/restores/${id}`);
    expect(response?.status()).toBe(404);
    await expect(page.getByRole("heading", { level: 1 })).toHaveText("No such restore");
    await expect(page.getByRole("link", { name: "Recent restores" })).toHaveAttribute(
      "href",
      "/restores",
    );
  }
});

test("the restore picker finds the last good backup before a time, and says what is wrong with a bad time", async ({
  page,
  request,
}) => {
  // The picker is part of the operator's page; an admin API token stands in for sign-in here.
  await page.setExtraHTTPHeaders(auth);
  const backups = await request.get("/api/backups?service=fabrikam-b2b&status=succeeded", {
    headers: auth,
  });
  const { rows } = (await backups.json()) as {
    rows: { id: string; name: string; startedAt: string | null; requestedAt: string }[];
  };
  expect(rows.length).toBeGreaterThan(1);
  const second = rows[1]!;
  const cut = new Date(Date.parse(second.startedAt ?? second.requestedAt) + 60_000);

  await page.goto("/restores/new?service=fabrikam-b2b");
  const search = page.getByRole("search", { name: "Find a backup" });
  await expect(search.getByLabel("Service")).toHaveValue("fabrikam-b2b");
  await search.getByLabel("Last good backup before (UTC)").fill(cut.toISOString().slice(0, 16));
  await search.getByRole("button", { name: "Find" }).click();
  await expect(page.getByTestId("last-good")).toContainText(second.name);
  await expect(page.locator("[data-backup-choice]").first()).toHaveAttribute(
    "data-backup-choice",
    second.id,
  );
  await page.getByRole("link", { name: `Choose ${second.name}` }).click();
  await expect(page).toHaveURL(`/restores/new?backup=${second.id}`);
  await expect(page.getByTestId("chosen-backup")).toContainText(second.name);
  // fabrikam-b2b is standard: the edition may stay or go up, never down.
  const editions = page.getByRole("form", { name: "Restore target" }).getByLabel("Edition");
  await expect(editions.locator("option")).toHaveText(["Standard (as backed up)", "Premium"]);

  await page.goto("/restores/new?service=fabrikam-b2b&before=yesterday");
  await expect(page.getByRole("alert").filter({ hasText: "yesterday" })).toContainText(
    '"yesterday" is not a date-time: write it as 2026-11-24T08:00 (UTC)',
  );
  await page.goto("/restores/new?backup=00000000-0000-4000-8000-000000000000");
  await expect(
    page.getByRole("alert").filter({ hasText: "There is no backup with the id" }),
  ).toBeVisible();
  await expect(page.getByRole("search", { name: "Find a backup" })).toBeVisible();
});

test("bad restore input is named at its field, and checking changes nothing", async ({
  page,
  request,
}) => {
  // The form is the operator's; an admin API token stands in for sign-in here.
  await page.setExtraHTTPHeaders(auth);
  const backup = await newestGoodBackup(request, "contoso-edi");
  const before = await restoreCount(request);
  await page.goto(`/restores/new?backup=${backup.id}`);
  const form = page.getByRole("form", { name: "Restore target" });
  await form.getByLabel("Storage account").fill("Bad_Name");
  await form.getByRole("button", { name: "Check" }).click();
  await expect(form.locator("#restore-storage-error")).toHaveText(
    "a storage account name: 3 to 24 lower-case letters and digits",
  );
  await expect(form.locator("#restore-region-error")).toHaveText("choose the target region");
  await expect(form.getByLabel("Storage account")).toHaveAttribute("aria-invalid", "true");
  await expect(form.getByLabel("Storage account")).toHaveValue("Bad_Name");

  // A name already in use, and a region with no component read: the checks say which and why.
  await form.getByLabel("Storage account").fill("contosodrstore");
  await form.getByLabel("Target service name").fill("fabrikam-b2b");
  await form.getByLabel("Target region").selectOption("northeurope");
  await form.getByRole("button", { name: "Check" }).click();
  const failed = form.getByTestId("preflight").locator("[data-ok='false']");
  await expect(failed).toHaveCount(2);
  await expect(form.locator("[data-check='target-state']")).toContainText(
    "fabrikam-b2b exists and is active: choose a new name, or delete it first",
  );
  await expect(form.locator("[data-check='region']")).toContainText(
    "northeurope is unknown: restore into a healthy region",
  );
  await form.getByLabel(/to confirm/).fill("fabrikam-b2b");
  await expect(form.getByRole("button", { name: "Restore", exact: true })).toBeDisabled();
  await expect(form.locator("#restore-why")).toHaveText("Fix what failed above, then check again.");
  expect(await restoreCount(request)).toBe(before);
});
