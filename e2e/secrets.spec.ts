/**
 * Secrets never leave the server. Every response of this spec (and of the whole suite: see the
 * `test` of ./support) is scanned for the demo estate's secret values; here an admin opens every
 * page and calls every API, and the backup views must not name a server folder either.
 */
import { createServer } from "node:http";
import os from "node:os";
import path from "node:path";
import type { APIRequestContext, Page } from "@playwright/test";
import { demoConfiguration } from "../lib/control-plane/demo-config";
import { DEMO_ESTATE } from "../lib/estate/demo";
import type { Edition } from "../lib/estate/types";
import { ADMIN_TOKEN, BASE_URL } from "./env";
import { findSecrets } from "./secret-scan";
import { expectAllOperational, signInAs, expect, test } from "./support";

const auth = { authorization: `Bearer ${ADMIN_TOKEN}` };
const SERVICES = DEMO_ESTATE.services.map((s) => s.name);
/** e2e/serve.mjs keeps the app's data (and so the default store's archives) in a folder named so. */
const DATA_DIR_PREFIX = path.join(os.tmpdir(), "standfast-e2e-");

const configOf = (id: string) => {
  const s = DEMO_ESTATE.services.find((x) => x.name === id)!;
  return demoConfiguration({
    id,
    edition: s.edition as Edition,
    units: s.units ?? 1,
    region: s.region,
  });
};

async function json<T>(
  request: APIRequestContext,
  url: string,
  init?: { method?: string; data?: unknown },
) {
  const response = await request.fetch(url, {
    method: init?.method ?? "GET",
    data: init?.data,
    headers: auth,
  });
  expect(response.status(), `${url}: ${await response.text()}`).toBeLessThan(300);
  return (await response.json()) as T;
}

type BackupRow = { id: string; name: string; serviceId: string; status: string };

/** What a view of a backup may say about where it is: the store and the region, no file or URL. */
function expectNoLocation(text: string, where: string) {
  const shown: [string, string][] = [
    [DATA_DIR_PREFIX, "the server's data folder"],
    [".sfbackup", "an archive's file name"],
  ];
  for (const [needle, what] of shown) {
    const at = text.indexOf(needle);
    const context = at === -1 ? null : text.slice(Math.max(0, at - 60), at + 80);
    expect(context, `${where} shows ${what}`).toBeNull();
  }
  expect(/"location"\s*:/.test(text), `${where} has a location field`).toBe(false);
}

// These walk the whole app: more pages and calls than one ordinary test.
test.describe.configure({ timeout: 240_000 });

test.beforeEach(async ({ request, secretScan }) => {
  await expectAllOperational(request);
  secretScan.alsoFind(DATA_DIR_PREFIX, "data folder (a server file path)");
});

