import { eq } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { tables } from "../db";
import { createTestDatabase, ENGINES } from "../../testing/db";
import type { Database } from "../db/types";
import { isDomainError } from "../errors";
import { loadDemoEstate } from "../estate/load";
import { syncEstate } from "../control-plane/estate-sync";
import {
  parseHistoryRange,
  readComponentSeries,
  readInstanceDetail,
  readStatusChanges,
  readUptime,
} from "./history";

const estate = loadDemoEstate({ intervalMs: 30_000, timeoutMs: 5_000 });
const now = new Date("2026-03-10T12:34:00Z");
const at = (iso: string) => new Date(`2026-03-${iso}Z`);
const ROLES = "contoso-edi.roles";
const DB = "contoso-edi.tracking-db";

const rollup = (
  componentId: string,
  bucket: Date,
  over: Partial<typeof tables.hourly.$inferInsert> = {},
) => ({
  componentId,
  bucket,
  samples: 120,
  up: 120,
  degraded: 0,
  down: 0,
  unknown: 0,
  latencySum: 120 * 40,
  latencyCount: 120,
  latencyMax: 90,
  worst: "operational",
  ...over,
});

async function rejection(promise: Promise<unknown>) {
  const error = await promise.then(
    () => null,
    (e: unknown) => e,
  );
  if (!isDomainError(error)) throw new Error(`expected a domain error, got ${String(error)}`);
  return error;
}

