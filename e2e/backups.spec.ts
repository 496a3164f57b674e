import type { Browser, Page } from "@playwright/test";
import { ADMIN_TOKEN } from "./env";
import { signInAs, expect, test } from "./support";

const auth = { authorization: `Bearer ${ADMIN_TOKEN}` };

/** The "1–25 of 272 backups" line: how many backups the list holds. */
async function totalListed(page: Page): Promise<number> {
  const text = await page.getByTestId("backups-count").innerText();
  const match = /of (\d+) backups/.exec(text);
  expect(match, text).not.toBeNull();
  return Number(match![1]);
}

const rows = (page: Page) => page.getByTestId("backups-table").locator("tbody tr");

test.describe("read by a signed-in viewer", () => {
  test.beforeEach(async ({ page }) => {
    await signInAs(page, "viewer");
  });

  test("the backups page lists the demo estate's backups, newest first, and its filters narrow the list", async ({
    page,
  }) => {
    await page.goto("/backups");
    await expect(page.getByRole("heading", { level: 1 })).toHaveText("Backups");
    await expect(rows(page).first()).toBeVisible();
    const all = await totalListed(page);
    expect(all).toBeGreaterThan(25);
    await expect(rows(page)).toHaveCount(25);
    const started = await rows(page)
      .locator("td[data-label='Started'] time")
      .evaluateAll((els) => els.map((e) => Date.parse(e.getAttribute("datetime")!)));
    expect(started).toEqual([...started].sort((a, b) => b - a));

    const filters = page.getByRole("form", { name: "Filter backups" });
    await filters.getByLabel("Service").selectOption("fabrikam-b2b");
    await filters.getByRole("button", { name: "Apply" }).click();
    await expect(page).toHaveURL(/[?&]service=fabrikam-b2b/);
    const b2b = await totalListed(page);
    expect(b2b).toBeGreaterThan(0);
    expect(b2b).toBeLessThan(all);
    const services = await rows(page).evaluateAll((trs) =>
      trs.map((tr) => tr.getAttribute("data-backup-service")),
    );
    expect(new Set(services)).toEqual(new Set(["fabrikam-b2b"]));

    // Filters combine, and paging keeps them.
    await filters.getByLabel("Status").selectOption("pruned");
    await filters.getByRole("button", { name: "Apply" }).click();
    await expect(page).toHaveURL(/status=pruned/);
    const pruned = await totalListed(page);
    expect(pruned).toBeLessThan(b2b);
    await expect(rows(page).first()).toBeVisible();
    for (const status of await rows(page).locator("[data-backup-status]").all())
      await expect(status).toHaveAttribute("data-backup-status", "pruned");
    await page.getByRole("link", { name: "Older ›" }).click();
    await expect(page).toHaveURL(/page=2/);
    await expect(page).toHaveURL(/service=fabrikam-b2b/);
    await expect(page).toHaveURL(/status=pruned/);
    await expect(page.getByTestId("backups-count")).toContainText(`26–`);
    expect(await totalListed(page)).toBe(pruned);
  });

  test("a bad filter is reported on the page with what to write instead, not a crash", async ({
    page,
  }) => {
    const response = await page.goto("/backups?from=yesterday");
    expect(response?.status()).toBe(200);
    const alert = page.locator("main").getByRole("alert");
    await expect(alert).toContainText("from");
    await expect(alert).toContainText("YYYY-MM-DD");
    await expect(
      page.getByRole("form", { name: "Filter backups" }).getByLabel("From (UTC)"),
    ).toHaveAttribute("aria-invalid", "true");
    await expect(page.getByTestId("backups-table")).toHaveCount(0);

    await page.goto("/backups?status=lost");
    await expect(page.locator("main").getByRole("alert")).toContainText("status");
    await expect(page.locator("main").getByRole("alert")).toContainText("succeeded");
  });

  test("a backup's page shows its manifest, checksum and log, and plainly what it does not contain", async ({
    page,
  }) => {
    await page.goto("/backups?status=succeeded&service=contoso-edi");
    const first = rows(page).first().getByRole("link").first();
    const name = await first.innerText();
    await first.click();
    await expect(page).toHaveURL(/\/backups\/[0-9a-f-]{36}$/);
    await expect(page.getByRole("heading", { level: 1 })).toHaveText(name);
    const outcome = page.getByRole("region", { name: "Outcome" });
    await expect(outcome).toContainText("Succeeded");
    await expect(outcome).toContainText("Verified");

    const manifest = page.getByRole("region", { name: "Manifest" });
    await expect(manifest).toContainText("premium");
    await expect(manifest.getByRole("link", { name: "contoso-edi" })).toBeVisible();
    await expect(page.getByTestId("sha256")).toHaveText(/^[0-9a-f]{64}$/);
    await expect(page.getByTestId("contents")).toContainText(/Agreements\s*\d+/);

    const missing = page.getByRole("region", { name: "What this backup does not contain" });
    await expect(missing).toBeVisible();
    await expect(missing.getByRole("listitem")).toHaveCount(5);
    await expect(missing).toContainText("hybrid connections");
    await expect(missing).toContainText("the tracking database's data");

    await expect(page.getByTestId("backup-log")).toContainText("checksum matches");
  });

  test("an unknown backup gets a real 404 page", async ({ page }) => {
    for (const id of ["00000000-0000-4000-8000-000000000000", "not-a-backup"]) {
      const response = await page.goto(`/backups/${id}`);
      expect(response?.status(), id).toBe(404);
      await expect(page.getByRole("heading", { level: 1 })).toHaveText("No such backup");
    }
  });

  test("the compliance page shows fabrikam-b2b failing the after-change rule, with the uncovered SSL update", async ({
    page,
  }) => {
    await page.goto("/compliance");
    await expect(page.getByRole("heading", { level: 1 })).toHaveText("Backup compliance");
    await expect(page.getByTestId("compliance-summary")).toContainText(/Failing\s*\d+/);

    const b2b = page.locator('[data-service-compliance="fabrikam-b2b"]');
    await expect(b2b.locator("header [data-verdict]")).toHaveAttribute("data-verdict", "fail");
    const rule = b2b.locator('[data-rule="after-change"]');
    await expect(rule.getByRole("rowheader")).toHaveText(
      "Backed up after every management operation",
    );
    await expect(rule.locator("[data-verdict]")).toHaveAttribute("data-verdict", "fail");
    await expect(rule.locator("[data-verdict]")).toHaveText("Fail");
    await expect(
      rule.getByRole("list", { name: "Operations without a backup after them" }),
    ).toContainText("update-ssl-certificate");
    // The same rule passes where the after-change policy backed up each operation.
    await expect(
      page.locator(
        '[data-service-compliance="contoso-edi"] [data-rule="after-change"] [data-verdict]',
      ),
    ).toHaveText("Pass");
    // Every rule of every service has a verdict in words.
    for (const verdict of await page.locator("[data-rule] [data-verdict]").all())
      await expect(verdict).toHaveText(/^(Pass|Fail|Not applicable)$/);

    await expect(
      page.getByRole("heading", { name: "Compliance over the last 30 days" }),
    ).toBeVisible();
    await expect(
      page.getByRole("region", { name: /Compliance over/ }).locator(".recharts-surface"),
    ).toBeVisible();
    await expect(page.getByTestId("trend-note")).toContainText("the estate's facts");
    await expect(page.getByTestId("trend-note")).not.toContainText("today's");
    await page.getByRole("link", { name: "90 days" }).click();
    await expect(page).toHaveURL(/days=90/);
    await expect(
      page.getByRole("heading", { name: "Compliance over the last 90 days" }),
    ).toBeVisible();
    await expect(page.getByTestId("trend-summary")).toContainText("Over these 90 days");
  });

  test("a bad trend window is reported, and 30 days shown", async ({ page }) => {
    const response = await page.goto("/compliance?days=7");
    expect(response?.status()).toBe(200);
    await expect(page.getByRole("status").first()).toContainText("days must be 30 or 90");
    await expect(
      page.getByRole("heading", { name: "Compliance over the last 30 days" }),
    ).toBeVisible();
  });

  test("the compliance CSV export link serves the report as CSV", async ({ page, request }) => {
    await page.goto("/compliance");
    const href = await page.getByRole("link", { name: "Export CSV" }).getAttribute("href");
    expect(href).toBe("/api/compliance/report.csv");
    // Until sign-in lands the browser is anonymous; the link's endpoint is read as a viewer token would.
    const response = await request.get(href!, { headers: auth });
    expect(response.status()).toBe(200);
    expect(response.headers()["content-type"]).toMatch(/^text\/csv/);
    expect(response.headers()["content-disposition"]).toMatch(/attachment; filename=".+\.csv"/);
    const lines = (await response.text()).trim().split("\r\n");
    expect(lines[0]).toBe("service,region,edition,overall,rule,verdict,evidence,items,next steps");
    const b2b = lines.find(
      (l) =>
        l.startsWith("fabrikam-b2b,") && l.includes("Backed up after every management operation"),
    );
    expect(b2b).toMatch(/,fail,/);
    expect(b2b).toContain("update-ssl-certificate");
    expect(b2b).toContain("Take a backup now (operator): /services/fabrikam-b2b#take-backup");
  });

  test("the compliance report prints clean: no navigation, no buttons or links to switch", async ({
    page,
  }) => {
    await page.goto("/compliance");
    await page.emulateMedia({ media: "print", colorScheme: "dark" });
    await expect(page.getByRole("navigation", { name: "Main" })).toBeHidden();
    await expect(page.getByRole("link", { name: "Export CSV" })).toBeHidden();
    await expect(page.getByRole("navigation", { name: "Trend window" })).toBeHidden();
    await expect(page.locator('[data-service-compliance="fabrikam-b2b"]')).toBeVisible();
    const colours = await page.evaluate(() => {
      const body = getComputedStyle(document.body);
      const h1 = getComputedStyle(document.querySelector("h1")!);
      return { background: body.backgroundColor, text: h1.color };
    });
    expect(colours.background).toMatch(/^(rgb\(255, 255, 255\)|oklch\(1 0 0\)|#fff)/);
    expect(colours.text).toMatch(/^(rgb\(0, 0, 0\)|oklch\(0 0 0\)|#000)/);
  });

  test("a service page shows its backups, schedule, timeline and operations; a developer service says it cannot be backed up", async ({
    page,
  }) => {
    await page.goto("/services/fabrikam-b2b");
    const backups = page.getByRole("region", { name: "Backups", exact: true });
    await expect(backups.getByTestId("schedule")).toContainText("every 1 day");
    await expect(backups.getByTestId("schedule")).toContainText("East US");
    await expect(backups.getByTestId("schedule")).toContainText(
      "no backup after management operations",
    );
    await expect(backups.getByTestId("backups-table").locator("tbody tr").first()).toBeVisible();
    await expect(
      page.getByRole("region", { name: "Backups and management operations, last 30 days" }),
    ).toContainText(/\d+ backups? \(/);
    const ops = page.getByRole("region", { name: "Recent management operations" });
    await expect(ops.getByRole("listitem").first()).toContainText("Update the SSL certificate");
    await expect(ops.getByRole("listitem").first()).toContainText("No backup after it yet");

    await page.goto("/services/northwind-dev");
    await expect(
      page.getByRole("region", { name: "Backups", exact: true }).getByTestId("backup-refusal"),
    ).toContainText("developer edition, which cannot be backed up");
    await expect(page.getByRole("form", { name: "Take a backup" })).toHaveCount(0);
  });
});

test("an operator takes a backup, follows it to the end and verifies its archive; a bad name is refused by the field", async ({
  page,
}) => {
  await signInAs(page, "operator", "/backups");
  const form = page.getByRole("form", { name: "Take a backup" });
  const before = await totalListed(page);

  await form.getByLabel("Service").selectOption("contoso-edi");
  await form.getByLabel("Name (optional)").fill("Not A Valid Name");
  await form.getByRole("button", { name: "Take a backup" }).click();
  await expect(form.locator("#take-name-error")).toContainText("lower-case letters");
  await expect(form.getByLabel("Name (optional)")).toHaveValue("Not A Valid Name");
  await page.reload();
  expect(await totalListed(page)).toBe(before);

  await form.getByLabel("Service").selectOption("contoso-edi");
  await form.getByLabel("Name (optional)").fill("");
  await form.getByLabel("Region").selectOption("westus");
  await form.getByRole("button", { name: "Take a backup" }).click();
  await expect(page).toHaveURL(/\/backups\/[0-9a-f-]{36}$/);
  await expect(page.getByRole("heading", { level: 1 })).toHaveText(/^contoso-edi-\d{8}-\d{6}z$/);
  const outcome = page.getByRole("region", { name: "Outcome" });
  await expect(outcome.locator("[data-backup-status]")).toHaveAttribute(
    "data-backup-status",
    "succeeded",
  );
  await expect(page.getByRole("region", { name: "Backup", exact: true })).toContainText("West US");
  await expect(page.getByTestId("sha256")).toHaveText(/^[0-9a-f]{64}$/);

  await page.getByRole("button", { name: "Verify archive" }).click();
  await expect(page.locator("[data-verify-result]")).toHaveAttribute("data-verify-result", "ok");
  await expect(page.locator("[data-verify-result]")).toContainText("checksum matches");

  await page.goto("/backups?service=contoso-edi&region=westus");
  expect(await totalListed(page)).toBe(1);
});

/**
 * A browser that sends the admin API token with every request: pages and server actions see an
 * admin, as they will see a signed-in one. (Sign-in is not merged yet.)
 */
async function adminPage(browser: Browser): Promise<Page> {
  const context = await browser.newContext({ extraHTTPHeaders: auth });
  return context.newPage();
}

test("an admin's schedule and operation forms: refusals land by their field and change nothing; accepted changes show at once", async ({
  browser,
}) => {
  const page = await adminPage(browser);
  await page.goto("/services/contoso-edi");
  const summary = page
    .getByRole("region", { name: "Backups", exact: true })
    .getByTestId("schedule");
  await expect(summary).toContainText("every 1 day");

  const schedule = page.getByRole("form", { name: "Backup schedule" });
  await schedule.getByLabel("Every", { exact: true }).fill("30m");
  await schedule.getByRole("button", { name: "Save schedule" }).click();
  await expect(schedule.locator("#schedule-frequency-error")).toContainText("at least 1h");
  await expect(schedule.getByLabel("Every", { exact: true })).toHaveValue("30m");
  await page.reload();
  await expect(summary).toContainText("every 1 day");

  await schedule.getByLabel("Every", { exact: true }).fill("12h");
  await schedule.getByLabel("Keep for").fill("3d");
  await schedule.getByRole("button", { name: "Save schedule" }).click();
  await expect(schedule.getByRole("status")).toContainText("Schedule saved");
  await expect(summary).toContainText("every 12 hours");
  await expect(summary).toContainText("kept 3 days");

  const operation = page.getByRole("form", { name: "Management operation" });
  await operation.getByLabel("Operation").selectOption("scale-units");
  await operation.getByLabel("Units").fill("99");
  await operation.getByRole("button", { name: "Run operation" }).click();
  await expect(operation.locator("#op-units-error")).toContainText("at most 8 units");
  const ops = page.getByRole("region", { name: "Recent management operations" });
  await expect(ops.getByRole("listitem").first()).not.toContainText("Scale units");

  await operation.getByLabel("Operation").selectOption("update-ssl-certificate");
  await operation.getByLabel("Valid for (days)").fill("400");
  await operation.getByRole("button", { name: "Run operation" }).click();
  await expect(operation.getByRole("status")).toContainText("SSL certificate");
  await expect(ops.getByRole("listitem").first()).toContainText("Update the SSL certificate");
  // The after-change policy backs it up; the page shows it once the backup is done.
  await expect(async () => {
    await page.reload();
    await expect(ops.getByRole("listitem").first()).toContainText("Backed up after:", {
      timeout: 1_000,
    });
  }).toPass();
  await page.context().close();
});

test("a backup taken from a service page is followed live to the end, then its archive verified", async ({
  browser,
}) => {
  const page = await adminPage(browser);
  await page.goto("/services/fabrikam-eai");
  const form = page.getByRole("form", { name: "Take a backup" });
  await form.getByLabel("Region").selectOption("northeurope");
  await form.getByRole("button", { name: "Take a backup" }).click();
  await expect(page).toHaveURL(/\/backups\/[0-9a-f-]{36}$/);
  const outcome = page.getByRole("region", { name: "Outcome" });
  await expect(outcome.locator("[data-backup-status]")).toHaveAttribute(
    "data-backup-status",
    "succeeded",
  );
  await expect(page.getByRole("region", { name: "Backup", exact: true })).toContainText(
    "North Europe",
  );
  await page.getByRole("button", { name: "Verify archive" }).click();
  await expect(page.locator("[data-verify-result]")).toHaveAttribute("data-verify-result", "ok");
  await page.context().close();
});