test("the scanner catches a secret planted in a page, a flight fetch and an API response, naming the URL", async ({
  page,
  request,
  secretScan,
}) => {
  const config = configOf(SERVICES[0]!);
  expect(findSecrets(config.settings.trackingDatabase)).toEqual([
    { service: SERVICES[0], what: "tracking database password" },
  ]);
  expect(findSecrets(`truncated: ${config.sslCertificate.pfxBase64.slice(0, 40)}…`)).toEqual([
    { service: SERVICES[0], what: "SSL certificate with its private key (PFX)" },
  ]);
  expect(
    findSecrets(config.settings.trackingDatabase.replace(/Password=.*/, "Password=[redacted]")),
  ).toEqual([]);
  // However it is encoded: an archive serialised as a Buffer's numbers, or as base64 at any offset.
  const acs = { service: SERVICES[0], what: "access-control (ACS) key" };
  const archived = Buffer.from(`{"settings":{"acsKey":"${config.settings.acsKey}"}}`);
  expect(findSecrets(JSON.stringify({ ok: true, bytes: archived }))).toEqual([acs]);
  for (const prefix of ["", "x", "xy"])
    expect(findSecrets(Buffer.from(prefix + archived.toString()).toString("base64"))).toEqual([
      acs,
    ]);

  await page.route("**/planted-page", (route) =>
    route.fulfill({
      contentType: "text/html",
      body: `<p>${config.settings.monitoringStorage}</p>`,
    }),
  );
  await page.route("**/planted-flight", (route) =>
    route.fulfill({
      contentType: "text/x-component",
      body: `1:["${config.sslCertificate.password}"]`,
    }),
  );
  await page.goto("/planted-page");
  await page.evaluate(async () => (await fetch("/planted-flight")).text());

  const server = createServer((_, res) => res.end(`acsKey=${config.settings.acsKey}`));
  await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
  const address = server.address() as { port: number };
  const apiUrl = `http://127.0.0.1:${address.port}/planted-api`;
  await request.get(apiUrl);
  server.close();

  await expect
    .poll(async () => {
      await secretScan.settle();
      return secretScan.findings.length;
    })
    .toBe(3);
  const service = SERVICES[0];
  expect(secretScan.take()).toEqual(
    expect.arrayContaining([
      {
        url: `${BASE_URL}/planted-page`,
        service,
        what: expect.stringMatching(/^(monitoring|archiving) storage key$/),
      },
      { url: `${BASE_URL}/planted-flight`, service, what: "SSL certificate password" },
      { url: apiUrl, service, what: "access-control (ACS) key" },
    ]),
  );
});

test("every API an operator or admin calls answers without a secret or a server path: backups, verify, operations, compliance, restores", async ({
  request,
}) => {
  const get = <T>(url: string) => json<T>(request, url);
  for (const url of ["/api/board", "/api/v2/summary.json", "/api/v2/components.json"])
    await get(url);
  const { rows } = await get<{ rows: BackupRow[] }>("/api/backups?pageSize=100");
  expect(rows.length).toBeGreaterThan(0);
  expectNoLocation(JSON.stringify(rows), "/api/backups");
  for (const service of SERVICES) {
    const view = await get<object>(`/api/services/${service}/backups`);
    expectNoLocation(JSON.stringify(view), `/api/services/${service}/backups`);
  }

  // One backup of each status, and a fresh one taken and verified now.
  const taken = await json<BackupRow>(request, "/api/backups", {
    method: "POST",
    data: { service: "fabrikam-eai", region: "eastus" },
  });
  await expect
    .poll(async () => (await get<BackupRow>(`/api/backups/${taken.id}`)).status)
    .toBe("succeeded");
  const sample = [taken, ...new Map(rows.map((r) => [r.status, r])).values()];
  for (const b of sample) {
    const detail = await get<Record<string, unknown>>(`/api/backups/${b.id}`);
    expectNoLocation(JSON.stringify(detail), `/api/backups/${b.id}`);
    expect(detail).toMatchObject({ storeId: expect.any(String), region: expect.any(String) });
    if (b.status !== "succeeded") continue;
    const verdict = await json<object>(request, `/api/backups/${b.id}/verify`, {
      method: "POST",
      data: {},
    });
    expect(Object.keys(verdict).sort()).toEqual(["message", "ok"]);
  }

  // An SSL certificate update: the operation says what changed by thumbprint, never the key or password.
  const op = await json<{ detail: Record<string, unknown>; summary: string }>(
    request,
    "/api/services/contoso-edi/operations",
    { method: "POST", data: { kind: "update-ssl-certificate", validForDays: 397 } },
  );
  expect(op.detail).toEqual({
    before: { thumbprint: expect.stringMatching(/^[0-9A-F]{40}$/), expiresAt: expect.any(String) },
    after: { thumbprint: expect.stringMatching(/^[0-9A-F]{40}$/), expiresAt: expect.any(String) },
    privateKeyReplaced: true,
    passwordChanged: true,
  });

  for (const url of ["/api/compliance", "/api/compliance?days=90", "/api/compliance/report.csv"]) {
    const response = await request.get(url, { headers: auth });
    expect(response.status(), url).toBe(200);
    expectNoLocation(await response.text(), url);
  }

  // A restore, followed to the end: its request, progress and log.
  const backup = rows.find((r) => r.serviceId === "fabrikam-eai" && r.status === "succeeded")!;
  const target = "fabrikam-eai-s9";
  const restoreInput = {
    backupId: backup.id,
    target,
    region: "eastus",
    edition: "basic",
    trackingDatabase: `${target}-tracking`,
    storage: "fabrikameais9",
  };
  await json(request, "/api/restores/preflight", { method: "POST", data: restoreInput });
  const restore = await json<{ id: string }>(request, "/api/restores", {
    method: "POST",
    data: { ...restoreInput, confirm: target, idempotencyKey: "secrets-spec-0001" },
  });
  await expect
    .poll(async () => (await get<{ status: string }>(`/api/restores/${restore.id}`)).status)
    .toBe("succeeded");
  await get("/api/restores");
  await get(`/api/services/${target}/backups`);
  for (const url of ["/api/admin/faults", "/api/admin/users", "/api/regions/westeurope/evacuation"])
    await get(url);
});

