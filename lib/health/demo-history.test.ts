import { count, eq } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { tables } from "../db";
import { createTestDatabase, ENGINES } from "../../testing/db";
import type { Database } from "../db/types";
import { loadDemoEstate } from "../estate/load";
import { syncEstate } from "../control-plane/estate-sync";
import { backfillDemoHistory } from "./demo-history";
import { DEMO_INCIDENTS } from "./demo-history-plan";
import { readComponentSeries, readStatusChanges, readUptime } from "./history";

const estate = loadDemoEstate({ intervalMs: 30_000, timeoutMs: 5_000 });
const now = new Date("2026-03-10T12:34:56Z");

describe.each(ENGINES)("demo history backfill on %s", (engine) => {
  let database: Database;
  const rows = async (
    table: typeof tables.hourly | typeof tables.daily | typeof tables.statusChanges,
  ) => (await database.db.select({ n: count() }).from(table))[0]!.n;

  beforeAll(async () => {
    database = await createTestDatabase(engine);
    await syncEstate(database.db, estate);
  });
  afterAll(async () => database.close());

  it("does nothing for an estate that is not the demo", async () => {
    const result = await backfillDemoHistory(database.db, { ...estate, demo: false }, now);
    expect(result.hours).toBe(0);
    expect(await rows(tables.hourly)).toBe(0);
  });

  it("backfills 90 days of hourly and daily roll-ups and the incidents' changes for every component", async () => {
    const result = await backfillDemoHistory(database.db, estate, now);
    expect(result.components.sort()).toEqual(estate.components.map((c) => c.id).sort());
    expect(await rows(tables.hourly)).toBe(estate.components.length * 90 * 24);
    expect(await rows(tables.daily)).toBe(estate.components.length * 91);
    expect(await rows(tables.statusChanges)).toBe(DEMO_INCIDENTS.length * 2);
  });

  it("puts everything before the current hour and leaves the live status alone", async () => {
    const changes = await readStatusChanges(
      estate.components.map((c) => c.id),
      { db: database.db, limit: 100 },
    );
    expect(changes.every((c) => Date.parse(c.at) < Date.parse("2026-03-10T12:00:00Z"))).toBe(true);
    // Every incident has ended: each component's newest change is back to operational.
    const newest = new Map<string, string>();
    for (const c of changes) if (!newest.has(c.componentId)) newest.set(c.componentId, c.to);
    expect([...newest.values()].every((s) => s === "operational")).toBe(true);
    expect(await database.db.select().from(tables.componentStatus)).toEqual([]);
    const [late] = await database.db
      .select({ n: count() })
      .from(tables.hourly)
      .where(eq(tables.hourly.bucket, new Date("2026-03-10T12:00:00Z")));
    expect(late!.n).toBe(0);
  });

  it("shows the incidents in the charts and the uptime bars, and nothing else below 100 %", async () => {
    const opts = { db: database.db, now };
    const day = await readComponentSeries("contoso-edi.roles", "24h", opts);
    expect(day.hoursFromRollups).toBeGreaterThan(20);
    const dips = day.points.filter((p) => p.availability !== null && p.availability < 100);
    expect(dips.map((p) => p.at.slice(11, 13))).toEqual([
      "03",
      "03",
      "03",
      "03",
      "03",
      "03",
      "04",
      "04",
      "04",
      "04",
      "04",
      "04",
    ]);
    const [major] = await readUptime(["fabrikam-b2b.tracking-db"], opts);
    const bad = major!.days.filter((d) => d.uptime !== null && d.uptime < 100);
    expect(bad.map((d) => d.worst)).toEqual(["major_outage"]);
    expect(major!.days.every((d) => d.uptime !== null)).toBe(true);
    const [calm] = await readUptime(["contoso-edi.acs"], opts);
    expect(calm!.days.every((d) => d.uptime === 100 && d.worst === "operational")).toBe(true);
  });

  it("is idempotent: a second start-up adds nothing", async () => {
    const before = [
      await rows(tables.hourly),
      await rows(tables.daily),
      await rows(tables.statusChanges),
    ];
    const again = await backfillDemoHistory(
      database.db,
      estate,
      new Date(now.getTime() + 3_600_000),
    );
    expect(again.components).toEqual([]);
    expect([
      await rows(tables.hourly),
      await rows(tables.daily),
      await rows(tables.statusChanges),
    ]).toEqual(before);
  });
});
