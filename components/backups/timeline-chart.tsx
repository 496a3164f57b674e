"use client";
import {
  Bar,
  BarChart,
  CartesianGrid,
  Tooltip,
  XAxis,
  YAxis,
  type TooltipContentProps,
} from "recharts";
import type { TimelineDay } from "./timeline-data";

const MONTHS = "Jan Feb Mar Apr May Jun Jul Aug Sep Oct Nov Dec".split(" ");
const dayLabel = (day: string) =>
  `${Number(day.slice(8, 10))} ${MONTHS[Number(day.slice(5, 7)) - 1]}`;
const AXIS = { fill: "currentColor", fontSize: 11 };

// Colour and a fill pattern each, named in the legend, so no series rests on colour alone.
const SERIES = [
  { key: "succeeded", label: "Succeeded", fill: "#16a34a", swatch: "solid" },
  { key: "failed", label: "Failed", fill: "url(#tl-failed)", swatch: "hatch" },
  { key: "pruned", label: "Pruned by retention", fill: "#a1a1aa", swatch: "solid" },
  { key: "inProgress", label: "Queued or running", fill: "url(#tl-progress)", swatch: "dots" },
] as const;

function Swatch({ kind, colour }: { kind: string; colour: string }) {
  return (
    <svg aria-hidden="true" className="size-3 shrink-0" viewBox="0 0 12 12">
      <rect width="12" height="12" fill={colour} />
      {kind === "hatch" && <path d="M-2 4l6-6M0 12L12 0M8 14l6-6" stroke="#fff" strokeWidth="2" />}
      {kind === "dots" && <circle cx="6" cy="6" r="2" fill="#fff" />}
    </svg>
  );
}

function DayTooltip({ active, payload }: Pick<TooltipContentProps, "active" | "payload">) {
  const d = payload?.[0]?.payload as TimelineDay | undefined;
  if (!active || !d) return null;
  return (
    <div className="rounded border border-zinc-300 bg-white px-2 py-1 text-xs text-zinc-900 shadow dark:border-zinc-700 dark:bg-zinc-900 dark:text-zinc-100">
      <p className="font-medium">{dayLabel(d.day)} (UTC)</p>
      {SERIES.filter((s) => d[s.key] > 0).map((s) => (
        <p key={s.key}>
          {s.label}: {d[s.key]}
        </p>
      ))}
      <p>Management operations: {d.operations}</p>
    </div>
  );
}

/** Backups per day by status (stacked), beside the management operations of that day. */
export function BackupTimelineChart({ days }: { days: TimelineDay[] }) {
  return (
    <figure className="min-w-0 text-zinc-500 dark:text-zinc-400">
      <figcaption className="mb-1 flex flex-wrap gap-x-4 gap-y-1 text-xs font-medium text-zinc-800 dark:text-zinc-200">
        {SERIES.map((s) => (
          <span key={s.key} className="inline-flex items-center gap-1.5">
            <Swatch
              kind={s.swatch}
              colour={s.key === "failed" ? "#dc2626" : s.key === "inProgress" ? "#2563eb" : s.fill}
            />
            {s.label}
          </span>
        ))}
        <span className="inline-flex items-center gap-1.5">
          <Swatch kind="solid" colour="#7c3aed" />
          Management operations (right bar of each day)
        </span>
      </figcaption>
      <BarChart
        responsive
        data={days}
        margin={{ top: 8, right: 12, bottom: 0, left: 0 }}
        style={{ width: "100%", height: 200 }}
        barGap={1}
        barCategoryGap="20%"
      >
        <defs>
          <pattern
            id="tl-failed"
            width="6"
            height="6"
            patternUnits="userSpaceOnUse"
            patternTransform="rotate(45)"
          >
            <rect width="6" height="6" fill="#dc2626" />
            <line x1="0" y1="0" x2="0" y2="6" stroke="#fff" strokeWidth="2.5" />
          </pattern>
          <pattern id="tl-progress" width="5" height="5" patternUnits="userSpaceOnUse">
            <rect width="5" height="5" fill="#2563eb" />
            <circle cx="2.5" cy="2.5" r="1" fill="#fff" />
          </pattern>
        </defs>
        <CartesianGrid strokeOpacity={0.15} stroke="currentColor" vertical={false} />
        <XAxis
          dataKey="day"
          tickFormatter={dayLabel}
          tick={AXIS}
          stroke="currentColor"
          minTickGap={24}
        />
        <YAxis width={28} allowDecimals={false} tick={AXIS} stroke="currentColor" />
        <Tooltip
          content={({ active, payload }) => <DayTooltip active={active} payload={payload} />}
          cursor={{ fillOpacity: 0.08 }}
          isAnimationActive={false}
        />
        {SERIES.map((s) => (
          <Bar
            key={s.key}
            dataKey={s.key}
            stackId="backups"
            fill={s.fill}
            isAnimationActive={false}
            name={s.label}
          />
        ))}
        <Bar
          dataKey="operations"
          fill="#7c3aed"
          isAnimationActive={false}
          name="Management operations"
        />
      </BarChart>
    </figure>
  );
}
