import Link from "next/link";
import type { Role } from "@/lib/roles";
import { RULE_TITLE, type ServiceCompliance } from "@/lib/backups/compliance-types";
import { fullUtc } from "../detail/format";
import { NextSteps } from "./next-steps";
import { VerdictLabel } from "./verdict";

const ISO_AT_START = /^(\d{4}-\d\d-\d\dT[\d:.]+Z)\s+(.*)$/;

/** An uncovered operation: "2026-…Z kind: summary", with its time made readable. */
function Item({ text }: { text: string }) {
  const m = ISO_AT_START.exec(text);
  if (!m) return <li>{text}</li>;
  return (
    <li>
      <time dateTime={m[1]} className="tabular-nums">
        {fullUtc(m[1]!)}
      </time>{" "}
      {m[2]}
    </li>
  );
}

/** One service: its overall verdict, then every rule with its verdict, the evidence and what fixes it. */
export function ServiceRules({
  service,
  viewerRole,
}: {
  service: ServiceCompliance;
  viewerRole: Role | null;
}) {
  const failing = service.rules.filter((r) => r.verdict === "fail").length;
  const headingId = `svc-${service.service}`;
  return (
    <section
      aria-labelledby={headingId}
      data-service-compliance={service.service}
      className="rounded-lg border border-zinc-200 p-4 break-inside-avoid dark:border-zinc-800 print:border-zinc-400"
    >
      <header className="mb-2 flex flex-wrap items-center justify-between gap-2">
        <h2 id={headingId} className="text-base font-semibold">
          <Link
            href={`/services/${encodeURIComponent(service.service)}`}
            prefetch={false}
            className="text-blue-700 underline dark:text-blue-400 print:text-black print:no-underline"
          >
            {service.service}
          </Link>{" "}
          <span className="text-sm font-normal text-zinc-600 dark:text-zinc-400 print:text-black">
            {service.edition} · {service.region}
          </span>
        </h2>
        <p className="text-sm">
          <VerdictLabel verdict={service.verdict} className="font-semibold" />
          {failing > 0 && (
            <span className="ml-1 text-zinc-600 dark:text-zinc-400 print:text-black">
              ({failing} rule{failing === 1 ? "" : "s"} failing)
            </span>
          )}
        </p>
      </header>
      <table className="w-full table-fixed text-sm max-sm:block">
        <caption className="sr-only">Rules for {service.service}</caption>
        <thead className="max-sm:sr-only">
          <tr className="border-b border-zinc-200 text-left print:border-zinc-400 text-xs text-zinc-600 dark:border-zinc-800 dark:text-zinc-300 print:text-black">
            <th scope="col" className="w-[32%] py-1 pr-3 font-semibold">
              Rule
            </th>
            <th scope="col" className="w-36 py-1 pr-3 font-semibold">
              Verdict
            </th>
            <th scope="col" className="py-1 font-semibold">
              Evidence
            </th>
          </tr>
        </thead>
        <tbody className="divide-y divide-zinc-100 max-sm:block dark:divide-zinc-900 print:divide-zinc-300">
          {service.rules.map((r) => (
            <tr key={r.rule} data-rule={r.rule} className="align-top max-sm:block max-sm:py-1.5">
              <th
                scope="row"
                className="py-1.5 pr-3 text-left font-medium max-sm:block max-sm:py-0"
              >
                {RULE_TITLE[r.rule]}
              </th>
              <td className="py-1.5 pr-3 whitespace-nowrap max-sm:block max-sm:py-0">
                <VerdictLabel verdict={r.verdict} />
              </td>
              <td className="py-1.5 max-sm:block max-sm:py-0">
                <span className="text-zinc-700 dark:text-zinc-300 print:text-black">
                  {r.evidence}
                </span>
                {r.items && r.items.length > 0 && (
                  <ul
                    className="mt-1 list-disc space-y-0.5 pl-5 text-xs"
                    aria-label="Operations without a backup after them"
                  >
                    {r.items.map((item) => (
                      <Item key={item} text={item} />
                    ))}
                  </ul>
                )}
                <NextSteps steps={r.nextSteps ?? []} viewerRole={viewerRole} />
              </td>
            </tr>
          ))}
        </tbody>
      </table>
    </section>
  );
}
