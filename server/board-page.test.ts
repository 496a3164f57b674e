import type { IncomingMessage, ServerResponse } from "node:http";
import { gunzipSync } from "node:zlib";
import { afterAll, beforeAll, beforeEach, describe, expect, it } from "vitest";
import { ENGINES } from "../testing/db";
import { invalidateSnapshot } from "../lib/health";
import { createIncident, postIncidentUpdate } from "../lib/incidents";
import type { Actor } from "../lib/roles";
import { installSettings, parseSettings } from "../lib/settings";
import {
  markPollerRunning,
  openEstateDatabase,
  recordStatuses,
  type TestDatabase,
} from "../testing/fixtures";
import { rawRequest, startHttpServer, type TestServer } from "../testing/servers";
import { createBoardPage } from "./board-page";
import { isOwnRender } from "./next-render";

const DEMO = [
  "contoso-edi.roles",
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
  "northwind-dev.storage",
  "northwind-dev.acs",
];
const operator: Actor = { kind: "user", id: "u-op", name: "Olivia Operator", role: "operator" };
const SESSION = "standfast.session_token=abc.def";

/** One of Next's own scripts, as React writes it into the page. */
const NEXT_SCRIPT = (name: string) =>
  `<script src="/_next/static/chunks/${name}.js" async=""></script>`;

/**
 * A stand-in for Next's handler: the page around the board, with the slot's marker both where the
 * board goes and (escaped) in its hydration data, as Next renders it. A private board sends
 * visitors without a session to sign in.
 */
function fakeNext(state: {
  renders: string[];
  passed: string[];
  hold: Promise<void> | null;
  private: boolean;
  broken: boolean;
}) {
  return (req: IncomingMessage, res: ServerResponse) => {
    const own = isOwnRender(req.headers);
    (own ? state.renders : state.passed).push(`${req.url} ${req.headers.cookie ?? "-"}`);
    const answer = () => {
      const signedIn = (req.headers.cookie ?? "").includes("session_token");
      if (state.broken) {
        res.writeHead(500, { "content-type": "text/html" });
        return res.end("<p>Next could not render</p>");
      }
      if (state.private && !signedIn) {
        res.writeHead(307, { location: "/sign-in?next=%2F" });
        return res.end();
      }
      res.writeHead(200, {
        "content-type": "text/html; charset=utf-8",
        "cache-control": "private, no-cache, no-store, max-age=0, must-revalidate",
        vary: "rsc, next-router-state-tree, Accept-Encoding",
        "set-cookie": "standfast.session_data=refreshed; Path=/; HttpOnly",
      });
      res.end(
        `<!DOCTYPE html><html><head>${NEXT_SCRIPT("main")}</head><body><!--page ${state.renders.length}--><nav>${signedIn ? "Signed in as Ada" : "Sign in"}</nav>` +
          `<div id="board-root"><!--standfast:board--></div>` +
          `<script>self.__next_f.push([1,"\\u003c!--standfast:board--\\u003e"])</script>${NEXT_SCRIPT("page")}</body></html>`,
      );
    };
    if (own && state.hold) void state.hold.then(answer);
    else answer();
  };
}

/**
 * Stands for the live board's script: the page must carry it inline, after the board, in the slot,
 * followed there by the loader of Next's scripts (next-scripts.ts), which lists them in order.
 */
const LIVE_SCRIPT = "window.liveBoardScriptRan=1";
const INLINE_LIVE =
  /<script>window\.liveBoardScriptRan=1<\/script><script>[^<]*\["\/_next\/static\/chunks\/main\.js","\/_next\/static\/chunks\/page\.js"\][^<]*<\/script><\/div>/g;

/** The live board's script and the loader, once, in the slot; Next's scripts only in the loader. */
function expectScriptsHeld(html: string) {
  expect(html.match(INLINE_LIVE)).toHaveLength(1);
  expect(html.split(LIVE_SCRIPT)).toHaveLength(2);
  expect(html).not.toMatch(/<script src="\/_next\/static\/chunks\/[^"]*"/);
}

