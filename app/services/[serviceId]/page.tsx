import type { Metadata } from "next";
import { notFound } from "next/navigation";
import { connection } from "next/server";
import { Suspense } from "react";
import { StateBadge } from "@/components/board/state-badge";
import { ServiceBackups } from "@/components/backups/service-backups";
import { ServiceCompliancePanel } from "@/components/compliance/service-compliance";
import { AutoRefresh } from "@/components/detail/auto-refresh";
import { Breadcrumbs } from "@/components/detail/breadcrumbs";
import { ChartLinks } from "@/components/detail/chart-links";
import { ChangesPanel } from "@/components/detail/changes-panel";
import { HistoryPanel } from "@/components/detail/history-panel";
import { Panel, PanelSkeleton } from "@/components/detail/panel";
import { RangeNotice } from "@/components/detail/range-notice";
import { pickRange, RangeSwitch } from "@/components/detail/range-switch";
import { RestoreLink } from "@/components/restores/restore-link";
import { ServiceDrills } from "@/components/drills/service-drills";
import { KeepFragmentInView } from "@/components/detail/keep-fragment-in-view";
import { ImpactedBy, ServiceFacts } from "@/components/detail/service-facts";
import { ServiceComponents } from "@/components/detail/service-components";
import { StatusSummary } from "@/components/detail/status-summary";
import { UptimePanel } from "@/components/detail/uptime-panel";
import { KIND_LABEL } from "@/lib/estate/types";
import { getServiceView } from "@/lib/health";
import { hasRole } from "@/lib/roles";
import { currentActor } from "@/lib/auth/session";
import { requireBoardAccess } from "@/lib/auth";

type Props = {
  params: Promise<{ serviceId: string }>;
  searchParams: Promise<Record<string, string | string[] | undefined>>;
};

export async function generateMetadata({ params }: Props): Promise<Metadata> {
  return { title: (await params).serviceId };
}

export default async function ServicePage({ params, searchParams }: Props) {
  await connection();
  const [{ serviceId }, query] = await Promise.all([params, searchParams]);
  await requireBoardAccess(`/services/${encodeURIComponent(serviceId)}`);
  const [view, actor] = await Promise.all([getServiceView(serviceId), currentActor()]);
  if (!view) notFound();
  const s = view.service;
  const { range, problem } = pickRange(query.range);
  const roles = view.components.find((c) => c.role === "roles");
  const labelled = view.components.map((c) => ({
    id: c.id,
    label: `${KIND_LABEL[c.kind]} · ${c.name}`,
    href: `/components/${encodeURIComponent(c.id)}`,
  }));
  return (
    <div className="space-y-4">
      <AutoRefresh everyMs={30_000} />
      <Breadcrumbs trail={[{ label: s.id }]} />
      <header className="flex flex-wrap items-center gap-x-3 gap-y-1">
        <h1 className="text-2xl font-semibold break-all">{s.id}</h1>
        <StateBadge state={s.state} />
        <RestoreLink actor={actor} serviceId={s.id} label="Restore a backup" />
      </header>
      <StatusSummary
        status={s.status}
        reason={s.reason}
        since={view.since}
        sinceNote="when one of its components last changed"
        generatedAt={view.generatedAt}
      />
      <ImpactedBy view={view} />
      <div className="grid gap-4 md:grid-cols-[minmax(0,1fr)_minmax(0,2fr)]">
        <Panel id="facts" title="Service">
          <ServiceFacts view={view} />
        </Panel>
        <Panel id="components" title="Components">
          <ServiceComponents view={view} />
        </Panel>
      </div>
      <RangeNotice problem={problem} />
      {roles && (
        <Panel
          id="history"
          title="Role instances: latency and availability"
          actions={
            <RangeSwitch basePath={`/services/${encodeURIComponent(s.id)}`} current={range} />
          }
        >
          <ChartLinks
            components={view.components.filter((c) => c.role === "dependency")}
            range={range}
          />
          <Suspense
            key={range}
            fallback={<div className="h-56 animate-pulse rounded bg-zinc-100 dark:bg-zinc-900" />}
          >
            <HistoryPanel
              componentId={roles.id}
              range={range}
              staleSince={
                roles.stale
                  ? { checkedAt: roles.checkedAt, generatedAt: view.generatedAt }
                  : undefined
              }
            />
          </Suspense>
        </Panel>
      )}
      <KeepFragmentInView />
      {hasRole(actor, "viewer") && (
        <Suspense fallback={<PanelSkeleton title="Backup compliance" />}>
          <ServiceCompliancePanel serviceId={s.id} viewerRole={actor.role} />
        </Suspense>
      )}
      <Suspense fallback={<PanelSkeleton title="Backups" height="h-64" />}>
        <ServiceBackups
          serviceId={s.id}
          serviceRegion={s.region}
          edition={s.edition}
          actor={actor}
        />
      </Suspense>
      {hasRole(actor, "viewer") && (
        <Suspense fallback={<PanelSkeleton title="Restore drills" />}>
          <ServiceDrills serviceId={s.id} actor={actor} />
        </Suspense>
      )}
      <Suspense fallback={<PanelSkeleton title="Uptime, last 90 days" height="h-48" />}>
        <Panel id="uptime" title="Uptime, last 90 days">
          <UptimePanel components={labelled} />
        </Panel>
      </Suspense>
      <Suspense fallback={<PanelSkeleton title="Recent status changes" />}>
        <Panel id="changes" title="Recent status changes">
          <ChangesPanel components={labelled} generatedAt={view.generatedAt} />
        </Panel>
      </Suspense>
    </div>
  );
}
