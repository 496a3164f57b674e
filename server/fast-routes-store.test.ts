import pg from "pg";
import { afterEach, beforeEach, describe, expect, it, vi } from "vitest";
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
import { loadDemoEstate } from "../lib/estate/load";
import { createFastRoutes } from "./fast-routes";

/**
 * The store goes away under a running API: it keeps answering from its last reading with that
 * reading's real age, and turns unknown once the readings pass their staleness limit.
 */
const COMPONENTS = loadDemoEstate({ intervalMs: 30_000, timeoutMs: 5_000 }).components;
const STALE_AFTER = COMPONENTS[0]!.staleAfterMs;
const clock = (ms: number) => `${new Date(ms).toISOString().slice(11, 19)} UTC`;

type Doc = {
  page: { updated_at: string };
  status: { indicator: string; description: string };
  components: { id: string; status: string }[];
};

/** Stops new connections to a PostgreSQL test database and ends the ones it has. */
async function cutOff(url: string) {
  const name = new URL(url).pathname.slice(1);
  const admin = new pg.Client({ connectionString: url.replace(`/${name}`, "/postgres") });
  await admin.connect();
  try {
    await admin.query(`alter database ${name} with allow_connections false`);
    await admin.query(
      "select pg_terminate_backend(pid) from pg_stat_activity where datname = $1 and pid <> pg_backend_pid()",
      [name],
    );
  } finally {
    await admin.end();
  }
}

async function reopen(url: string) {
  const name = new URL(url).pathname.slice(1);
  const admin = new pg.Client({ connectionString: url.replace(`/${name}`, "/postgres") });
  await admin.connect();
  await admin
    .query(`alter database ${name} with allow_connections true`)
    .finally(() => admin.end());
}

describe.each(ENGINES)("the status API when the store goes away, on %s", (engine) => {
  let database: TestDatabase;
  let server: TestServer;
  let readAt = 0;

  beforeEach(async () => {
    installSettings(parseSettings({}));
    database = await openEstateDatabase(engine);
    readAt = Date.now();
    await recordStatuses(
      database.db,
      COMPONENTS.map((c) => ({ id: c.id, status: "operational" as const })),
      new Date(readAt),
    );
    await markPollerRunning(database.db);
    invalidateSnapshot();
    const fastRoute = createFastRoutes({
      db: () => database.db,
      publicUrl: "https://status.example.com",
    });
    server = await startHttpServer((req, res) => void fastRoute(req, res));
  });
  afterEach(async () => {
    vi.useRealTimers();
    await server?.close();
    if (database.url) await reopen(database.url);
    await database?.close().catch(() => {});
  });

  const summary = async () => {
    const res = await rawRequest(`${server.url}/api/v2/summary.json`);
    expect(res.status).toBe(200);
    return JSON.parse(res.body.toString()) as Doc;
  };

  const liveBoard = async () =>
    JSON.parse((await rawRequest(`${server.url}/api/board`)).body.toString()) as {
      overall: { indicator: string };
      store: { readAt: string; unreachableSince: string | null };
    };

  it("answers from the last reading with its real age, then unknown past the limit", async () => {
    const before = await summary();
    expect(before.status).toEqual({ indicator: "none", description: "All Systems Operational" });
    const { store } = await liveBoard();
    expect(store.unreachableSince).toBeNull();

    if (database.url) await cutOff(database.url);
    else await database.close();
    // Only the clock is faked, so time can pass the staleness limit without waiting for it.
    vi.useFakeTimers({ toFake: ["Date"], now: Date.now() + 2_000 });

    await expect
      .poll(async () => (await summary()).status.description)
      .toMatch(/cannot be read since/);
    const lastKnown = await summary();
    expect(lastKnown.status.indicator).toBe("none");
    expect(lastKnown.status.description).toMatch(
      new RegExp(
        `^Last known status, as of ${clock(Date.parse(store.readAt))}: all systems operational; the status store cannot be read since \\d\\d:\\d\\d:\\d\\d UTC$`,
      ),
    );
    expect(lastKnown.page.updated_at).toBe(before.page.updated_at);

    vi.setSystemTime(readAt + STALE_AFTER + 2_000);
    await expect.poll(async () => (await summary()).status.indicator).toBe("unknown");
    const stale = await summary();
    expect(stale.status.description).toMatch(
      /^Status unknown: the status store cannot be read since \d\d:\d\d:\d\d UTC$/,
    );
    expect(stale.components.every((c) => c.status === "unknown")).toBe(true);
    expect(Date.parse(stale.page.updated_at)).toBeLessThanOrEqual(Date.parse(store.readAt));

    // The board's own JSON says the same, with when the store was last read.
    const board = await liveBoard();
    expect(board.overall.indicator).toBe("unknown");
    expect(board.store.readAt).toBe(store.readAt);
    expect(board.store.unreachableSince).toEqual(expect.any(String));
  });

  // Only a server store can hang: the embedded one answers or fails at once.
  if (engine === "postgres")
    it("a store that hangs is answered for from the last reading too, not queued behind", async () => {
      expect((await summary()).status.indicator).toBe("none");
      // Another session holds the statuses table: reads of it wait, as on a hung server.
      const locker = new pg.Client({ connectionString: database.url });
      await locker.connect();
      try {
        await locker.query("begin");
        await locker.query("lock table component_status in access exclusive mode");
        vi.useFakeTimers({ toFake: ["Date"], now: Date.now() + 2_000 });
        // This request starts a rebuild that hangs; it is answered with the board it has.
        expect((await summary()).status.description).toBe("All Systems Operational");
        vi.setSystemTime(Date.now() + 6_000);
        expect((await summary()).status.description).toMatch(
          /^Last known status, as of .*; the status store cannot be read since/,
        );
      } finally {
        await locker.query("rollback");
        await locker.end();
      }
      // Once the store answers again, so does the board, without the warning.
      await expect
        .poll(async () => (await summary()).status.description)
        .toBe("All Systems Operational");
    });
});
