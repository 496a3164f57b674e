import { afterAll, beforeAll, beforeEach, describe, expect, it } from "vitest";
import { createTestDatabase, ENGINES } from "../../testing/db";
import type { Database, Db } from "../db/types";
import { DEMO_ESTATE } from "../estate/demo";
import { loadDemoEstate, parseEstate } from "../estate/load";
import { readEstate, readEstateVersion } from "../estate/read";
import { syncEstate } from "../control-plane/estate-sync";
import { buildBoardView } from "./board";
import { loadCurrent, recordOutcomes } from "./recorder";
import { getSnapshot, invalidateSnapshot } from "./snapshot";
import { readStatuses } from "./status-reader";
import type { Status } from "../status/vocabulary";

const defaults = { intervalMs: 30_000, timeoutMs: 5_000 };
const estate = loadDemoEstate(defaults);
const ids = estate.components.map((c) => c.id);

async function record(db: Db, readings: [string, Status][], at = new Date()): Promise<void> {
  const outcomes = readings.map(([componentId, status]) => ({
    ok: true as const,
    componentId,
    at,
    status,
    latencyMs: 5,
    reason: null,
    detail: null,
  }));
  await recordOutcomes(db, outcomes, await loadCurrent(db), () => 60_000);
}

/** A fresh board from a full read of the store, made the way the snapshot was, at its time. */
async function boardFromFullRead(db: Db, view: Awaited<ReturnType<typeof getSnapshot>>["view"]) {
  const { reading } = await readStatuses(db, null, { estateVersion: await readEstateVersion(db) });
  const poller = {
    running: view.poller.running,
    lastBeatAt: view.poller.lastBeatAt ? new Date(view.poller.lastBeatAt) : null,
    beatEveryMs: view.poller.beatEveryMs,
  };
  return buildBoardView(
    await readEstate(db),
    reading.statuses,
    poller,
    new Date(view.generatedAt),
    1_000,
    view.store,
  );
}

describe.each(ENGINES)("the board snapshot read incrementally on %s", (engine) => {
  let database: Database;
  let db: Db;
  const board = () => getSnapshot(db, { refreshMs: 1_000 }).then((s) => s.view);
  beforeAll(async () => {
    database = await createTestDatabase(engine);
    db = database.db;
    await syncEstate(db, estate);
    await record(
      db,
      ids.map((id) => [id, "operational"]),
    );
  });
  beforeEach(() => invalidateSnapshot());
  afterAll(() => database.close());

  it("shows a change written after the previous snapshot", async () => {
    const [id] = ids as [string];
    expect((await board()).components[id]!.status).toBe("operational");
    invalidateSnapshot();
    await record(db, [[id, "major_outage"]]);
    expect((await board()).components[id]!.status).toBe("major_outage");
  });

  it("ages statuses exactly as a full read does: an old reading is unknown, with its age", async () => {
    const [, old] = ids as [string, string];
    await board();
    invalidateSnapshot();
    const at = new Date(Date.now() - 3_600_000);
    await record(db, [[old, "operational"]], at);
    const view = await board();
    expect(view.components[old]).toMatchObject({
      status: "unknown",
      stale: true,
      checkedAt: at.toISOString(),
    });
    expect(await boardFromFullRead(db, view)).toEqual(view);
  });

  it("drops a retired component and its service from the next snapshot", async () => {
    const before = await board();
    expect(Object.keys(before.components)).toContain("northwind-dev.roles");
    const doc = structuredClone(DEMO_ESTATE);
    doc.services = doc.services.filter((s) => s.name !== "northwind-dev");
    await syncEstate(db, parseEstate(doc, "estate.yaml", defaults));
    invalidateSnapshot();
    const after = await board();
    expect(Object.keys(after.components)).not.toContain("northwind-dev.roles");
    expect(after.services.map((s) => s.id)).not.toContain("northwind-dev");
    expect(await boardFromFullRead(db, after)).toEqual(after);
  });
});
