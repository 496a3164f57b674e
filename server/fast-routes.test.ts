import { gunzipSync } from "node:zlib";
import { afterAll, beforeAll, beforeEach, describe, expect, it } from "vitest";
import { createTestDatabase, ENGINES } from "../testing/db";
import { invalidateSnapshot } from "../lib/health";
import { installSettings, parseSettings } from "../lib/settings";
import {
  markPollerRunning,
  openEstateDatabase,
  recordStatuses,
  type TestDatabase,
} from "../testing/fixtures";
import { rawRequest, startHttpServer, type TestServer } from "../testing/servers";
import { createFastRoutes } from "./fast-routes";

const PUBLIC_URL = "https://status.example.com";
const V2 = ["/api/v2/summary.json", "/api/v2/status.json", "/api/v2/components.json"];
const NO_DATA = "northwind-dev.storage";

/** The demo estate with fresh statuses for everything but one component. */
async function seed(db: TestDatabase["db"]) {
  const ids = [
    "contoso-edi.tracking-db",
    "contoso-edi.storage",
    "contoso-edi.acs",
    "fabrikam-shared-acs",
    "fabrikam-b2b.roles",
    "fabrikam-b2b.tracking-db",
    "fabrikam-b2b.storage",
    "fabrikam-eai.roles",
    "fabrikam-eai.tracking-db",
    "fabrikam-eai.storage",
    "northwind-dev.roles",
    "northwind-dev.tracking-db",
    "northwind-dev.acs",
  ];
  await recordStatuses(db, [
    ...ids.map((id) => ({ id, status: "operational" as const })),
    {
      id: "contoso-edi.roles",
      status: "partial_outage",
      reason: "1 of 4 instances down: IN_0",
      instances: [
        { name: "IN_0", status: "major_outage" },
        { name: "IN_1", status: "operational" },
        { name: "IN_2", status: "operational" },
        { name: "IN_3", status: "operational" },
      ],
    },
  ]);
  await markPollerRunning(db);
}

