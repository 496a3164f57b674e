import { randomUUID } from "node:crypto";
import { afterAll, beforeAll, beforeEach, describe, expect, it } from "vitest";
import { createApiToken } from "../lib/auth";
import { tables } from "../lib/db";
import { invalidateSnapshot } from "../lib/health";
import { observePollRead } from "../lib/health";
import { installSettings, parseSettings } from "../lib/settings";
import {
  ENGINES,
  markPollerRunning,
  openEstateDatabase,
  recordStatuses,
  type TestDatabase,
} from "../testing/fixtures";
import { rawRequest, startHttpServer, type TestServer } from "../testing/servers";
import { createMetricsRoute, type MetricsMode } from "./metrics";

describe.each(ENGINES)("/metrics on %s", (engine) => {
  let database: TestDatabase;
  const servers: Record<MetricsMode, TestServer | null> = { token: null, public: null, off: null };
  const tokens = { admin: "", viewer: "" };

  beforeAll(async () => {
    installSettings(parseSettings({ STANDFAST_BOARD_REFRESH: "5s" }));
    database = await openEstateDatabase(engine);
    const ids = (
      await database.db.select({ id: tables.components.id }).from(tables.components)
    ).map((c) => c.id);
    await recordStatuses(
      database.db,
      ids.map((id) => ({ id, status: "operational" as const })),
    );
    await recordStatuses(database.db, [{ id: "contoso-edi.roles", status: "major_outage" }]);
    await markPollerRunning(database.db);
    tokens.admin = (await createApiToken(database.db, { name: "prometheus", role: "admin" })).token;
    tokens.viewer = (await createApiToken(database.db, { name: "widget", role: "viewer" })).token;
    for (const mode of ["token", "public", "off"] as const) {
      const route = createMetricsRoute({ db: () => database.db, mode });
      servers[mode] = await startHttpServer((req, res) => {
        if (!route(req, res)) {
          res.writeHead(418);
          res.end();
        }
      });
    }
  });
  afterAll(async () => {
    for (const s of Object.values(servers)) await s?.close();
    await database?.close();
  });
  beforeEach(() => invalidateSnapshot());

  const scrape = (mode: MetricsMode, headers: Record<string, string> = {}, path = "/metrics") =>
    rawRequest(servers[mode]!.url + path, { headers });
  const asAdmin = () => ({ authorization: `Bearer ${tokens.admin}` });
  /** One sample's value, by metric name and exact labels. */
  const sample = (text: string, series: string) => {
    const line = text.split("\n").find((l) => l.startsWith(`${series} `));
    return line === undefined ? undefined : line.slice(series.length + 1);
  };

  it("by default wants an admin API token", async () => {
    const none = await scrape("token");
    expect(none.status).toBe(401);
    expect(none.headers["www-authenticate"]).toMatch(/^Bearer/);
    expect(none.body.toString()).toMatch(/admin API token/);
    expect((await scrape("token", { authorization: `Bearer ${tokens.viewer}` })).status).toBe(403);
    expect(
      (await scrape("token", { authorization: "Bearer sf_not-a-real-token-at-all" })).status,
    ).toBe(403);
    const ok = await scrape("token", asAdmin());
    expect(ok.status).toBe(200);
    expect(ok.headers["content-type"]).toMatch(/^text\/plain; version=0\.0\.4/);
    expect(ok.headers["cache-control"]).toBe("no-store");
  });

  it("is open with STANDFAST_METRICS=public, absent with off, and leaves other paths alone", async () => {
    expect((await scrape("public")).status).toBe(200);
    const off = await scrape("off", asAdmin());
    expect(off.status).toBe(404);
    expect(off.body.toString()).toMatch(/STANDFAST_METRICS=off/);
    expect((await scrape("public", {}, "/metricsx")).status).toBe(418);
  });

  it("reports each component's and service's status, unknown when stale, and the overall indicator", async () => {
    await recordStatuses(
      database.db,
      [{ id: "fabrikam-eai.storage", status: "operational" }],
      new Date(Date.now() - 3_600_000),
    );
    invalidateSnapshot();
    const text = (await scrape("public")).body.toString();
    expect(
      sample(
        text,
        'standfast_component_status{component="contoso-edi.roles",region="westeurope",kind="role-instances",status="major_outage"}',
      ),
    ).toBe("1");
    expect(text).toMatch(
      /standfast_component_status\{component="fabrikam-eai\.storage",[^}]*status="unknown"\} 1/,
    );
    expect(text).not.toMatch(
      /standfast_component_status\{component="fabrikam-eai\.storage",[^}]*status="operational"\}/,
    );
    expect(text).toMatch(
      /standfast_service_status\{service="contoso-edi",[^}]*status="major_outage"\} 1/,
    );
    expect(text).toMatch(/standfast_overall_status\{indicator="critical"\} 1/);
    expect(sample(text, "standfast_poller_running")).toBe("1");
    await recordStatuses(database.db, [{ id: "fabrikam-eai.storage", status: "operational" }]);
  });

  it("reports backup age per service (+Inf with none), and restore, backup and delivery counts", async () => {
    await database.db.insert(tables.backups).values({
      id: randomUUID(),
      name: "contoso-edi-metrics",
      serviceId: "contoso-edi",
      storeId: "local",
      region: "northeurope",
      trigger: "on-demand",
      status: "succeeded",
      requestedBy: "test",
      finishedAt: new Date(Date.now() - 7_200_000),
    });
    const text = (await scrape("public")).body.toString();
    const age = Number(sample(text, 'standfast_backup_age_seconds{service="contoso-edi"}'));
    expect(age).toBeGreaterThanOrEqual(7_200);
    expect(age).toBeLessThan(7_300);
    expect(sample(text, 'standfast_backup_age_seconds{service="fabrikam-b2b"}')).toBe("+Inf");
    expect(sample(text, 'standfast_backups{status="succeeded"}')).toBe("1");
    expect(sample(text, 'standfast_restores{status="running"}')).toBe("0");
    expect(sample(text, 'standfast_notification_deliveries{status="failed"}')).toBe("0");
  });

  it("counts the poller's reads and failures as they happen", async () => {
    const before = (await scrape("public")).body.toString();
    const count = (t: string, outcome: string) =>
      Number(sample(t, `standfast_poll_duration_seconds_count{outcome="${outcome}"}`) ?? 0);
    const failures = (t: string) => Number(sample(t, "standfast_poll_failures_total") ?? 0);
    observePollRead(true, 0.02);
    observePollRead(false, 5);
    const after = (await scrape("public")).body.toString();
    expect(count(after, "ok") - count(before, "ok")).toBe(1);
    expect(count(after, "failed") - count(before, "failed")).toBe(1);
    expect(failures(after) - failures(before)).toBe(1);
    expect(after).toMatch(/^process_resident_memory_bytes \d+/m);
  });
});
