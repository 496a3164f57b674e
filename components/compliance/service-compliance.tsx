import Link from "next/link";
import type { Role } from "@/lib/roles";
import { getServiceCompliance } from "@/lib/backups";
import { RULE_TITLE } from "@/lib/backups/compliance-types";
import { Panel } from "../detail/panel";
import { NextSteps } from "./next-steps";
import { VerdictLabel } from "./verdict";

/** A service's failing compliance rules with what fixes each; the full report is one link away. */
export async function ServiceCompliancePanel({
  serviceId,
  viewerRole,
}: {
  serviceId: string;
  viewerRole: Role | null;
}) {
  const compliance = await getServiceCompliance(serviceId);
  if (!compliance) return null;
  const failing = compliance.rules.filter((r) => r.verdict === "fail");
  return (
    <Panel
      id="compliance"
      title="Backup compliance"
      actions={
        <Link
          href={`/compliance#svc-${encodeURIComponent(serviceId)}`}
          prefetch={false}
          className="text-sm text-blue-700 underline dark:text-blue-400"
        >
          Every rule, with evidence
        </Link>
      }
    >
      <p className="text-sm">
        <VerdictLabel verdict={compliance.verdict} className="font-semibold" />{" "}
        {failing.length === 0
          ? "every rule of the recommended practice is met."
          : `${failing.length} rule${failing.length === 1 ? "" : "s"} failing:`}
      </p>
      {failing.length > 0 && (
        <ul className="mt-2 divide-y divide-zinc-100 dark:divide-zinc-900">
          {failing.map((r) => (
            <li key={r.rule} data-rule={r.rule} className="py-2">
              <p className="text-sm font-medium">{RULE_TITLE[r.rule]}</p>
              <p className="text-sm text-zinc-700 dark:text-zinc-300">{r.evidence}</p>
              <NextSteps steps={r.nextSteps ?? []} viewerRole={viewerRole} />
            </li>
          ))}
        </ul>
      )}
    </Panel>
  );
}
