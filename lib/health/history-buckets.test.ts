import { describe, expect, it } from "vitest";
import {
  availabilityPercent,
  emptyCounts,
  fillFromHourly,
  fillSeries,
  HOUR_MS,
  rangeWindow,
  uptimeDays,
  type BucketRow,
} from "./history-buckets";

const row = (bucket: number, over: Partial<BucketRow> = {}): BucketRow => ({
  ...emptyCounts(),
  samples: 10,
  up: 10,
  latencySum: 500,
  latencyCount: 10,
  latencyMax: 80,
  bucket,
  ...over,
});

describe("availabilityPercent", () => {
  it("counts degraded as available and partial or major outages as not", () => {
    expect(availabilityPercent({ up: 6, degraded: 2, down: 2 })).toBe(80);
    expect(availabilityPercent({ up: 0, degraded: 0, down: 5 })).toBe(0);
  });
  it("is null, not 100, when nothing known was read", () => {
    expect(availabilityPercent({ up: 0, degraded: 0, down: 0 })).toBeNull();
  });
  it("keeps a fraction honest instead of rounding it up to 100", () => {
    expect(availabilityPercent({ up: 9_999, degraded: 0, down: 1 })).toBe(99.99);
    expect(availabilityPercent({ up: 9_999_999, degraded: 0, down: 1 })).toBe(99.999);
  });
});

describe("rangeWindow", () => {
  const now = new Date("2026-03-10T12:34:56Z");
  it("ends at the end of the bucket `now` is in and spans the range", () => {
    expect(rangeWindow("24h", now)).toEqual({
      from: Date.parse("2026-03-09T12:40:00Z"),
      to: Date.parse("2026-03-10T12:40:00Z"),
    });
    const week = rangeWindow("7d", now);
    expect(new Date(week.to).toISOString()).toBe("2026-03-10T13:00:00.000Z");
    expect(week.to - week.from).toBe(7 * 24 * HOUR_MS);
  });
  it("aligns 30-day buckets of 4 hours to UTC midnight", () => {
    const { from, to } = rangeWindow("30d", now);
    expect(new Date(to).toISOString()).toBe("2026-03-10T16:00:00.000Z");
    expect((to - from) / (4 * HOUR_MS)).toBe(180);
  });
});

describe("fillSeries", () => {
  const from = Date.parse("2026-03-10T00:00:00Z");
  it("returns every bucket, with gaps as null rather than 100 %", () => {
    const points = fillSeries(
      [row(from + HOUR_MS, { down: 5, up: 5 })],
      from,
      from + 3 * HOUR_MS,
      HOUR_MS,
    );
    expect(points.map((p) => p.availability)).toEqual([null, 50, null]);
    expect(points[0]).toEqual({
      at: "2026-03-10T00:00:00.000Z",
      latencyAvgMs: null,
      latencyMaxMs: null,
      availability: null,
      samples: 0,
    });
    expect(points[1]).toMatchObject({ latencyAvgMs: 50, latencyMaxMs: 80, samples: 10 });
  });
  it("folds finer rows into coarser buckets by their counts, not by averaging percentages", () => {
    const rows = [
      row(from, { samples: 90, up: 90, latencySum: 900, latencyCount: 90, latencyMax: 20 }),
      row(from + HOUR_MS, {
        samples: 10,
        up: 0,
        down: 10,
        latencySum: 1000,
        latencyCount: 10,
        latencyMax: 300,
      }),
    ];
    const [p] = fillSeries(rows, from, from + 4 * HOUR_MS, 4 * HOUR_MS);
    expect(p).toMatchObject({
      availability: 90,
      latencyAvgMs: 19,
      latencyMaxMs: 300,
      samples: 100,
    });
  });
  it("ignores rows outside the window", () => {
    const points = fillSeries(
      [row(from - HOUR_MS), row(from + 2 * HOUR_MS)],
      from,
      from + 2 * HOUR_MS,
      HOUR_MS,
    );
    expect(points.every((p) => p.samples === 0)).toBe(true);
  });
  it("counts only-unknown buckets as gaps", () => {
    const [p] = fillSeries([row(from, { up: 0, unknown: 10 })], from, from + HOUR_MS, HOUR_MS);
    expect(p!.availability).toBeNull();
  });
});

describe("fillFromHourly", () => {
  const hour = Date.parse("2026-03-10T05:00:00Z");
  const tenMin = 600_000;
  it("spreads an hour with no raw samples over its ten-minute buckets", () => {
    const { rows, hoursFromRollups } = fillFromHourly(
      [],
      [row(hour, { up: 54, down: 6, samples: 60 })],
      tenMin,
    );
    expect(hoursFromRollups).toBe(1);
    const points = fillSeries(rows, hour, hour + HOUR_MS, tenMin);
    expect(points).toHaveLength(6);
    expect(points.every((p) => p.availability === 90 && p.samples === 10)).toBe(true);
  });
  it("never lets a roll-up override an hour that has raw samples", () => {
    const sampled = [row(hour + 30 * 60_000, { up: 0, down: 10 })];
    const { rows, hoursFromRollups } = fillFromHourly(sampled, [row(hour)], tenMin);
    expect(hoursFromRollups).toBe(0);
    const points = fillSeries(rows, hour, hour + HOUR_MS, tenMin);
    expect(points.map((p) => p.availability)).toEqual([null, null, null, 0, null, null]);
  });
});

describe("uptimeDays", () => {
  const now = new Date("2026-03-10T08:00:00Z");
  const day = (iso: string) => Date.parse(`${iso}T00:00:00Z`);
  it("gives one entry per UTC day ending today, and says no data where there is none", () => {
    const result = uptimeDays(
      [
        { ...row(day("2026-03-10")), worst: "operational" },
        { ...row(day("2026-03-08"), { up: 9, down: 1 }), worst: "major_outage" },
      ],
      now,
      3,
    );
    expect(result.days).toEqual([
      { day: "2026-03-08", uptime: 90, worst: "major_outage", samples: 10 },
      { day: "2026-03-09", uptime: null, worst: null, samples: 0 },
      { day: "2026-03-10", uptime: 100, worst: "operational", samples: 10 },
    ]);
    expect(result.uptime).toBe(95);
    expect(result.daysWithData).toBe(2);
  });
  it("shows a day of only unknown readings as unknown, with no uptime", () => {
    const result = uptimeDays(
      [{ ...row(day("2026-03-10"), { up: 0, unknown: 10 }), worst: "unknown" }],
      now,
      1,
    );
    expect(result.days[0]).toMatchObject({ uptime: null, worst: "unknown" });
    expect(result.uptime).toBeNull();
  });
  it("has 90 days by default and no uptime at all without data", () => {
    const result = uptimeDays([], now);
    expect(result.days).toHaveLength(90);
    expect(result.days[0]!.day).toBe("2025-12-11");
    expect(result.uptime).toBeNull();
  });
});