async function visit(page: Page, url: string) {
  const response = await page.goto(url);
  expect(response?.status(), url).toBe(200);
  await expect(page.getByRole("heading", { level: 1 })).toBeVisible();
  return page.locator("main").innerText();
}

test("every page an admin opens, and the actions on them, show no secret; a backup shows its store and region, not a file", async ({
  page,
  request,
}) => {
  const { rows } = await json<{ rows: BackupRow[] }>(request, "/api/backups?pageSize=100");
  const { restores } = await json<{ restores: { id: string }[] }>(request, "/api/restores");
  const board = await json<{ components: Record<string, unknown> }>(request, "/api/board");
  await signInAs(page, "admin", "/");

  const pages = [
    "/",
    ...SERVICES.map((s) => `/services/${s}`),
    ...Object.keys(board.components).map((c) => `/components/${encodeURIComponent(c)}`),
    "/backups",
    "/backups?status=failed",
    "/compliance",
    "/compliance?days=90",
    "/restores",
    "/restores/new",
    ...restores.map((r) => `/restores/${r.id}`),
    "/admin/audit",
    "/admin/audit?action=control-plane",
    "/admin/audit?action=backups",
    "/admin/users",
  ];
  for (const url of pages) await visit(page, url);

  for (const b of new Map(rows.map((r) => [r.status, r])).values()) {
    const text = await visit(page, `/backups/${b.id}`);
    expectNoLocation(text, `/backups/${b.id}`);
    await expect(page.getByTestId("backup-store")).not.toBeEmpty();
    await expect(page.getByTestId("backup-region")).not.toBeEmpty();
    await visit(page, `/restores/new?backup=${b.id}`);
  }

  // Client navigation (RSC payloads) and server actions: verify an archive, run an operation.
  const good = rows.find((r) => r.status === "succeeded")!;
  await visit(page, `/backups?service=${good.serviceId}&status=succeeded`);
  await page.getByTestId("backups-table").getByRole("link", { name: good.name }).click();
  await expect(page).toHaveURL(`/backups/${good.id}`);
  await page.getByRole("button", { name: "Verify archive" }).click();
  await expect(page.locator("[data-verify-result]")).toHaveAttribute("data-verify-result", "ok");

  await visit(page, "/services/contoso-edi");
  const operation = page.getByRole("form", { name: "Management operation" });
  await operation.getByLabel("Operation").selectOption("update-ssl-certificate");
  await operation.getByLabel("Valid for (days)").fill("398");
  await operation.getByRole("button", { name: "Run operation" }).click();
  await expect(operation.getByRole("status")).toContainText("SSL certificate");
  await visit(page, "/admin/audit?action=control-plane");
  await expect(page.locator("main")).toContainText("update-ssl-certificate");
});
