"use client";
import {
  CartesianGrid,
  Line,
  LineChart,
  Tooltip,
  XAxis,
  YAxis,
  type DotItemDotProps,
  type TooltipContentProps,
} from "recharts";
import type { HistorySeries } from "@/lib/health/history-types";

type Row = { t: number; avg: number | null; max: number | null; availability: number | null };

const pad = (n: number) => String(n).padStart(2, "0");
const MONTHS = "Jan Feb Mar Apr May Jun Jul Aug Sep Oct Nov Dec".split(" ");
const clock = (t: number) => {
  const d = new Date(t);
  return `${pad(d.getUTCHours())}:${pad(d.getUTCMinutes())}`;
};
const date = (t: number) => {
  const d = new Date(t);
  return `${d.getUTCDate()} ${MONTHS[d.getUTCMonth()]}`;
};

function ChartTooltip({
  active,
  payload,
  bucketMs,
}: Pick<TooltipContentProps, "active" | "payload"> & { bucketMs: number }) {
  const row = payload?.[0]?.payload as Row | undefined;
  if (!active || !row) return null;
  const end = row.t + bucketMs;
  return (
    <div className="rounded border border-zinc-300 bg-white px-2 py-1 text-xs shadow dark:border-zinc-700 dark:bg-zinc-900">
      <p className="font-medium">
        {date(row.t)} {clock(row.t)}–{clock(end)} UTC
      </p>
      {row.availability === null ? (
        <p>No data</p>
      ) : (
        <>
          <p>Availability {row.availability} %</p>
          <p>
            Latency {row.avg ?? "–"} ms avg, {row.max ?? "–"} ms max
          </p>
        </>
      )}
    </div>
  );
}

const AXIS = { fill: "currentColor", fontSize: 11 };

/** A point with gaps on both sides has no line to sit on: mark it with a dot so it is not lost. */
function isolatedDot(rows: Row[], key: keyof Row, color: string) {
  const IsolatedDot = ({ index, cx, cy }: DotItemDotProps) => {
    const has = (i: number) => rows[i] !== undefined && rows[i]![key] !== null;
    if (!has(index) || has(index - 1) || has(index + 1) || cx == null || cy == null)
      return <g key={index} />;
    return <circle key={index} cx={cx} cy={cy} r={2.5} fill={color} />;
  };
  return IsolatedDot;
}

/** Latency and availability over a range. Gaps stay gaps: lines are never drawn across missing buckets. */
export function HistoryCharts({ series }: { series: HistorySeries }) {
  const rows: Row[] = series.points.map((p) => ({
    t: Date.parse(p.at),
    avg: p.latencyAvgMs,
    max: p.latencyMaxMs,
    availability: p.availability,
  }));
  const domain = [Date.parse(series.from), Date.parse(series.to)];
  const tick = series.range === "24h" ? clock : date;
  const x = (
    <XAxis
      dataKey="t"
      type="number"
      scale="time"
      domain={domain}
      tickFormatter={tick}
      tick={AXIS}
      stroke="currentColor"
      minTickGap={24}
    />
  );
  const tooltip = (
    <Tooltip
      content={({ active, payload }) => (
        <ChartTooltip active={active} payload={payload} bucketMs={series.bucketMs} />
      )}
      isAnimationActive={false}
    />
  );
  const grid = <CartesianGrid strokeOpacity={0.15} stroke="currentColor" vertical={false} />;
  const margin = { top: 8, right: 12, bottom: 0, left: 0 };
  return (
    <div className="grid gap-4 text-zinc-500 lg:grid-cols-2 dark:text-zinc-400">
      <figure className="min-w-0">
        <figcaption className="mb-1 text-sm font-medium text-zinc-800 dark:text-zinc-200">
          Latency (ms): <span className="text-blue-600 dark:text-blue-400">average</span>,{" "}
          <span className="text-violet-600 dark:text-violet-400">maximum (dashed)</span>
        </figcaption>
        <LineChart responsive data={rows} margin={margin} style={{ width: "100%", height: 200 }}>
          {grid}
          {x}
          <YAxis width={44} tick={AXIS} stroke="currentColor" />
          {tooltip}
          <Line
            dataKey="max"
            stroke="#8b5cf6"
            strokeDasharray="4 3"
            dot={isolatedDot(rows, "max", "#8b5cf6")}
            isAnimationActive={false}
          />
          <Line
            dataKey="avg"
            stroke="#3b82f6"
            strokeWidth={2}
            dot={isolatedDot(rows, "avg", "#3b82f6")}
            isAnimationActive={false}
          />
        </LineChart>
      </figure>
      <figure className="min-w-0">
        <figcaption className="mb-1 text-sm font-medium text-zinc-800 dark:text-zinc-200">
          Availability (%): share of readings not in a partial or major outage
        </figcaption>
        <LineChart responsive data={rows} margin={margin} style={{ width: "100%", height: 200 }}>
          {grid}
          {x}
          <YAxis
            width={44}
            domain={[0, 100]}
            ticks={[0, 25, 50, 75, 100]}
            tick={AXIS}
            stroke="currentColor"
          />
          {tooltip}
          <Line
            dataKey="availability"
            type="stepAfter"
            stroke="#059669"
            strokeWidth={2}
            dot={isolatedDot(rows, "availability", "#059669")}
            isAnimationActive={false}
          />
        </LineChart>
      </figure>
    </div>
  );
}
