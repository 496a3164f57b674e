import { describe, expect, it } from "vitest";
import { availabilityReading } from "./availability";
import { defaultMetricRules } from "../estate/azure-metric-defaults";
import {
  findMetric,
  judgeMetrics,
  judgeRule,
  latestValue,
  type MetricSeries,
} from "./metric-rules";
import { MetricRule } from "../estate/azure-spec-types";

const rule = (input: Record<string, unknown>) =>
  MetricRule.parse({ name: "Availability", ...input });
const series = (
  name: string,
  points: [string, number | undefined][],
  unit = "Percent",
): MetricSeries => ({
  id: `/subscriptions/s/resourceGroups/g/providers/Microsoft.Storage/storageAccounts/a/providers/Microsoft.Insights/metrics/${name}`,
  name: `${name} (display)`,
  unit,
  errorCode: "Success",
  timeseries: [{ data: points.map(([at, average]) => ({ timeStamp: new Date(at), average })) }],
});
const WINDOW = 15 * 60_000;

describe("metric thresholds", () => {
  const availability = rule({ below: { degraded: 99.9, partial: 99, major: 50 } });

  it("lower-is-worse rules step through degraded, partial and major", () => {
    const at = (v: number) =>
      judgeRule(availability, series("Availability", [["2026-01-01T00:00:00Z", v]]), WINDOW);
    expect(at(100).status).toBe("operational");
    expect(at(99.95).status).toBe("operational");
    expect(at(99.5)).toMatchObject({
      status: "degraded_performance",
      reason: "Availability (average) 99.5 %, below 99.9 %",
    });
    expect(at(98).status).toBe("partial_outage");
    expect(at(12).status).toBe("major_outage");
  });

  it("higher-is-worse rules compare with above; equal to the threshold is still fine", () => {
    const latency = rule({ name: "SuccessE2ELatency", above: { degraded: 1000 } });
    const at = (v: number) =>
      judgeRule(
        latency,
        series("SuccessE2ELatency", [["2026-01-01T00:00:00Z", v]], "MilliSeconds"),
        WINDOW,
      );
    expect(at(1000).status).toBe("operational");
    expect(at(1500)).toMatchObject({
      status: "degraded_performance",
      reason: "SuccessE2ELatency (average) 1500 ms, above 1000 ms",
    });
  });

  it("reads the newest point that has a value, skipping the empty minutes at the end", () => {
    const s = series("Availability", [
      ["2026-01-01T00:00:00Z", 100],
      ["2026-01-01T00:01:00Z", 42],
      ["2026-01-01T00:02:00Z", undefined],
    ]);
    expect(latestValue(s, "average")).toBe(42);
    expect(latestValue(s, "total")).toBeNull();
  });

  it("finds a metric by the name in its id, whatever its display name or position", () => {
    const metrics = [series("SuccessE2ELatency", []), series("Availability", [])];
    expect(findMetric(availability, 0, metrics)).toBe(metrics[1]);
    expect(findMetric(rule({ name: "Missing", below: { major: 1 } }), 0, metrics)).toBeUndefined();
  });

  it("a resource is as bad as its worst rule, and unknown outranks green but not a known problem", () => {
    const rules = defaultMetricRules("Microsoft.Storage/storageAccounts")!;
    const ok = judgeMetrics(
      rules,
      [
        series("Availability", [["2026-01-01T00:00:00Z", 100]]),
        series("SuccessE2ELatency", [["2026-01-01T00:00:00Z", 12]], "MilliSeconds"),
      ],
      WINDOW,
    );
    expect(ok).toEqual({ status: "operational", reason: null, latencyMs: 12 });
    const noAvailability = judgeMetrics(
      rules,
      [
        series("Availability", []),
        series("SuccessE2ELatency", [["2026-01-01T00:00:00Z", 3000]], "MilliSeconds"),
      ],
      WINDOW,
    );
    expect(noAvailability).toMatchObject({
      status: "degraded_performance",
      reason: "SuccessE2ELatency (average) 3000 ms, above 1000 ms",
    });
    const idle = judgeMetrics(
      rules,
      [series("Availability", []), series("SuccessE2ELatency", [], "MilliSeconds")],
      WINDOW,
    );
    expect(idle).toEqual({
      status: "unknown",
      reason: "Availability (average): no value in the last 15 min",
      latencyMs: null,
    });
  });

  it("refuses rules that cannot be judged, saying how to fix them", () => {
    const issues = (input: Record<string, unknown>) =>
      MetricRule.safeParse({ name: "cpu_percent", ...input }).error?.issues.map((i) => [
        i.path.join("."),
        i.message,
      ]);
    expect(issues({})).toEqual([
      ["", "give exactly one of above (higher is worse) or below (lower is worse)"],
    ]);
    expect(issues({ above: { degraded: 90 }, below: { major: 1 } })?.[0]?.[1]).toMatch(
      /exactly one of above/,
    );
    expect(issues({ above: {} })).toEqual([
      ["above", "give at least one of degraded, partial or major"],
    ]);
    expect(issues({ above: { degraded: 90, major: 80 } })).toEqual([
      [
        "above.major",
        "major must be at or above degraded (90): a worse status needs a worse value",
      ],
    ]);
    expect(issues({ below: { degraded: 90, partial: 95 } })).toEqual([
      [
        "below.partial",
        "partial must be at or below degraded (90): a worse status needs a worse value",
      ],
    ]);
  });
});

describe("Resource Health availability", () => {
  const now = new Date("2026-01-02T12:00:00Z");
  const status = (properties: Record<string, unknown>) => availabilityReading({ properties }, now);

  it("maps the four states as the domain brief says", () => {
    expect(status({ availabilityState: "Available" }).status).toBe("operational");
    expect(status({ availabilityState: "Degraded" }).status).toBe("degraded_performance");
    expect(status({ availabilityState: "Unavailable" }).status).toBe("major_outage");
    expect(status({ availabilityState: "Unknown" }).status).toBe("unknown");
    expect(status({ availabilityState: "Sideways", summary: "odd" })).toEqual({
      status: "unknown",
      latencyMs: null,
      reason: 'Resource Health reported "Sideways": odd',
    });
  });

  it("an outage resolved within 24 hours says so while the resource is available again", () => {
    const recovered = status({
      availabilityState: "Available",
      recentlyResolved: {
        unavailableOccuredTime: "2026-01-02T08:00:00Z",
        resolvedTime: "2026-01-02T09:30:00Z",
        unavailableSummary: "Host maintenance",
      },
    });
    expect(recovered).toEqual({
      status: "operational",
      latencyMs: null,
      reason:
        "Recently resolved: unavailable from 2026-01-02 08:00 UTC to 2026-01-02 09:30 UTC (Host maintenance)",
    });
    const old = status({
      availabilityState: "Available",
      recentlyResolved: { resolvedTime: "2025-12-30T09:30:00Z" },
    });
    expect(old.reason).toBeNull();
  });
});
