import type { APIResponse } from "@playwright/test";
import { ADMIN_TOKEN } from "./env";
import { clearFaults, expectAllOperational, injectFault, expect, test } from "./support";

const STATUSES = [
  "operational",
  "under_maintenance",
  "degraded_performance",
  "partial_outage",
  "major_outage",
  "unknown",
];
const INDICATORS = ["none", "minor", "major", "critical", "maintenance", "unknown"];

type Component = Record<string, unknown> & { id: string; status: string; group: boolean };

async function json(response: APIResponse) {
  expect(response.headers()["content-type"]).toMatch(/^application\/json/);
  return response.json();
}

function expectPage(page: unknown) {
  expect(page).toEqual({
    id: expect.any(String),
    name: "Standfast",
    url: expect.stringMatching(/^https?:\/\//),
    time_zone: "Etc/UTC",
    updated_at: expect.stringMatching(/^\d{4}-\d\d-\d\dT\d\d:\d\d:\d\d(\.\d+)?Z$/),
  });
}

function expectStatus(status: unknown) {
  expect(status).toEqual({ indicator: expect.any(String), description: expect.any(String) });
  expect(INDICATORS).toContain((status as { indicator: string }).indicator);
}

function expectComponents(components: Component[]) {
  const iso = expect.stringMatching(/^\d{4}-\d\d-\d\dT/);
  for (const c of components) {
    expect(c).toMatchObject({
      id: expect.any(String),
      name: expect.any(String),
      created_at: iso,
      updated_at: iso,
      position: expect.any(Number),
      showcase: expect.any(Boolean),
      start_date: null,
      page_id: expect.any(String),
      group: expect.any(Boolean),
      only_show_if_degraded: false,
    });
    expect("description" in c && "group_id" in c).toBe(true);
    expect(STATUSES).toContain(c.status);
  }
  // Services are groups; their members point back at them.
  const groups = components.filter((c) => c.group);
  expect(groups.map((g) => g.id)).toEqual([
    "contoso-edi",
    "fabrikam-b2b",
    "fabrikam-eai",
    "northwind-dev",
  ]);
  for (const g of groups) {
    for (const member of g.components as string[])
      expect(
        components.find((c) => c.id === member),
        member,
      ).toBeTruthy();
  }
  // Every component appears once, the shared namespace under the first service that uses it.
  const members = components.filter((c) => !c.group);
  expect(members).toHaveLength(15);
  expect(new Set(members.map((c) => c.id)).size).toBe(15);
  expect(members.find((c) => c.id === "fabrikam-shared-acs")?.group_id).toBe("fabrikam-b2b");
}

test.beforeEach(async ({ request }) => {
  await expectAllOperational(request);
});

test.afterEach(async ({ request }) => {
  await clearFaults(request);
});

test("summary.json, status.json and components.json have the Statuspage v2 shape", async ({
  request,
}) => {
  const summary = await json(await request.get("/api/v2/summary.json"));
  expect(Object.keys(summary).sort()).toEqual(
    ["components", "incidents", "page", "scheduled_maintenances", "status"].sort(),
  );
  expectPage(summary.page);
  expectStatus(summary.status);
  expect(summary.status).toEqual({ indicator: "none", description: "All Systems Operational" });
  expect(summary.incidents).toEqual([]);
  expect(summary.scheduled_maintenances).toEqual([]);
  expectComponents(summary.components);

  const status = await json(await request.get("/api/v2/status.json"));
  expect(Object.keys(status).sort()).toEqual(["page", "status"]);
  expectPage(status.page);
  expectStatus(status.status);

  const response = await request.get("/api/v2/components.json");
  expect(response.status()).toBe(200);
  expect(response.headers()["access-control-allow-origin"]).toBe("*");
  const components = await json(response);
  expect(Object.keys(components).sort()).toEqual(["components", "page"]);
  expectPage(components.page);
  expectComponents(components.components);

  // Polling clients may add a cache-buster, and revalidate with the ETag while nothing changes.
  expect((await request.get("/api/v2/status.json?_=123")).status()).toBe(200);
  const etag = response.headers()["etag"]!;
  expect(etag).toBeTruthy();
  const again = await request.get("/api/v2/components.json", {
    headers: { "if-none-match": etag },
  });
  expect(again.status()).toBe(304);
  expect(await again.body()).toHaveLength(0);
});

test("a fault shows in the API with the Statuspage words", async ({ request }) => {
  await injectFault(request, { component: "fabrikam-b2b.tracking-db", status: "major_outage" });
  await expect
    .poll(async () => (await json(await request.get("/api/v2/status.json"))).status)
    .toEqual({ indicator: "critical", description: "Major System Outage" });
  const { components } = await json(await request.get("/api/v2/components.json"));
  const byId = new Map<string, Component>(components.map((c: Component) => [c.id, c]));
  expect(byId.get("fabrikam-b2b.tracking-db")?.status).toBe("major_outage");
  // The service cannot work without its tracking database: its group is as bad, impacted by it.
  expect(byId.get("fabrikam-b2b")?.status).toBe("major_outage");
  expect(byId.get("contoso-edi")?.status).toBe("operational");
});

test("a silenced component is reported as unknown, the API's one extension", async ({
  request,
}) => {
  await injectFault(request, { component: "contoso-edi.storage", status: "silent" });
  await expect
    .poll(async () => {
      const { components } = await json(await request.get("/api/v2/components.json"));
      return components.find((c: Component) => c.id === "contoso-edi.storage")?.status;
    })
    .toBe("unknown");
  const text = await (await request.get("/api/v2/summary.json")).text();
  expect(text).toMatch(/"id":"contoso-edi\.storage","name":"contosoedistore","status":"unknown"/);
  expect(JSON.parse(text).status).toEqual({ indicator: "unknown", description: "Status Unknown" });
});

test("mistakes get JSON errors: unknown parameters, unknown paths, wrong methods", async ({
  request,
}) => {
  const bad = await request.get("/api/v2/summary.json?page=2");
  expect(bad.status()).toBe(400);
  expect(await json(bad)).toEqual({
    error: { code: "bad_request", message: expect.stringContaining('"page"') },
  });

  const missing = await request.get("/api/v2/incidents/upcoming.json");
  expect(missing.status()).toBe(404);
  const body = await json(missing);
  expect(body.error.code).toBe("not_found");
  expect(body.error.message).toContain("/api/v2/summary.json");

  const post = await request.post("/api/v2/status.json", { data: {} });
  expect(post.status()).toBe(405);
  expect(post.headers()["allow"]).toBe("GET, HEAD");
  expect((await json(post)).error.code).toBe("method_not_allowed");
});

test("fault injection needs the admin token", async ({ request }) => {
  const anonymous = await request.post("/api/admin/faults", {
    data: { component: "contoso-edi.roles", status: "major_outage" },
  });
  expect([401, 403]).toContain(anonymous.status());
  const wrong = await request.post("/api/admin/faults", {
    headers: { authorization: "Bearer not-the-token-not-the-token" },
    data: { component: "contoso-edi.roles", status: "major_outage" },
  });
  expect(wrong.status()).toBe(401);
  // Nothing was injected.
  const list = await request.get("/api/admin/faults", {
    headers: { authorization: `Bearer ${ADMIN_TOKEN}` },
  });
  expect(await json(list)).toEqual({ faults: [] });
});