describe.each(ENGINES)("history reads on %s", (engine) => {
  let database: Database;
  const opts = () => ({ db: database.db, now });

  beforeAll(async () => {
    database = await createTestDatabase(engine);
    await syncEstate(database.db, estate);
    const sample = (
      componentId: string,
      iso: string,
      status: string,
      latencyMs: number | null,
    ) => ({
      componentId,
      at: at(iso),
      status,
      latencyMs,
      reason: null,
    });
    await database.db.insert(tables.samples).values([
      // 12:10-12:20: three good readings and one major outage.
      sample(ROLES, "10T12:11:00", "operational", 10),
      sample(ROLES, "10T12:12:00", "operational", 20),
      sample(ROLES, "10T12:13:00", "degraded_performance", 30),
      sample(ROLES, "10T12:14:00", "major_outage", null),
      // 12:20-12:30: nothing known.
      sample(ROLES, "10T12:25:00", "unknown", null),
      // Outside the 24h window, and another component: neither may show.
      sample(ROLES, "09T12:00:00", "major_outage", 999),
      sample(DB, "10T12:11:00", "major_outage", 999),
    ]);
    await database.db.insert(tables.hourly).values([
      // An hour without raw samples (backfilled): shown from the roll-up.
      rollup(ROLES, at("10T03:00:00"), { up: 108, down: 12, worst: "partial_outage" }),
      // An hour with raw samples: the roll-up must not override them.
      rollup(ROLES, at("10T12:00:00"), { up: 0, down: 120 }),
      rollup(ROLES, at("08T05:00:00")),
      rollup(ROLES, at("08T06:00:00"), {
        up: 60,
        down: 60,
        latencySum: 120 * 100,
        latencyMax: 400,
      }),
      rollup(DB, at("08T05:00:00"), { up: 0, down: 120 }),
    ]);
    await database.db.insert(tables.daily).values([
      rollup(ROLES, at("10T00:00:00"), { samples: 1000, up: 1000 }),
      rollup(ROLES, at("08T00:00:00"), {
        samples: 1000,
        up: 990,
        down: 10,
        worst: "major_outage",
      }),
      rollup(ROLES, new Date("2025-12-01T00:00:00Z"), { up: 0, down: 120 }),
      rollup(DB, at("09T00:00:00"), { up: 0, degraded: 120, worst: "degraded_performance" }),
    ]);
    await database.db.insert(tables.statusChanges).values([
      {
        componentId: ROLES,
        at: at("08T06:00:00"),
        fromStatus: null,
        toStatus: "operational",
        reason: null,
      },
      {
        componentId: ROLES,
        at: at("10T12:14:00"),
        fromStatus: "operational",
        toStatus: "major_outage",
        reason: "all 4 instances down",
      },
      {
        componentId: DB,
        at: at("09T01:00:00"),
        fromStatus: "operational",
        toStatus: "degraded_performance",
        reason: "slow",
      },
    ]);
    await database.db.insert(tables.componentStatus).values({
      componentId: ROLES,
      status: "partial_outage",
      since: at("10T12:14:00"),
      checkedAt: at("10T12:33:00"),
      detail: {
        instances: [
          { name: "IN_0", status: "operational", reason: null },
          { name: "IN_1", status: "major_outage", reason: "crashed" },
        ],
      },
    });
  });
  afterAll(async () => database.close());

  it("buckets a day of raw samples into ten minutes, with gaps as null and unknown-only buckets as gaps", async () => {
    const series = await readComponentSeries(ROLES, "24h", opts());
    expect(series).toMatchObject({
      resolution: "samples",
      bucketMs: 600_000,
      to: "2026-03-10T12:40:00.000Z",
    });
    expect(series.points).toHaveLength(144);
    const byAt = new Map(series.points.map((p) => [p.at, p]));
    expect(byAt.get("2026-03-10T12:10:00.000Z")).toEqual({
      at: "2026-03-10T12:10:00.000Z",
      latencyAvgMs: 20,
      latencyMaxMs: 30,
      availability: 75,
      samples: 4,
    });
    expect(byAt.get("2026-03-10T12:20:00.000Z")).toMatchObject({ availability: null, samples: 1 });
    expect(byAt.get("2026-03-10T12:00:00.000Z")).toMatchObject({ availability: null, samples: 0 });
    expect(series.points.filter((p) => p.latencyMaxMs === 999)).toEqual([]);
  });

  it("shows hours without raw samples from their hourly roll-up in the 24h view", async () => {
    const series = await readComponentSeries(ROLES, "24h", opts());
    expect(series.hoursFromRollups).toBe(1);
    const hour = series.points.filter((p) => p.at.startsWith("2026-03-10T03:"));
    expect(hour.map((p) => p.availability)).toEqual([90, 90, 90, 90, 90, 90]);
    expect(
      series.points
        .filter((p) => p.at.startsWith("2026-03-10T04:"))
        .every((p) => p.availability === null),
    ).toBe(true);
  });

  it("reads a week from hourly roll-ups, one point an hour, and 30 days in 4-hour buckets", async () => {
    const week = await readComponentSeries(ROLES, "7d", opts());
    expect(week.points).toHaveLength(168);
    const byAt = new Map(week.points.map((p) => [p.at, p]));
    expect(byAt.get("2026-03-08T06:00:00.000Z")).toMatchObject({
      availability: 50,
      latencyAvgMs: 100,
      latencyMaxMs: 400,
    });
    expect(byAt.get("2026-03-08T07:00:00.000Z")).toMatchObject({
      availability: null,
      latencyAvgMs: null,
    });
    const month = await readComponentSeries(ROLES, "30d", opts());
    expect(month.points).toHaveLength(180);
    expect(month.points.find((p) => p.at === "2026-03-08T04:00:00.000Z")).toMatchObject({
      availability: 75,
      latencyAvgMs: 70,
      samples: 240,
    });
  });

  it("answers not found for an unknown or retired component", async () => {
    expect((await rejection(readComponentSeries("nope", "24h", opts()))).kind).toBe("not_found");
    await database.db
      .update(tables.components)
      .set({ retiredAt: now })
      .where(eq(tables.components.id, "northwind-dev.acs"));
    expect((await rejection(readComponentSeries("northwind-dev.acs", "7d", opts()))).kind).toBe(
      "not_found",
    );
  });

  it("gives 90 UTC days of uptime per component, with no-data days and the worst status", async () => {
    const [roles, db] = await readUptime([ROLES, DB], opts());
    expect(roles!.days).toHaveLength(90);
    expect(roles!.days.at(-1)).toEqual({
      day: "2026-03-10",
      uptime: 100,
      worst: "operational",
      samples: 1000,
    });
    expect(roles!.days.at(-2)).toEqual({
      day: "2026-03-09",
      uptime: null,
      worst: null,
      samples: 0,
    });
    expect(roles!.days.at(-3)).toMatchObject({ uptime: 99, worst: "major_outage" });
    expect(roles!.uptime).toBe(99.5);
    expect(roles!.daysWithData).toBe(2);
    expect(db!.days.at(-2)).toMatchObject({ uptime: 100, worst: "degraded_performance" });
  });

  it("lists status changes newest first, for the components asked and up to the limit", async () => {
    const roles = await readStatusChanges([ROLES], opts());
    expect(roles.map((c) => [c.at, c.from, c.to])).toEqual([
      ["2026-03-10T12:14:00.000Z", "operational", "major_outage"],
      ["2026-03-08T06:00:00.000Z", null, "operational"],
    ]);
    expect(roles[0]!.reason).toBe("all 4 instances down");
    const both = await readStatusChanges([ROLES, DB], { ...opts(), limit: 2 });
    expect(both.map((c) => c.componentId)).toEqual([ROLES, DB]);
    expect(await readStatusChanges([], opts())).toEqual([]);
  });

  it("reads the per-instance states the poller stored", async () => {
    const detail = await readInstanceDetail(ROLES, opts());
    expect(detail!.instances.map((i) => [i.name, i.status])).toEqual([
      ["IN_0", "operational"],
      ["IN_1", "major_outage"],
    ]);
    expect(await readInstanceDetail(DB, opts())).toBeNull();
  });
});

describe("parseHistoryRange", () => {
  it("accepts the three ranges and names the choices otherwise", () => {
    expect(parseHistoryRange("7d")).toBe("7d");
    let error: unknown;
    try {
      parseHistoryRange("1y");
    } catch (e) {
      error = e;
    }
    expect(isDomainError(error) && error.kind).toBe("validation");
    expect((error as Error).message).toBe('Invalid range: expected one of 24h, 7d, 30d (got "1y")');
  });
});
