import type { Metadata } from "next";
import Link from "next/link";
import { notFound } from "next/navigation";
import { connection } from "next/server";
import { AutoRefresh } from "@/components/detail/auto-refresh";
import { Breadcrumbs } from "@/components/detail/breadcrumbs";
import { Panel } from "@/components/detail/panel";
import { RestoreStatusLabel } from "@/components/restores/restore-status";
import { OperatorOnly } from "@/components/restores/role-notice";
import { StatusIcon } from "@/components/status/status-icon";
import { hasRole } from "@/lib/roles";
import { requirePageRole } from "@/lib/auth/session";
import { isDomainError } from "@/lib/errors";
import { STATUS_LABEL } from "@/lib/status/vocabulary";
import { evacuationPageOf, type EvacuationPlan } from "@/lib/restores";
import { EvacuationForm } from "./evacuation-form";

export const metadata: Metadata = { title: "Evacuate a region" };

async function pageOf(actor: Parameters<typeof evacuationPageOf>[0], regionId: string) {
  try {
    return await evacuationPageOf(actor, regionId);
  } catch (error) {
    if (isDomainError(error) && error.kind === "not_found") notFound();
    throw error;
  }
}

function Risks({ plan }: { plan: EvacuationPlan }) {
  const risky = plan.rows.filter((r) => r.risk);
  if (risky.length === 0) return null;
  return (
    <div
      role="note"
      className="rounded-md border border-red-600/50 bg-red-50 px-4 py-3 text-sm text-red-950 dark:bg-red-950/40 dark:text-red-100"
    >
      <p className="font-medium">
        {risky.length} service(s) cannot be brought back from a backup held elsewhere:
      </p>
      <ul className="mt-1 list-disc pl-5">
        {risky.map((r) => (
          <li key={r.serviceId} data-risk={r.serviceId}>
            <Link href={`/services/${r.serviceId}`} prefetch={false} className="underline">
              {r.serviceId}
            </Link>
            : {r.risk}
          </li>
        ))}
      </ul>
    </div>
  );
}

export default async function EvacuatePage({ params }: { params: Promise<{ regionId: string }> }) {
  await connection();
  const { regionId } = await params;
  const here = `/regions/${encodeURIComponent(regionId)}/evacuate`;
  const actor = await requirePageRole("viewer", here);
  const { plan, started } = await pageOf(actor, regionId);
  const running = started.some((r) => r.status === "queued" || r.status === "running");
  return (
    <div className="space-y-5">
      <Breadcrumbs
        trail={[
          { label: plan.region.name, href: `/components?region=${encodeURIComponent(regionId)}` },
          { label: "Evacuate" },
        ]}
      />
      <header className="space-y-1">
        <h1 className="text-2xl font-semibold">Evacuate {plan.region.name}</h1>
        <p className="flex items-center gap-1.5 text-sm">
          <StatusIcon status={plan.region.status} className="size-4" />
          {plan.region.name} is {STATUS_LABEL[plan.region.status].toLowerCase()} now;{" "}
          {plan.rows.length} service(s) live there.
        </p>
        <p className="max-w-3xl text-sm text-zinc-600 dark:text-zinc-400">
          Each service comes back from its newest good backup held in another region, into a healthy
          region, as an ordinary restore: the same checks, once each, suspended until its checklist
          is done. Services without such a backup are listed first.
        </p>
      </header>
      <Risks plan={plan} />
      {started.length > 0 && (
        <Panel id="started" title="Restores of this evacuation">
          {running && <AutoRefresh everyMs={2_000} />}
          <ul className="divide-y divide-zinc-200 text-sm dark:divide-zinc-800">
            {started.map((r) => (
              <li key={r.id} className="flex flex-wrap items-center gap-x-3 py-2">
                <Link
                  href={`/restores/${r.id}`}
                  prefetch={false}
                  className="font-medium text-blue-700 underline dark:text-blue-400"
                >
                  {r.sourceService} → {r.target}
                </Link>
                <span>{r.region}</span>
                <RestoreStatusLabel status={r.status} />
                {r.status === "running" && <span>{Math.round(r.progress * 100)} %</span>}
              </li>
            ))}
          </ul>
        </Panel>
      )}
      <Panel id="plan" title="Plan">
        {hasRole(actor, "operator") ? (
          <EvacuationForm plan={plan} />
        ) : (
          <>
            <ul className="mb-3 list-disc pl-5 text-sm">
              {plan.rows
                .filter((r) => r.target)
                .map((r) => (
                  <li key={r.serviceId}>
                    {r.serviceId}: from {r.backup!.name} ({r.backup!.region}) into {r.target!.name}{" "}
                    in {r.target!.regionName}
                  </li>
                ))}
            </ul>
            <OperatorOnly actor={actor} what="Starting an evacuation" next={here} />
          </>
        )}
      </Panel>
      {plan.rows[0] && (
        <Panel id="not-restored" title="What a restore does not bring back">
          <ul className="list-disc pl-5 text-sm">
            {plan.rows[0].notRestored.map((n) => (
              <li key={n}>{n}</li>
            ))}
          </ul>
        </Panel>
      )}
    </div>
  );
}