describe.each(ENGINES)("fast JSON routes on %s", (engine) => {
  let database: TestDatabase;
  let server: TestServer;
  /** What fastRoute returned for each request: false means it was passed on to Next. */
  const handled: boolean[] = [];

  beforeAll(async () => {
    installSettings(parseSettings({ STANDFAST_BOARD_REFRESH: "5s" }));
    database = await openEstateDatabase(engine);
    await seed(database.db);
    const fastRoute = createFastRoutes({ db: () => database.db, publicUrl: PUBLIC_URL });
    server = await startHttpServer((req, res) => {
      const ours = fastRoute(req, res);
      handled.push(ours);
      if (!ours) {
        res.writeHead(418, { "content-type": "text/plain" });
        res.end("passed on");
      }
    });
  });
  afterAll(async () => {
    await server?.close();
    await database?.close();
  });
  beforeEach(() => invalidateSnapshot());

  const get = (path: string, headers: Record<string, string> = {}, method = "GET") =>
    rawRequest(server.url + path, { method, headers });
  const json = (body: Buffer) => JSON.parse(body.toString("utf8"));

  it.each(V2)("GET %s is 200 JSON with an ETag and open CORS", async (path) => {
    const res = await get(path);
    expect(res.status).toBe(200);
    expect(res.headers["content-type"]).toBe("application/json; charset=utf-8");
    // Weak: the plain and gzip bodies are one document in two encodings.
    expect(res.headers.etag).toMatch(/^W\/"[A-Za-z0-9_-]{10,}"$/);
    expect(res.headers["access-control-allow-origin"]).toBe("*");
    expect(res.headers["cache-control"]).toBe("no-cache");
    expect(res.headers.vary).toBe("Accept-Encoding");
    expect(res.headers["content-encoding"]).toBeUndefined();
    expect(Number(res.headers["content-length"])).toBe(res.body.length);
    const doc = json(res.body);
    expect(doc.page).toMatchObject({ id: "standfast", url: PUBLIC_URL, time_zone: "Etc/UTC" });
    expect(handled.at(-1)).toBe(true);
  });

  it("the documents carry the statuses in the store", async () => {
    const summary = json((await get("/api/v2/summary.json")).body);
    expect(summary.status).toEqual({ indicator: "major", description: "Partial System Outage" });
    const roles = summary.components.find((c: { id: string }) => c.id === "contoso-edi.roles");
    expect(roles.status).toBe("partial_outage");
    expect(summary.components.filter((c: { group: boolean }) => c.group)).toHaveLength(4);
    expect(summary.components.filter((c: { group: boolean }) => !c.group)).toHaveLength(15);
  });

  it("a component with no data shows unknown, in the Statuspage API and on the board", async () => {
    const { components } = json((await get("/api/v2/components.json")).body);
    expect(components.find((c: { id: string }) => c.id === NO_DATA).status).toBe("unknown");
    const board = json((await get("/api/board")).body);
    expect(board.components[NO_DATA]).toMatchObject({
      status: "unknown",
      stale: true,
      checkedAt: null,
    });
    expect(board.services.find((s: { id: string }) => s.id === "northwind-dev").status).toBe(
      "unknown",
    );
  });

  it("gzips when the client accepts it, with the same JSON inside", async () => {
    const plain = await get("/api/v2/summary.json");
    const zipped = await get("/api/v2/summary.json", { "accept-encoding": "br, gzip, deflate" });
    expect(zipped.status).toBe(200);
    expect(zipped.headers["content-encoding"]).toBe("gzip");
    expect(Number(zipped.headers["content-length"])).toBe(zipped.body.length);
    expect(json(gunzipSync(zipped.body))).toEqual(json(plain.body));
    expect(zipped.body.length).toBeLessThan(plain.body.length);
  });

  it("sends plain JSON when gzip is refused or not offered", async () => {
    for (const value of ["gzip;q=0", "identity", "br"]) {
      const res = await get("/api/v2/status.json", { "accept-encoding": value });
      expect(res.headers["content-encoding"], value).toBeUndefined();
      expect(json(res.body).page.id, value).toBe("standfast");
    }
  });

  it.each(V2)("%s answers 304 with no body when If-None-Match has its ETag", async (path) => {
    const first = await get(path);
    const again = await get(path, { "if-none-match": first.headers.etag! });
    expect(again.status).toBe(304);
    expect(again.body.length).toBe(0);
    expect(again.headers.etag).toBe(first.headers.etag);
    expect(again.headers["access-control-allow-origin"]).toBe("*");
  });

  it("If-None-Match also matches in a list, weakly, or with *", async () => {
    const { headers } = await get("/api/v2/status.json");
    const etag = headers.etag!;
    const strong = etag.replace(/^W\//, "");
    for (const value of [`"other", ${etag}`, strong, "*"]) {
      expect((await get("/api/v2/status.json", { "if-none-match": value })).status, value).toBe(
        304,
      );
    }
    expect((await get("/api/v2/status.json", { "if-none-match": '"stale"' })).status).toBe(200);
  });

  it("a changed status changes the ETag, so a cached copy is not served as current", async () => {
    const before = await get("/api/v2/status.json");
    await recordStatuses(database.db, [{ id: "fabrikam-b2b.storage", status: "major_outage" }]);
    invalidateSnapshot();
    const after = await get("/api/v2/status.json", { "if-none-match": before.headers.etag! });
    expect(after.status).toBe(200);
    expect(after.headers.etag).not.toBe(before.headers.etag);
    expect(json(after.body).status.indicator).toBe("critical");
    await recordStatuses(database.db, [{ id: "fabrikam-b2b.storage", status: "operational" }]);
  });

  it("HEAD answers the headers of GET without a body", async () => {
    const getRes = await get("/api/v2/components.json");
    const head = await get("/api/v2/components.json", {}, "HEAD");
    expect(head.status).toBe(200);
    expect(head.body.length).toBe(0);
    expect(head.headers.etag).toBe(getRes.headers.etag);
    expect(head.headers["content-length"]).toBe(getRes.headers["content-length"]);
    expect(head.headers["content-type"]).toBe("application/json; charset=utf-8");
  });

  it.each(["POST", "PUT", "DELETE"])(
    "%s is 405 with an Allow header and a JSON error",
    async (m) => {
      const res = await get("/api/v2/summary.json", {}, m);
      expect(res.status).toBe(405);
      expect(res.headers.allow).toBe("GET, HEAD");
      expect(res.headers["content-type"]).toMatch(/^application\/json/);
      expect(json(res.body).error).toEqual({
        code: "method_not_allowed",
        message: "/api/v2/summary.json answers GET and HEAD only.",
      });
    },
  );

  it("an unknown query parameter is a 400 that names it", async () => {
    const res = await get("/api/v2/summary.json?_=1&callback=cb");
    expect(res.status).toBe(400);
    expect(res.headers["content-type"]).toMatch(/^application\/json/);
    const { error } = json(res.body);
    expect(error.code).toBe("bad_request");
    expect(error.message).toContain('"callback"');
    expect(error.message).not.toContain('"_"');
  });

  it("the `_` cache-buster is allowed", async () => {
    const res = await get("/api/v2/status.json?_=1732450000000");
    expect(res.status).toBe(200);
    expect(json(res.body).status.indicator).toEqual(expect.any(String));
  });

  it("an unknown /api/v2/ path is a 404 JSON listing the endpoints", async () => {
    const res = await get("/api/v2/pages.json");
    expect(res.status).toBe(404);
    expect(res.headers["content-type"]).toMatch(/^application\/json/);
    const { error } = json(res.body);
    expect(error.code).toBe("not_found");
    expect(error.message).toContain("/api/v2/pages.json");
    for (const path of V2) expect(error.message).toContain(path);
    expect(error.message).not.toContain("/api/board");
    expect(handled.at(-1)).toBe(true);
  });

  it("errors from the public API carry the CORS header too, so browsers can read them", async () => {
    for (const [path, method] of [
      ["/api/v2/nope.json", "GET"],
      ["/api/v2/summary.json?x=1", "GET"],
      ["/api/v2/summary.json", "POST"],
    ] as const) {
      const res = await get(path, {}, method);
      expect(res.status, path).toBeGreaterThanOrEqual(400);
      expect(res.headers["access-control-allow-origin"], path).toBe("*");
    }
  });

  it.each(["/", "/services/contoso-edi", "/api/admin/faults", "/api/boards", "/api/v2"])(
    "%s is not ours: it is passed on",
    async (path) => {
      const res = await get(path);
      expect(res.status).toBe(418);
      expect(res.body.toString()).toBe("passed on");
      expect(handled.at(-1)).toBe(false);
    },
  );

  it("/api/board is the board view, not public and not cross-origin", async () => {
    const res = await get("/api/board");
    expect(res.status).toBe(200);
    expect(res.headers["access-control-allow-origin"]).toBeUndefined();
    expect(res.headers.etag).toEqual(expect.any(String));
    const board = json(res.body);
    expect(Object.keys(board).sort()).toEqual(
      [
        "components",
        "counts",
        "demo",
        "estateSource",
        "generatedAt",
        "notServing",
        "overall",
        "poller",
        "refreshMs",
        "regions",
        "services",
        "store",
      ].sort(),
    );
    expect(board.demo).toBe(true);
    expect(board.refreshMs).toBe(5_000);
    expect(board.poller).toMatchObject({ running: true, beatEveryMs: 3_600_000 });
    expect(board.overall).toEqual({ indicator: "major", description: "Partial System Outage" });
    expect(board.regions.map((r: { id: string }) => r.id)).toEqual([
      "westeurope",
      "northeurope",
      "eastus",
      "westus",
      "southeastasia",
    ]);
    expect(Object.keys(board.components)).toHaveLength(15);
    expect(board.components["contoso-edi.roles"]).toMatchObject({
      status: "partial_outage",
      instances: { up: 3, total: 4 },
      kind: "role-instances",
      region: "westeurope",
    });
    expect(board.services.find((s: { id: string }) => s.id === "contoso-edi")).toMatchObject({
      status: "partial_outage",
      edition: "premium",
      components: expect.arrayContaining([{ id: "contoso-edi.roles", role: "roles" }]),
    });
    // fabrikam-eai is suspended: its role instances are counted apart.
    expect(board.counts).toMatchObject({ partial_outage: 1, unknown: 1, operational: 12 });
    expect(board.notServing).toBe(1);
    expect(board.components["fabrikam-eai.roles"]).toMatchObject({
      serviceState: "suspended",
      staleAfterMs: expect.any(Number),
      lastFailure: null,
    });
  });
});

describe("fast JSON routes with an unreadable store", () => {
  it("answer 503 with Retry-After, as JSON", async () => {
    installSettings(parseSettings({}));
    const broken = await createTestDatabase("pglite");
    await broken.close();
    invalidateSnapshot();
    const fastRoute = createFastRoutes({ db: () => broken.db, publicUrl: PUBLIC_URL });
    const server = await startHttpServer((req, res) => void fastRoute(req, res));
    try {
      const res = await rawRequest(`${server.url}/api/v2/status.json`);
      expect(res.status).toBe(503);
      expect(res.headers["retry-after"]).toBe("5");
      expect(JSON.parse(res.body.toString()).error.code).toBe("unavailable");
    } finally {
      await server.close();
    }
  });
});
