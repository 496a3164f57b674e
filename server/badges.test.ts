import { afterAll, beforeAll, beforeEach, describe, expect, it } from "vitest";
import { tables } from "../lib/db";
import { invalidateSnapshot } from "../lib/health";
import { installSettings, parseSettings } from "../lib/settings";
import {
  ENGINES,
  markPollerRunning,
  openEstateDatabase,
  recordStatuses,
  type TestDatabase,
} from "../testing/fixtures";
import { rawRequest, startHttpServer, type TestServer } from "../testing/servers";
import { createBadgeRoutes } from "./badges";

const NO_DATA = "northwind-dev.storage";

describe.each(ENGINES)("SVG status badges on %s", (engine) => {
  let database: TestDatabase;
  let server: TestServer;
  let privateServer: TestServer;
  const handled: boolean[] = [];
  let signedIn = false;

  beforeAll(async () => {
    installSettings(parseSettings({ STANDFAST_BOARD_REFRESH: "5s" }));
    database = await openEstateDatabase(engine);
    const ids = (await database.db.select({ id: tables.components.id }).from(tables.components))
      .map((c) => c.id)
      .filter((id) => id !== NO_DATA);
    await recordStatuses(database.db, [
      ...ids.map((id) => ({ id, status: "operational" as const })),
      { id: "contoso-edi.roles", status: "partial_outage", reason: "1 of 4 instances down" },
    ]);
    await markPollerRunning(database.db);
    const badges = createBadgeRoutes({ db: () => database.db, maxAgeSeconds: 5 });
    server = await startHttpServer((req, res) => {
      const ours = badges(req, res);
      handled.push(ours);
      if (!ours) {
        res.writeHead(418);
        res.end("passed on");
      }
    });
    const closed = createBadgeRoutes({
      db: () => database.db,
      maxAgeSeconds: 5,
      authorize: async () => signedIn,
    });
    privateServer = await startHttpServer((req, res) => void closed(req, res));
  });
  afterAll(async () => {
    await server?.close();
    await privateServer?.close();
    await database?.close();
  });
  beforeEach(() => invalidateSnapshot());

  const get = (path: string, headers: Record<string, string> = {}, method = "GET") =>
    rawRequest(server.url + path, { method, headers });
  const svg = (body: Buffer) => body.toString("utf8");

  it("the page, a service and a component say their status in words, with an ETag", async () => {
    const page = await get("/badge.svg");
    expect(page.status).toBe(200);
    expect(page.headers["content-type"]).toBe("image/svg+xml; charset=utf-8");
    expect(page.headers["cache-control"]).toBe("public, max-age=5");
    expect(page.headers.etag).toMatch(/^"[\w-]{20,}"$/);
    // The overall indicator "major" (Partial System Outage), in words.
    expect(svg(page.body)).toContain("<title>status: partial outage</title>");
    expect(svg(page.body)).toContain('aria-label="status: partial outage"');

    const service = svg((await get("/badge/services/contoso-edi.svg")).body);
    expect(service).toContain("<title>contoso-edi: partial outage</title>");
    expect(service).toMatch(/<text[^>]*>partial outage<\/text>/);
    const component = svg((await get("/badge/components/contoso-edi.tracking-db.svg")).body);
    expect(component).toMatch(/<title>.+: operational<\/title>/);
    expect(svg((await get(`/badge/components/${NO_DATA}.svg`)).body)).toMatch(/: unknown<\/title>/);
  });

  it("answers 304 to its ETag, and a new ETag once the status changes", async () => {
    const first = await get("/badge/services/fabrikam-b2b.svg");
    expect(svg(first.body)).toContain("fabrikam-b2b: operational");
    const again = await get("/badge/services/fabrikam-b2b.svg", {
      "if-none-match": first.headers.etag!,
    });
    expect(again.status).toBe(304);
    expect(again.body.length).toBe(0);
    await recordStatuses(database.db, [{ id: "fabrikam-b2b.storage", status: "major_outage" }]);
    invalidateSnapshot();
    const changed = await get("/badge/services/fabrikam-b2b.svg", {
      "if-none-match": first.headers.etag!,
    });
    expect(changed.status).toBe(200);
    expect(svg(changed.body)).not.toContain("fabrikam-b2b: operational");
    expect(changed.headers.etag).not.toBe(first.headers.etag);
    await recordStatuses(database.db, [{ id: "fabrikam-b2b.storage", status: "operational" }]);
  });

  it("turns unknown when the component's data is stale, never staying green", async () => {
    const id = "fabrikam-eai.storage";
    await recordStatuses(
      database.db,
      [{ id, status: "operational" }],
      new Date(Date.now() - 3_600_000),
    );
    invalidateSnapshot();
    expect(svg((await get(`/badge/components/${id}.svg`)).body)).toMatch(/: unknown<\/title>/);
    await recordStatuses(database.db, [{ id, status: "operational" }]);
  });

  it("an unknown id is a 404 badge that says so; other methods are refused", async () => {
    const missing = await get("/badge/services/nope.svg");
    expect(missing.status).toBe(404);
    expect(svg(missing.body)).toContain("no such service");
    expect(missing.headers["cache-control"]).toBe("no-store");
    expect((await get("/badge/components/%E0%A4%A.svg")).status).toBe(400);
    const post = await get("/badge.svg", {}, "POST");
    expect(post.status).toBe(405);
    expect(post.headers.allow).toBe("GET, HEAD");
    const head = await get("/badge.svg", {}, "HEAD");
    expect(head.body.length).toBe(0);
    expect(Number(head.headers["content-length"])).toBeGreaterThan(100);
  });

  it("passes other paths on", async () => {
    handled.length = 0;
    for (const path of ["/badges", "/badge", "/badger.svg"])
      expect((await get(path)).status).toBe(418);
    expect(handled).toEqual([false, false, false]);
  });

  it("on a private board, badges need a viewer and are not cached by shared caches", async () => {
    const url = `${privateServer.url}/badge/services/contoso-edi.svg`;
    signedIn = false;
    const refused = await rawRequest(url);
    expect(refused.status).toBe(401);
    expect(svg(refused.body)).not.toContain("partial outage");
    signedIn = true;
    const shown = await rawRequest(url);
    expect(shown.status).toBe(200);
    expect(shown.headers["cache-control"]).toBe("private, no-cache");
    expect(shown.headers.vary).toBe("Authorization, Cookie");
  });
});
