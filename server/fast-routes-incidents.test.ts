import { afterAll, beforeAll, beforeEach, describe, expect, it } from "vitest";
import type { Actor } from "../lib/roles";
import { invalidateSnapshot } from "../lib/health";
import {
  createIncident,
  invalidateIncidentData,
  postIncidentUpdate,
  runIncidentPass,
  scheduleMaintenance,
  updateMaintenance,
  DEFAULT_DETECTION,
} from "../lib/incidents";
import { installSettings, parseSettings } from "../lib/settings";
import {
  ENGINES,
  markPollerRunning,
  openEstateDatabase,
  type TestDatabase,
} from "../testing/fixtures";
import { readAll } from "../testing/incidents";
import { rawRequest, startHttpServer, type TestServer } from "../testing/servers";
import { createFastRoutes } from "./fast-routes";

const PUBLIC_URL = "https://status.example.com";
const operator: Actor = { kind: "user", id: "u-op", name: "Olivia Operator", role: "operator" };
const ISO = expect.stringMatching(/^\d{4}-\d\d-\d\dT\d\d:\d\d:\d\d(\.\d+)?Z$/);

/** Statuspage's incident fields, exactly. */
const INCIDENT_KEYS = [
  "components",
  "created_at",
  "id",
  "impact",
  "incident_updates",
  "monitoring_at",
  "name",
  "page_id",
  "postmortem_body",
  "postmortem_published_at",
  "resolved_at",
  "shortlink",
  "started_at",
  "status",
  "updated_at",
];
const UPDATE_KEYS = [
  "affected_components",
  "body",
  "created_at",
  "custom_tweet",
  "deliver_notifications",
  "display_at",
  "id",
  "incident_id",
  "status",
  "tweet_id",
  "updated_at",
];

