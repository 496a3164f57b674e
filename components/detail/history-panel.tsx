import { HistoryCharts } from "@/components/charts/history-charts";
import { readComponentSeries, RANGE_LABEL, type HistorySeries } from "@/lib/health";
import { percent, whenWithAge } from "./format";

const bucketLabel = (ms: number) =>
  ms % 3_600_000 === 0
    ? ms === 3_600_000
      ? "hourly"
      : `${ms / 3_600_000}-hour`
    : `${Math.round(ms / 60_000)}-minute`;

function summarise(series: HistorySeries) {
  let weight = 0;
  let up = 0;
  let latency = 0;
  let latencyWeight = 0;
  let max: number | null = null;
  for (const p of series.points) {
    if (p.availability !== null) {
      weight += p.samples;
      up += p.availability * p.samples;
    }
    if (p.latencyAvgMs !== null) {
      latency += p.latencyAvgMs * p.samples;
      latencyWeight += p.samples;
    }
    if (p.latencyMaxMs !== null) max = Math.max(max ?? 0, p.latencyMaxMs);
  }
  const gaps = series.points.filter((p) => p.availability === null).length;
  const availability = weight ? up / weight : null;
  return {
    // A weighted mean may round to 100 even with a dip; say so rather than claim a clean record.
    availability:
      availability !== null &&
      availability >= 100 &&
      series.points.some((p) => (p.availability ?? 100) < 100)
        ? 99.999
        : availability,
    latency: latencyWeight ? Math.round(latency / latencyWeight) : null,
    max,
    gaps,
  };
}

/** Latency and availability charts with a one-line summary that reads without the charts. */
export async function HistoryPanel({
  componentId,
  range,
  staleSince,
}: {
  componentId: string;
  range: HistorySeries["range"];
  /** When the component's data is stale: its newest good reading, after which the charts know nothing. */
  staleSince?: { checkedAt: string | null; generatedAt: string };
}) {
  const series = await readComponentSeries(componentId, range);
  const s = summarise(series);
  const empty = s.gaps === series.points.length;
  return (
    <div className="space-y-3">
      <p className="text-sm text-zinc-700 dark:text-zinc-300" data-testid="series-summary">
        {RANGE_LABEL[range]}, in {bucketLabel(series.bucketMs)} buckets:{" "}
        {empty ? (
          "no readings recorded in this range."
        ) : (
          <>
            availability {percent(s.availability)}, average latency{" "}
            {s.latency === null ? "not measured" : `${s.latency} ms`}
            {s.max !== null && ` (max ${s.max} ms)`}
            {s.gaps > 0 && `; ${s.gaps} of ${series.points.length} buckets have no data (gaps)`}.
          </>
        )}
        {staleSince &&
          (staleSince.checkedAt
            ? ` No fresh reading since ${whenWithAge(staleSince.checkedAt, staleSince.generatedAt)}: the charts end there, whatever the last bucket shows.`
            : " No reading has arrived yet.")}
        {series.hoursFromRollups > 0 &&
          ` ${series.hoursFromRollups} hours without raw readings are shown from hourly roll-ups.`}
      </p>
      {!empty && <HistoryCharts series={series} />}
    </div>
  );
}
