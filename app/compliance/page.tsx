import type { Metadata } from "next";
import Link from "next/link";
import { connection } from "next/server";
import { ComplianceSummary, TrendSummary } from "@/components/compliance/compliance-summary";
import { ServiceRules } from "@/components/compliance/service-rules";
import { ComplianceTrendChart } from "@/components/compliance/trend-chart";
import { fullUtc } from "@/components/detail/format";
import { Panel } from "@/components/detail/panel";
import { RangeNotice } from "@/components/detail/range-notice";
import { getComplianceReport, parseDays } from "@/lib/backups";
import { isDomainError } from "@/lib/errors";
import { currentActor, requirePageRole } from "@/lib/auth/session";

export const metadata: Metadata = { title: "Backup compliance" };

/** The trend's window from ?days=, or 30 with a visible note saying why. */
function pickDays(raw: string | string[] | undefined): { days: 30 | 90; problem: string | null } {
  if (Array.isArray(raw))
    return {
      days: 30,
      problem: `Give days once (got ${raw.join(", ")}). Showing 30 days instead.`,
    };
  try {
    return { days: parseDays(raw), problem: null };
  } catch (error) {
    if (!isDomainError(error)) throw error;
    return { days: 30, problem: `${error.message} Showing 30 days instead.` };
  }
}

const switchLink =
  "block px-3 py-1 font-medium hover:bg-zinc-100 aria-[current=true]:bg-blue-600 aria-[current=true]:text-white dark:hover:bg-zinc-800";

export default async function CompliancePage({
  searchParams,
}: {
  searchParams: Promise<Record<string, string | string[] | undefined>>;
}) {
  await connection();
  await requirePageRole("viewer", "/compliance");
  const { days, problem } = pickDays((await searchParams).days);
  const [report, actor] = await Promise.all([getComplianceReport(days), currentActor()]);
  return (
    <div className="space-y-4 print:space-y-3 print:bg-white print:text-black">
      <header className="flex flex-wrap items-end justify-between gap-3">
        <div>
          <h1 className="text-2xl font-semibold">Backup compliance</h1>
          <p className="text-sm text-zinc-600 dark:text-zinc-400 print:text-black">
            The recommended practice for every service, as of{" "}
            <time dateTime={report.generatedAt}>{fullUtc(report.generatedAt)}</time>.
          </p>
        </div>
        <a
          href="/api/compliance/report.csv"
          download
          className="rounded-md border border-zinc-300 px-3 py-1.5 text-sm font-medium hover:bg-zinc-100 print:hidden dark:border-zinc-700 dark:hover:bg-zinc-800"
        >
          Export CSV
        </a>
      </header>
      <RangeNotice problem={problem} />
      <ComplianceSummary report={report} />
      <Panel
        id="trend"
        title={`Compliance over the last ${days} days`}
        actions={
          <nav aria-label="Trend window" className="print:hidden">
            <ul className="inline-flex overflow-hidden rounded-md border border-zinc-300 text-sm dark:border-zinc-700">
              {([30, 90] as const).map((d) => (
                <li key={d} className="border-zinc-300 not-first:border-l dark:border-zinc-700">
                  <Link
                    href={d === 30 ? "/compliance" : "/compliance?days=90"}
                    scroll={false}
                    prefetch={false}
                    aria-current={d === days ? "true" : undefined}
                    className={switchLink}
                  >
                    {d} days
                  </Link>
                </li>
              ))}
            </ul>
          </nav>
        }
      >
        <div className="space-y-2">
          <ComplianceTrendChart trend={report.trend} />
          <TrendSummary report={report} />
          <p
            className="text-xs text-zinc-600 dark:text-zinc-400 print:text-black"
            data-testid="trend-note"
          >
            {report.trendNote}
          </p>
        </div>
      </Panel>
      <div className="space-y-4">
        {report.services.map((s) => (
          <ServiceRules key={s.service} service={s} viewerRole={actor.role} />
        ))}
      </div>
    </div>
  );
}
