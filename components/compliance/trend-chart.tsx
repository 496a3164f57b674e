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
import type { ComplianceTrendPoint } from "@/lib/backups/backup-types";

const MONTHS = "Jan Feb Mar Apr May Jun Jul Aug Sep Oct Nov Dec".split(" ");
const dayLabel = (day: string) =>
  `${Number(day.slice(8, 10))} ${MONTHS[Number(day.slice(5, 7)) - 1]}`;
const AXIS = { fill: "currentColor", fontSize: 11 };

function TrendTooltip({ active, payload }: Pick<TooltipContentProps, "active" | "payload">) {
  const p = payload?.[0]?.payload as ComplianceTrendPoint | undefined;
  if (!active || !p) return null;
  return (
    <div className="rounded border border-zinc-300 bg-white px-2 py-1 text-xs text-zinc-900 shadow dark:border-zinc-700 dark:bg-zinc-900 dark:text-zinc-100">
      <p className="font-medium">{dayLabel(p.day)} (end of day, UTC)</p>
      <p>
        {p.compliant} of {p.total} compliant, {p.failing} failing
      </p>
    </div>
  );
}

/**
 * Services meeting every rule (solid) and failing at least one (hatched) at each day's end. The
 * hatching and the legend's words carry the meaning, so it reads without colour and in print.
 */
export function ComplianceTrendChart({ trend }: { trend: ComplianceTrendPoint[] }) {
  const total = Math.max(1, ...trend.map((p) => p.total));
  return (
    <figure className="min-w-0 text-zinc-500 dark:text-zinc-400 print:text-black">
      <figcaption className="mb-1 flex flex-wrap gap-x-4 text-sm font-medium text-zinc-800 dark:text-zinc-200 print:text-black">
        <span className="inline-flex items-center gap-1.5">
          <span
            aria-hidden="true"
            className="inline-block size-3 rounded-sm bg-green-600 print:border print:border-black"
          />
          Compliant (every rule met)
        </span>
        <span className="inline-flex items-center gap-1.5">
          <svg aria-hidden="true" className="size-3" viewBox="0 0 12 12">
            <rect width="12" height="12" fill="#dc2626" />
            <path d="M-2 4l6-6M0 12L12 0M8 14l6-6" stroke="#fff" strokeWidth="2" />
          </svg>
          Failing (at least one rule)
        </span>
      </figcaption>
      <BarChart
        responsive
        data={trend}
        margin={{ top: 8, right: 12, bottom: 0, left: 0 }}
        style={{ width: "100%", height: 220 }}
        barCategoryGap={trend.length > 45 ? 1 : 3}
      >
        <defs>
          <pattern
            id="failing-hatch"
            width="6"
            height="6"
            patternUnits="userSpaceOnUse"
            patternTransform="rotate(45)"
          >
            <rect width="6" height="6" fill="#dc2626" />
            <line x1="0" y1="0" x2="0" y2="6" stroke="#fff" strokeWidth="2.5" />
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
        <YAxis
          width={32}
          allowDecimals={false}
          domain={[0, total]}
          tick={AXIS}
          stroke="currentColor"
          label={{
            value: "services",
            angle: -90,
            position: "insideLeft",
            fill: "currentColor",
            fontSize: 11,
          }}
        />
        <Tooltip
          content={({ active, payload }) => <TrendTooltip active={active} payload={payload} />}
          cursor={{ fillOpacity: 0.08 }}
          isAnimationActive={false}
        />
        <Bar
          dataKey="compliant"
          stackId="s"
          fill="#16a34a"
          isAnimationActive={false}
          name="Compliant"
        />
        <Bar
          dataKey="failing"
          stackId="s"
          fill="url(#failing-hatch)"
          isAnimationActive={false}
          name="Failing"
        />
      </BarChart>
    </figure>
  );
}
