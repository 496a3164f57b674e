import fs from "node:fs";
import path from "node:path";
import YAML from "yaml";
import { makeEstate } from "../scripts/bench/estate.mjs";
import { ADMIN_TOKEN, SPARE_PORT } from "./env";
import type { Page } from "@playwright/test";
import { board, expect, startApp, tempDataDir, test, withoutScripts, type App } from "./support";

/**
 * An estate past the size where healthy services fold to one line: 60 services in 5 regions,
 * read every 2 s, in an app of its own.
 */
const estate = { ...makeEstate({ services: 60, regions: 5 }), defaults: { interval: "2s" } };
const names = estate.services.map((s) => s.name).sort();

let dataDir = "";
let app: App | null = null;
test.beforeAll(async () => {
  test.setTimeout(150_000);
  dataDir = tempDataDir();
  const file = path.join(dataDir, "estate.yaml");
  fs.writeFileSync(file, YAML.stringify(estate));
  app = await startApp({
    port: SPARE_PORT,
    dataDir,
    env: { STANDFAST_ESTATE: file, STANDFAST_ADMIN_TOKEN: ADMIN_TOKEN! },
  });
  await expect
    .poll(
      async () => (await (await fetch(`${app!.url}/api/v2/status.json`)).json()).status.indicator,
      {
        message: "the estate is read and all operational",
        timeout: 90_000,
      },
    )
    .toBe("none");
});
test.afterAll(async () => {
  await app?.stop();
  fs.rmSync(dataDir, { recursive: true, force: true });
});

/** The services the board lists, in order. */
const order = (page: Page, selector = "[data-service]") =>
  page.locator(selector).evaluateAll((els) => els.map((e) => e.getAttribute("data-service")));

async function fault(method: "POST" | "DELETE", body: object) {
  const r = await fetch(`${app!.url}/api/admin/faults`, {
    method,
    headers: { authorization: `Bearer ${ADMIN_TOKEN}`, "content-type": "application/json" },
    body: JSON.stringify(body),
  });
  expect(r.status, await r.text()).toBe(method === "POST" ? 201 : 200);
}

test("a large estate: problems first and open, healthy services one line each, opened in place", async ({
  page,
}) => {
  test.setTimeout(120_000);
  const [worst, impaired] = [names[41]!, names[7]!];
  await page.goto(app!.url);
  const b = board(page);
  await expect(b.overall).toHaveText("All Systems Operational");
  // Every service healthy: each is one line, in name order, with no cells until opened.
  const lines = page.locator("details[data-service]");
  await expect(lines).toHaveCount(60);
  await expect.poll(() => order(page)).toEqual(names);
  await expect(page.locator("a.cell")).toHaveCount(0);
  await expect(b.service(names[0]!).locator("summary")).toHaveText(
    new RegExp(`^Operational ${names[0]} .*· 4 of 4 components operational$`),
  );

  // Each change is announced, politely, as the board sees it.
  await fault("POST", { component: `${worst}.roles`, status: "major_outage" });
  await expect(b.announcement).toContainText(`${worst} role instances: major outage`);
  await fault("POST", { component: `${impaired}.storage`, status: "degraded_performance" });
  await expect(b.announcement).toContainText(`${impaired} storage account: degraded`);
  // Problems first, the worst first, each open with its cells; the rest still one line each.
  await expect(b.services.nth(0)).toHaveAttribute("data-service", worst);
  await expect(b.services.nth(1)).toHaveAttribute("data-service", impaired);
  await expect(b.service(worst)).toHaveJSProperty("tagName", "DIV");
  await expect(b.service(worst).locator("a.cell")).toHaveCount(4);
  await expect(b.cell(`${worst}.roles`)).toHaveAttribute("data-status", "major_outage");
  await expect(b.cell(`${impaired}.storage`)).toContainText("Degraded");
  await expect(lines).toHaveCount(58);
  const rest = names.filter((n) => n !== worst && n !== impaired);
  expect(await order(page, "details[data-service]")).toEqual(rest);

  // A healthy one opens in place, showing its components, and stays open as the board refreshes.
  const healthy = b.service(rest[0]!);
  await healthy.locator("summary").click();
  await expect(healthy).toHaveAttribute("open");
  await expect(healthy.locator("a.cell")).toHaveCount(4);
  await expect(healthy.getByRole("link", { name: rest[0]!, exact: true })).toBeVisible();
  const generated = await page.locator("#board").getAttribute("data-generated-at");
  await expect(page.locator("#board")).not.toHaveAttribute("data-generated-at", generated!);
  await expect(healthy).toHaveAttribute("open");
  await expect(healthy.locator("a.cell")).toHaveCount(4);

  // Problems only: just the two, with only their problems.
  await b.problemsOnly.click();
  await expect(b.problemsOnly).toHaveText("✓ Problems only (2 services)");
  await expect.poll(() => order(page)).toEqual([worst, impaired]);
  await expect(page.locator("a.cell")).toHaveCount(2);

  await fault("DELETE", {});
  await expect(page.getByText("No problems: every component is operational.")).toBeVisible();
  await b.problemsOnly.click();
  await expect(lines).toHaveCount(60);
});

test("a large estate's page stays small: one line per healthy service, the board's data sent once", async ({
  request,
}) => {
  const response = await request.get(`${app!.url}/`);
  expect(response.status()).toBe(200);
  const html = await response.text();
  const markup = withoutScripts(html);
  expect(markup.match(/<details [^>]*class="svc svc-collapsed"/g)).toHaveLength(60);
  // No cell markup for folded services, and no copy of the board in the hydration data.
  expect(markup).not.toContain('class="cell"');
  expect(html).not.toContain("contoso-edi-tracking");
});
