import { asc, eq } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { tables } from "../db";
import { createTestDatabase, ENGINES } from "../../testing/db";
import type { Database } from "../db/types";
import { loadDemoEstate } from "../estate/load";
import { syncEstate } from "../control-plane/estate-sync";
import { pruneHistory, rollUpDays, rollUpHours } from "./rollups";

const H = 3_600_000;
const now = new Date("2026-11-24T12:30:00Z");
const at = (msAgo: number) => new Date(now.getTime() - msAgo);

describe.each(ENGINES)("roll-ups and retention on %s", (engine) => {
  let database: Database;
  const id = "contoso-edi.storage";
  beforeAll(async () => {
    database = await createTestDatabase(engine);
    await syncEstate(database.db, loadDemoEstate({ intervalMs: 30_000, timeoutMs: 5_000 }));
    await database.db.insert(tables.samples).values([
      // 12:00-13:00: three samples, one outage
      { componentId: id, at: at(5 * 60_000), status: "operational", latencyMs: 10 },
      {
        componentId: id,
        at: at(10 * 60_000),
        status: "major_outage",
        latencyMs: null,
        reason: "down",
      },
      { componentId: id, at: at(20 * 60_000), status: "degraded_performance", latencyMs: 50 },
      // 11:00-12:00: two fine samples
      { componentId: id, at: at(H), status: "operational", latencyMs: 20 },
      { componentId: id, at: at(H + 60_000), status: "operational", latencyMs: 40 },
      // ten days ago: one sample, past a 7-day retention
      { componentId: id, at: at(240 * H), status: "partial_outage", latencyMs: 30 },
    ]);
  });
  afterAll(() => database.close());

  it("summarises each UTC hour: counts by kind, latency, and the worst status", async () => {
    await rollUpHours(database.db, at(300 * H));
    const rows = await database.db
      .select()
      .from(tables.hourly)
      .where(eq(tables.hourly.componentId, id))
      .orderBy(asc(tables.hourly.bucket));
    expect(rows.map((r) => r.bucket.toISOString())).toEqual([
      "2026-11-14T12:00:00.000Z",
      "2026-11-24T11:00:00.000Z",
      "2026-11-24T12:00:00.000Z",
    ]);
    expect(rows[2]).toMatchObject({
      samples: 3,
      up: 1,
      degraded: 1,
      down: 1,
      unknown: 0,
      latencySum: 60,
      latencyCount: 2,
      latencyMax: 50,
      worst: "major_outage",
    });
    expect(rows[1]).toMatchObject({
      samples: 2,
      up: 2,
      down: 0,
      worst: "operational",
      latencyMax: 40,
    });
    expect(rows[0]).toMatchObject({ worst: "partial_outage", down: 1 });
  });

  it("recomputing an hour replaces it rather than adding to it", async () => {
    await rollUpHours(database.db, at(2 * H));
    await rollUpHours(database.db, at(2 * H));
    const [row] = await database.db
      .select()
      .from(tables.hourly)
      .where(eq(tables.hourly.bucket, new Date("2026-11-24T12:00:00Z")));
    expect(row!.samples).toBe(3);
  });

  it("summarises days from hours", async () => {
    await rollUpDays(database.db, at(300 * H));
    const rows = await database.db
      .select()
      .from(tables.daily)
      .where(eq(tables.daily.componentId, id))
      .orderBy(asc(tables.daily.bucket));
    expect(rows.map((r) => r.bucket.toISOString())).toEqual([
      "2026-11-14T00:00:00.000Z",
      "2026-11-24T00:00:00.000Z",
    ]);
    expect(rows[1]).toMatchObject({
      samples: 5,
      up: 3,
      degraded: 1,
      down: 1,
      latencySum: 120,
      worst: "major_outage",
    });
  });

  it("prunes raw samples past their retention but keeps the roll-ups", async () => {
    await pruneHistory(database.db, now, 7 * 24 * H);
    const samples = await database.db
      .select()
      .from(tables.samples)
      .where(eq(tables.samples.componentId, id));
    expect(samples).toHaveLength(5);
    expect(samples.every((s) => s.at > at(7 * 24 * H))).toBe(true);
    const days = await database.db
      .select()
      .from(tables.daily)
      .where(eq(tables.daily.componentId, id));
    expect(days).toHaveLength(2);
  });

  it("prunes roll-ups past theirs", async () => {
    await pruneHistory(database.db, new Date(now.getTime() + 400 * 24 * H), 7 * 24 * H);
    expect(
      await database.db.select().from(tables.daily).where(eq(tables.daily.componentId, id)),
    ).toHaveLength(0);
    expect(
      await database.db.select().from(tables.hourly).where(eq(tables.hourly.componentId, id)),
    ).toHaveLength(0);
  });
});
