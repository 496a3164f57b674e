import type { ComplianceReport } from "@/lib/backups/backup-types";
import { formatAge } from "@/lib/time";
import { dayLabel } from "../detail/format";
import { VerdictIcon } from "./verdict";

function Count({
  label,
  value,
  verdict,
}: {
  label: string;
  value: number;
  verdict?: "pass" | "fail";
}) {
  return (
    <div className="rounded-lg border border-zinc-200 px-4 py-3 dark:border-zinc-800 print:border-zinc-400">
      <dt className="flex items-center gap-1.5 text-sm text-zinc-600 dark:text-zinc-400 print:text-black">
        {verdict && <VerdictIcon verdict={verdict} />}
        {label}
      </dt>
      <dd className="text-2xl font-semibold tabular-nums">{value}</dd>
    </div>
  );
}

/** Compliant and failing counts across the estate, and which services fail. */
export function ComplianceSummary({ report }: { report: ComplianceReport }) {
  const failing = report.services.filter((s) => s.verdict === "fail");
  return (
    <section aria-label="Summary" className="space-y-2">
      <dl className="grid grid-cols-2 gap-3 sm:grid-cols-4" data-testid="compliance-summary">
        <Count label="Services" value={report.summary.services} />
        <Count label="Compliant" value={report.summary.compliant} verdict="pass" />
        <Count label="Failing" value={report.summary.failing} verdict="fail" />
        <Count label="Not applicable" value={report.summary.notApplicable} />
      </dl>
      <p className="text-sm text-zinc-700 dark:text-zinc-300 print:text-black">
        {failing.length === 0
          ? "Every service meets every rule that applies to it."
          : `Failing: ${failing
              .map((s) => `${s.service} (${s.rules.filter((r) => r.verdict === "fail").length})`)
              .join(", ")}.`}{" "}
        Recovery point objective: a good backup at least every {formatAge(report.rpoMs)}.
      </p>
    </section>
  );
}

/** The trend in words, for readers who cannot use the chart and for print. */
export function TrendSummary({ report }: { report: ComplianceReport }) {
  const t = report.trend;
  if (t.length === 0) return null;
  const last = t[t.length - 1]!;
  const all = t.filter((p) => p.failing === 0).length;
  const worst = t.reduce((a, b) => (b.compliant < a.compliant ? b : a));
  return (
    <p
      className="text-sm text-zinc-700 dark:text-zinc-300 print:text-black"
      data-testid="trend-summary"
    >
      Today {last.compliant} of {last.total} services are compliant. Over these {t.length} days,
      every service was compliant on {all} day{all === 1 ? "" : "s"}; the fewest compliant was{" "}
      {worst.compliant} of {worst.total} (on {dayLabel(worst.day)}).
    </p>
  );
}