describe.each(ENGINES)("the board page / on %s", (engine) => {
  let database: TestDatabase;
  let server: TestServer;
  const state = {
    renders: [] as string[],
    passed: [] as string[],
    hold: null as Promise<void> | null,
    private: false,
    broken: false,
  };
  let page: ReturnType<typeof createBoardPage>;
  /** A page of its own for each test: nothing cached from the one before. */
  const makePage = (publicBoard: boolean) =>
    (page = createBoardPage({
      db: () => database.db,
      base: () => server.url,
      publicBoard,
      passToNext: fakeNext(state),
      liveScript: LIVE_SCRIPT,
    }));

  beforeAll(async () => {
    installSettings(parseSettings({ STANDFAST_BOARD_REFRESH: "5s" }));
    database = await openEstateDatabase(engine);
    await recordStatuses(
      database.db,
      DEMO.map((id) => ({ id, status: "operational" as const })),
    );
    await markPollerRunning(database.db);
    const next = fakeNext(state);
    server = await startHttpServer((req, res) => {
      if (!page(req, res)) next(req, res);
    });
  });
  afterAll(async () => {
    await server?.close();
    await database?.close();
  });
  beforeEach(() => {
    invalidateSnapshot();
    state.renders.length = 0;
    state.passed.length = 0;
    state.hold = null;
    state.private = false;
    state.broken = false;
    makePage(true);
  });

  const get = (path: string, headers: Record<string, string> = {}, method = "GET") =>
    rawRequest(server.url + path, { method, headers });
  const text = (r: { body: Buffer }) => r.body.toString("utf8");

  it("answers anonymous readers with Next's page and the board in its slot, once, never its cookies", async () => {
    const r = await get("/");
    expect(r.status).toBe(200);
    const html = text(r);
    expect(html).toContain('<nav>Sign in</nav><div id="board-root"><div id="board" class="board"');
    expect(html).toContain('aria-labelledby="platform-title"');
    expect(html).toContain("All Systems Operational");
    // The board is in the page once: the hydration data keeps only the escaped marker.
    expect(html.match(/id="board"/g)).toHaveLength(1);
    // The live board's script follows the board inside the slot, once; then the loader that adds
    // Next's scripts once the board is drawn.
    expectScriptsHeld(html);
    expect(html.indexOf(LIVE_SCRIPT)).toBeGreaterThan(html.lastIndexOf('data-service="'));
    expect(html).toContain('self.__next_f.push([1,"\\u003c!--standfast:board--\\u003e"])');
    expect(r.headers["set-cookie"]).toBeUndefined();
    expect(r.headers["cache-control"]).toBe("private, no-cache");
    expect(r.headers.vary).toBe(
      "rsc, next-router-state-tree, Accept-Encoding, Cookie, Authorization",
    );
    expect(r.headers.etag).toMatch(/^W\/"[\w-]+"$/);
    expect(r.headers["content-type"]).toBe("text/html; charset=utf-8");
    expect(state.renders).toEqual(["/ -"]);
  });

  it("renders once per snapshot however many readers miss at once, and then answers 304 to a known tag", async () => {
    let release = () => {};
    state.hold = new Promise<void>((resolve) => (release = resolve));
    const crowd = Array.from({ length: 40 }, () => get("/", { "accept-encoding": "gzip" }));
    // Every request is waiting on the one render.
    await expect.poll(() => state.renders.length).toBe(1);
    release();
    const answers = await Promise.all(crowd);
    expect(new Set(answers.map((a) => a.status))).toEqual(new Set([200]));
    expect(new Set(answers.map((a) => a.headers.etag)).size).toBe(1);
    expect(state.renders).toHaveLength(1);
    expect(answers[0]!.headers["content-encoding"]).toBe("gzip");
    expect(gunzipSync(answers[0]!.body).toString("utf8")).toContain('id="board"');

    const again = await get("/", { "if-none-match": answers[0]!.headers.etag! });
    expect(again.status).toBe(304);
    expect(again.body).toHaveLength(0);
    expect(again.headers.etag).toBe(answers[0]!.headers.etag);
    const head = await get("/", {}, "HEAD");
    expect(head.status).toBe(200);
    expect(head.body).toHaveLength(0);
    expect(state.renders).toHaveLength(1);
  });

  it("makes a new page when the board changes, without asking Next again for the page around it", async () => {
    const first = await get("/");
    await recordStatuses(database.db, [{ id: "fabrikam-b2b.storage", status: "major_outage" }]);
    invalidateSnapshot();
    await expect.poll(async () => (await get("/")).headers.etag).not.toBe(first.headers.etag);
    const changed = text(await get("/"));
    expect(changed).toContain("Major System Outage");
    expect(changed).toContain('data-service="fabrikam-b2b"');
    expect(changed).toContain("<nav>Sign in</nav>");
    expect(state.renders).toEqual(["/ -"]);
    await recordStatuses(database.db, [{ id: "fabrikam-b2b.storage", status: "operational" }]);
  });

  it("asks Next again when the notices change, answering with the previous page meanwhile", async () => {
    const first = await get("/");
    expect(state.renders).toHaveLength(1);
    const id = await createIncident(
      { actor: operator, db: database.db },
      {
        title: "Storage in West Europe is slow",
        impact: "minor",
        message: "We are looking into it.",
        components: ["fabrikam-b2b.storage"],
      },
    );
    invalidateSnapshot();
    let release = () => {};
    state.hold = new Promise<void>((resolve) => (release = resolve));
    // The next page is being made (Next holds it): readers meanwhile get the previous one at once.
    const meanwhile = await get("/");
    expect(meanwhile.headers.etag).toBe(first.headers.etag);
    await expect.poll(() => state.renders.length).toBe(2);
    release();
    await expect.poll(async () => (await get("/")).headers.etag).not.toBe(first.headers.etag);
    expect(state.renders).toHaveLength(2);
    await postIncidentUpdate({ actor: operator, db: database.db }, id, {
      status: "resolved",
      message: "Fixed.",
    });
  });

  it("keeps the Problems only filter in its own page", async () => {
    const all = text(await get("/"));
    const problems = text(await get("/?problems=1"));
    expect(all).toContain('aria-pressed="false"');
    expect(problems).toContain('aria-pressed="true"');
    expect(problems).toContain("No problems: every component is operational.");
    expect(state.renders).toEqual(["/ -", "/?problems=1 -"]);
  });

  it("renders a signed-in reader's page for them, with the same board and Next's cookies", async () => {
    const r = await get("/", { cookie: SESSION });
    expect(r.status).toBe(200);
    const html = text(r);
    expect(html).toContain("Signed in as Ada");
    expect(html).toContain('<div id="board" class="board"');
    expectScriptsHeld(html);
    expect(r.headers["set-cookie"]).toEqual(["standfast.session_data=refreshed; Path=/; HttpOnly"]);
    expect(r.headers.etag).toBeUndefined();
    expect(r.headers["cache-control"]).toBe(
      "private, no-cache, no-store, max-age=0, must-revalidate",
    );
    // Each signed-in request is rendered for its reader; anonymous readers never get that page.
    await get("/", { cookie: SESSION });
    expect(state.renders).toEqual([`/ ${SESSION}`, `/ ${SESSION}`]);
    expect(text(await get("/"))).toContain("<nav>Sign in</nav>");
  });

  it("keeps a private board private: visitors go to Next, which sends them to sign in", async () => {
    makePage(false);
    state.private = true;
    const visitor = await get("/");
    expect(visitor.status).toBe(307);
    expect(visitor.headers.location).toBe("/sign-in?next=%2F");
    expect(text(visitor)).not.toContain('id="board"');
    expect(state.passed).toEqual(["/ -"]);
    expect(state.renders).toEqual([]);
    // A viewer's session: Next renders the page for them (its own access check), with the board.
    const viewer = await get("/", { cookie: SESSION });
    expect(viewer.status).toBe(200);
    expect(text(viewer)).toContain('<div id="board" class="board"');
  });

  it("passes on Next's navigation data, other methods and other paths", async () => {
    await get("/", { rsc: "1" });
    await get("/?_rsc=abc");
    await get("/", {}, "POST");
    await get("/backups");
    expect(state.passed).toEqual(["/ -", "/?_rsc=abc -", "/ -", "/backups -"]);
    expect(state.renders).toEqual([]);
  });

  it("lets Next answer when its page cannot be made, rather than failing the reader", async () => {
    state.broken = true;
    const r = await get("/");
    expect(r.status).toBe(500);
    expect(text(r)).toBe("<p>Next could not render</p>");
    expect(state.renders).toEqual(["/ -"]);
    expect(state.passed).toEqual(["/ -"]);
  });
});
