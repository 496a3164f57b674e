/** Pure: from metric values to a status, by the thresholds of each rule. No I/O, no clock. */
import { formatAge } from "../time";
import { worstOf, type Status } from "../status/vocabulary";
import type { Reading } from "../status/reading-types";
import type { Aggregation, MetricRule } from "../estate/azure-spec-types";

/** The part of an Azure Monitor metric that the rules read (the SDK's `Metric`). */
export type MetricSeries = {
  id: string;
  name?: string;
  unit?: string;
  errorCode?: string;
  errorMessage?: string;
  timeseries?: { data?: ({ timeStamp: Date | string } & Partial<Record<Aggregation, number>>)[] }[];
};

type Verdict = { status: Status; reason: string | null; value: number | null; unit?: string };

const UNIT: Record<string, string> = {
  Percent: " %",
  MilliSeconds: " ms",
  Seconds: " s",
  Bytes: " bytes",
  CountPerSecond: "/s",
};

const show = (value: number) => String(Number(value.toPrecision(4)));

/**
 * The metric a rule asks for. The SDK reports `name` as the display name ("CPU percentage"),
 * so match on the id, which ends in `/metrics/<metric name>`; failing that, on position.
 */
export function findMetric(
  rule: MetricRule,
  index: number,
  metrics: MetricSeries[],
): MetricSeries | undefined {
  const wanted = rule.name.toLowerCase();
  const byId = metrics.find((m) => {
    const at = m.id.toLowerCase().lastIndexOf("/metrics/");
    return at >= 0 && m.id.slice(at + "/metrics/".length).toLowerCase() === wanted;
  });
  return byId ?? (metrics.every((m) => !m.id.includes("/metrics/")) ? metrics[index] : undefined);
}

/** The newest value of one aggregation over every time series of the metric. */
export function latestValue(metric: MetricSeries, aggregation: Aggregation): number | null {
  let latest: { at: number; value: number } | null = null;
  for (const series of metric.timeseries ?? [])
    for (const point of series.data ?? []) {
      const value = point[aggregation];
      if (typeof value !== "number" || !Number.isFinite(value)) continue;
      const at = new Date(point.timeStamp).getTime();
      if (!latest || at >= latest.at) latest = { at, value };
    }
  return latest?.value ?? null;
}

const STATUS_OF = {
  major: "major_outage",
  partial: "partial_outage",
  degraded: "degraded_performance",
} as const;

export function judgeRule(
  rule: MetricRule,
  metric: MetricSeries | undefined,
  windowMs: number,
): Verdict {
  const label = `${rule.name} (${rule.aggregation})`;
  if (!metric)
    return { status: "unknown", reason: `${label}: not in Azure Monitor's answer`, value: null };
  if (metric.errorCode && metric.errorCode !== "Success")
    return {
      status: "unknown",
      reason: `${label}: ${metric.errorCode}${metric.errorMessage ? `: ${metric.errorMessage}` : ""}`,
      value: null,
    };
  const value = latestValue(metric, rule.aggregation);
  if (value === null)
    return rule.noData === "operational"
      ? { status: "operational", reason: null, value: null }
      : {
          status: "unknown",
          reason: `${label}: no value in the last ${formatAge(windowMs)}`,
          value: null,
        };
  const unit = UNIT[metric.unit ?? ""] ?? "";
  for (const level of ["major", "partial", "degraded"] as const) {
    const above = rule.above?.[level];
    const below = rule.below?.[level];
    if (above !== undefined && value > above)
      return {
        status: STATUS_OF[level],
        reason: `${label} ${show(value)}${unit}, above ${show(above)}${unit}`,
        value,
        unit: metric.unit,
      };
    if (below !== undefined && value < below)
      return {
        status: STATUS_OF[level],
        reason: `${label} ${show(value)}${unit}, below ${show(below)}${unit}`,
        value,
        unit: metric.unit,
      };
  }
  return { status: "operational", reason: null, value, unit: metric.unit };
}

/** One resource's reading: the worst of its rules, with the reasons of those that made it so. */
export function judgeMetrics(
  rules: MetricRule[],
  metrics: MetricSeries[],
  windowMs: number,
): Reading {
  const verdicts = rules.map((rule, i) => judgeRule(rule, findMetric(rule, i, metrics), windowMs));
  const status = worstOf(verdicts.map((v) => v.status));
  const reasons = verdicts.filter((v) => v.status === status && v.reason).map((v) => v.reason);
  // A latency metric, when one is watched, is the latency the charts show.
  const latency = verdicts.find((v) => v.unit === "MilliSeconds" && v.value !== null);
  return {
    status,
    reason: status === "operational" || reasons.length === 0 ? null : reasons.join("; "),
    latencyMs: latency?.value ?? null,
  };
}