describe.each(ENGINES)("Statuspage incident and maintenance documents on %s", (engine) => {
  let database: TestDatabase;
  let server: TestServer;
  let unresolvedId: string;
  let resolvedId: string;

  beforeAll(async () => {
    installSettings(parseSettings({ STANDFAST_BOARD_REFRESH: "5s" }));
    database = await openEstateDatabase(engine);
    const now = Date.now();
    // Fresh readings on the real clock, so the board is current.
    await readAll(database.db, (now - Date.parse("2026-11-24T10:00:00Z")) / 1000);
    await markPollerRunning(database.db);
    const ctx = { actor: operator, db: database.db };
    resolvedId = await createIncident(ctx, {
      title: "Earlier trouble",
      impact: "minor",
      message: "Slow tracking writes.",
      components: ["fabrikam-b2b.tracking-db"],
    });
    await postIncidentUpdate(ctx, resolvedId, { status: "resolved", message: "Fixed." });
    unresolvedId = await createIncident(ctx, {
      title: "AS2 deliveries failing",
      impact: "major",
      message: "We are investigating <failed> deliveries & retries.",
      components: ["contoso-edi.roles"],
    });
    const hour = 3_600_000;
    await scheduleMaintenance(ctx, {
      title: "Database upgrade",
      scheduledFor: new Date(now + 24 * hour).toISOString(),
      scheduledUntil: new Date(now + 25 * hour).toISOString(),
      components: ["fabrikam-b2b.tracking-db"],
    });
    await scheduleMaintenance(ctx, {
      title: "Storage firmware",
      scheduledFor: new Date(now - hour).toISOString(),
      scheduledUntil: new Date(now + hour).toISOString(),
      components: ["contoso-edi.storage"],
    });
    const earlier = await scheduleMaintenance(ctx, {
      title: "Network change",
      scheduledFor: new Date(now - 2 * hour).toISOString(),
      scheduledUntil: new Date(now + 2 * hour).toISOString(),
      components: ["contoso-edi.roles"],
    });
    await updateMaintenance(ctx, earlier, { status: "completed", message: "Done early." });
    await runIncidentPass(database.db, DEFAULT_DETECTION);
    const fastRoute = createFastRoutes({ db: () => database.db, publicUrl: PUBLIC_URL });
    server = await startHttpServer((req, res) => {
      if (!fastRoute(req, res)) {
        res.writeHead(418);
        res.end();
      }
    });
  });
  afterAll(async () => {
    await server?.close();
    await database?.close();
  });
  beforeEach(() => {
    invalidateSnapshot();
    invalidateIncidentData();
  });

  const get = async (path: string) => {
    const res = await rawRequest(server.url + path, {});
    expect(res.status, path).toBe(200);
    expect(res.headers["access-control-allow-origin"]).toBe("*");
    expect(res.headers.etag).toBeTruthy();
    return JSON.parse(res.body.toString("utf8"));
  };

  it("incidents.json lists every incident with Statuspage's exact fields; unresolved.json only the open one", async () => {
    const doc = await get("/api/v2/incidents.json");
    expect(Object.keys(doc).sort()).toEqual(["incidents", "page"]);
    expect(doc.incidents.map((i: { id: string }) => i.id)).toEqual([unresolvedId, resolvedId]);
    const [open, done] = doc.incidents;
    expect(Object.keys(open).sort()).toEqual(INCIDENT_KEYS);
    expect(open).toMatchObject({
      name: "AS2 deliveries failing",
      status: "investigating",
      impact: "major",
      shortlink: `${PUBLIC_URL}/incidents/${unresolvedId}`,
      started_at: ISO,
      created_at: ISO,
      resolved_at: null,
      page_id: "standfast",
    });
    expect(Object.keys(open.incident_updates[0]).sort()).toEqual(UPDATE_KEYS);
    expect(open.incident_updates[0]).toMatchObject({
      status: "investigating",
      body: "We are investigating <failed> deliveries & retries.",
      incident_id: unresolvedId,
      affected_components: [
        {
          code: "contoso-edi.roles",
          name: "contoso-edi role instances",
          old_status: "operational",
        },
      ],
    });
    expect(open.components.map((c: { id: string }) => c.id)).toEqual(["contoso-edi.roles"]);
    expect(done).toMatchObject({ status: "resolved", resolved_at: ISO });
    expect(done.incident_updates.map((u: { status: string }) => u.status)).toEqual([
      "resolved",
      "investigating",
    ]);

    const unresolved = await get("/api/v2/incidents/unresolved.json");
    expect(unresolved.incidents.map((i: { id: string }) => i.id)).toEqual([unresolvedId]);
  });

  it("scheduled-maintenances.json, upcoming.json and active.json, with scheduled_for and scheduled_until", async () => {
    const all = await get("/api/v2/scheduled-maintenances.json");
    expect(Object.keys(all).sort()).toEqual(["page", "scheduled_maintenances"]);
    // Completed maintenance too, latest start first.
    expect(
      all.scheduled_maintenances.map((m: { name: string; status: string }) => [m.name, m.status]),
    ).toEqual([
      ["Database upgrade", "scheduled"],
      ["Storage firmware", "in_progress"],
      ["Network change", "completed"],
    ]);
    const [upcoming] = (await get("/api/v2/scheduled-maintenances/upcoming.json"))
      .scheduled_maintenances;
    expect(Object.keys(upcoming).sort()).toEqual(
      [
        ...INCIDENT_KEYS.filter((k) => !k.startsWith("postmortem")),
        "scheduled_for",
        "scheduled_until",
      ].sort(),
    );
    expect(upcoming).toMatchObject({
      name: "Database upgrade",
      status: "scheduled",
      impact: "maintenance",
      scheduled_for: ISO,
      scheduled_until: ISO,
    });
    const active = (await get("/api/v2/scheduled-maintenances/active.json")).scheduled_maintenances;
    expect(active.map((m: { name: string; status: string }) => [m.name, m.status])).toEqual([
      ["Storage firmware", "in_progress"],
    ]);
    expect(active[0].components).toMatchObject([
      { id: "contoso-edi.storage", status: "under_maintenance" },
    ]);
  });

  it("summary.json carries the unresolved incidents and the maintenance in progress and upcoming; components in maintenance show it", async () => {
    const summary = await get("/api/v2/summary.json");
    expect(summary.incidents.map((i: { id: string }) => i.id)).toEqual([unresolvedId]);
    expect(summary.scheduled_maintenances.map((m: { status: string }) => m.status)).toEqual([
      "in_progress",
      "scheduled",
    ]);
    const storage = summary.components.find((c: { id: string }) => c.id === "contoso-edi.storage");
    expect(storage).toMatchObject({
      status: "under_maintenance",
      description: expect.stringContaining('Scheduled maintenance "Storage firmware"'),
    });
    const components = await get("/api/v2/components.json");
    expect(
      components.components.find((c: { id: string }) => c.id === "contoso-edi.storage").status,
    ).toBe("under_maintenance");
  });
});
