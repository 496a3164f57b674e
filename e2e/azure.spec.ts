import fs from "node:fs";
import path from "node:path";
import type { Page } from "@playwright/test";
import {
  RECORDED_HEALTH,
  RECORDED_STORE,
  selfSignedCertificate,
  startAzureFixtures,
  UNAVAILABLE,
  type AzureFixtureServer,
} from "../testing/azure-fixtures";
import { SPARE_PORT } from "./env";
import { board, startApp, tempDataDir, type App, expect, test } from "./support";

/**
 * The whole app reads an estate from "Azure": the recorded responses served over https on
 * loopback, trusted through NODE_EXTRA_CA_CERTS, with a client-secret credential that signs in
 * at the same server. Nothing in the app knows it is not Azure.
 */
let fixtures: AzureFixtureServer;
let app: App;
let dataDir = "";
let tlsDir = "";

function estateFile(base: string): string {
  const text = `
regions:
  - id: westus
    name: West US
azure:
  cloud: custom
  armEndpoint: ${base}/management
  metricsEndpoint: ${base}/{region}.metrics
  logsEndpoint: ${base}/logs
  authorityHost: ${base}/login
  credential:
    type: client-secret
    tenantId: standfast-e2e
    clientId: e2e-client
    clientSecretEnv: STANDFAST_E2E_AZURE_SECRET
  retry:
    maxRetries: 1
    delay: 100ms
services:
  - name: contoso-azure
    edition: standard
    region: westus
    roles:
      instances: 2
      source:
        type: azure-metrics
        resourceId: ${RECORDED_STORE}
        metrics:
          - name: HttpIncomingRequestCount
            aggregation: average
            above: { degraded: 100 }
    trackingDatabase:
      name: contoso-azure-tracking
      source: { type: azure-resource-health, resourceId: ${RECORDED_HEALTH.cognitive} }
    storage:
      name: account1250872478
      replication: GRS
      source: { type: azure-resource-health, resourceId: ${RECORDED_HEALTH.storage} }
    accessControl:
      name: mynamespacexxyyz
      source: { type: azure-resource-health, resourceId: ${RECORDED_HEALTH.serviceBus} }
`;
  const file = path.join(dataDir, "estate.yaml");
  fs.writeFileSync(file, text);
  return file;
}

test.beforeAll(async () => {
  test.setTimeout(120_000);
  const tls = selfSignedCertificate();
  tlsDir = tls.dir;
  fixtures = await startAzureFixtures({ tls: { cert: tls.cert, key: tls.key } });
  dataDir = tempDataDir();
  app = await startApp({
    port: SPARE_PORT,
    dataDir,
    env: {
      STANDFAST_ESTATE: estateFile(fixtures.url),
      NODE_EXTRA_CA_CERTS: tls.certFile,
      STANDFAST_E2E_AZURE_SECRET: "e2e-client-secret",
    },
  });
});

test.afterAll(async () => {
  await app?.stop();
  await fixtures?.close();
  for (const dir of [dataDir, tlsDir]) if (dir) fs.rmSync(dir, { recursive: true, force: true });
});

const cellOf = (page: Page, id: string) => board(page).cell(id);

test("the board shows what Azure's answers imply, and an error response as unknown with its reason", async ({
  page,
}) => {
  test.setTimeout(120_000);
  await page.goto(app.url);
  // Metrics under their thresholds; Resource Health's recorded Available and Unknown.
  await expect(cellOf(page, "contoso-azure.roles")).toHaveAttribute("data-status", "operational");
  await expect(cellOf(page, "contoso-azure.storage")).toHaveAttribute("data-status", "operational");
  await expect(cellOf(page, "contoso-azure.acs")).toHaveAttribute("data-status", "operational");
  await expect(cellOf(page, "contoso-azure.tracking-db")).toHaveAttribute("data-status", "unknown");
  await expect(cellOf(page, "contoso-azure.tracking-db")).toHaveAccessibleName(
    /We are currently unable to determine the health of this Cognitive Services resource/,
  );
  // It signed in with the client secret, and sent that token to every service.
  expect(fixtures.requests.some((r) => r.path.endsWith("/oauth2/v2.0/token"))).toBe(true);
  const calls = fixtures.requests.filter((r) => r.host !== "login");
  expect(calls.length).toBeGreaterThan(0);
  expect(calls.every((r) => r.authorization === "Bearer fixture-token")).toBe(true);

  // Resource Health reports the storage account Unavailable: a major outage, reason and times on its page.
  fixtures.scenario = { health: { states: { [RECORDED_HEALTH.storage]: UNAVAILABLE } } };
  await expect(cellOf(page, "contoso-azure.storage")).toHaveAttribute(
    "data-status",
    "major_outage",
  );
  await page.goto(`${app.url}/components/contoso-azure.storage`);
  const summary = page.getByRole("region", { name: "Current status" });
  await expect(summary).toContainText("Major outage");
  await expect(summary).toContainText(
    "We're sorry, your storage account isn't available because of an Azure platform problem. (Unplanned; since 2023-11-30 01:15 UTC; reported 2023-11-30 02:06 UTC)",
  );

  // Azure Monitor answers 500 on every try: the role instances turn unknown, saying why.
  fixtures.scenario = { metrics: { fault: { status: 500 } } };
  await page.goto(app.url);
  await expect(cellOf(page, "contoso-azure.roles")).toHaveAttribute("data-status", "unknown");
  await expect(cellOf(page, "contoso-azure.roles")).toHaveAccessibleName(
    /no fresh data for \d+ s; last read failed: Azure Monitor metrics: HTTP 500 InternalServerError/,
  );
  await expect(board(page).overall).not.toHaveText("All Systems Operational");
});
