import type { Metadata } from "next";
import { notFound } from "next/navigation";
import { connection } from "next/server";
import { Suspense } from "react";
import { AutoRefresh } from "@/components/detail/auto-refresh";
import { Breadcrumbs } from "@/components/detail/breadcrumbs";
import { ChangesPanel } from "@/components/detail/changes-panel";
import { ComponentAttributes } from "@/components/detail/component-attributes";
import { HistoryPanel } from "@/components/detail/history-panel";
import { Panel, PanelSkeleton } from "@/components/detail/panel";
import { RangeNotice } from "@/components/detail/range-notice";
import { pickRange, RangeSwitch } from "@/components/detail/range-switch";
import { ServiceList } from "@/components/detail/service-list";
import { StatusSummary } from "@/components/detail/status-summary";
import { UptimePanel } from "@/components/detail/uptime-panel";
import { KIND_LABEL } from "@/lib/estate/types";
import { getComponentView } from "@/lib/health";
import { requireBoardAccess } from "@/lib/auth";

type Props = {
  params: Promise<{ componentId: string }>;
  searchParams: Promise<Record<string, string | string[] | undefined>>;
};

export async function generateMetadata({ params }: Props): Promise<Metadata> {
  return { title: (await params).componentId };
}

export default async function ComponentPage({ params, searchParams }: Props) {
  await connection();
  const [{ componentId }, query] = await Promise.all([params, searchParams]);
  await requireBoardAccess(`/components/${encodeURIComponent(componentId)}`);
  const view = await getComponentView(componentId);
  if (!view) notFound();
  const c = view.component;
  const { range, problem } = pickRange(query.range);
  const path = `/components/${encodeURIComponent(c.id)}`;
  const owner = c.serviceIds.length === 1 ? c.serviceIds[0] : undefined;
  return (
    <div className="space-y-4">
      <AutoRefresh everyMs={30_000} />
      <Breadcrumbs
        trail={[
          ...(owner ? [{ label: owner, href: `/services/${encodeURIComponent(owner)}` }] : []),
          { label: c.name },
        ]}
      />
      <header>
        <h1 className="text-2xl font-semibold break-words">{c.name}</h1>
        <p className="text-sm text-zinc-600 dark:text-zinc-400">
          {KIND_LABEL[c.kind]} in {view.regionName} · <span className="font-mono">{c.id}</span>
        </p>
      </header>
      <StatusSummary
        status={c.status}
        reason={c.reason}
        since={c.since}
        checkedAt={c.checkedAt}
        lastFailure={c.lastFailure}
        generatedAt={view.generatedAt}
        stale={c.stale}
      />
      <div className="grid gap-4 md:grid-cols-2">
        <Panel id="attributes" title="Details">
          <ComponentAttributes view={view} />
        </Panel>
        <Panel id="dependents" title="Services that depend on it">
          <ServiceList services={view.dependents} empty="No live service uses this component." />
        </Panel>
      </div>
      <RangeNotice problem={problem} />
      <Panel
        id="history"
        title="Latency and availability"
        actions={<RangeSwitch basePath={path} current={range} />}
      >
        <Suspense
          key={range}
          fallback={<div className="h-56 animate-pulse rounded bg-zinc-100 dark:bg-zinc-900" />}
        >
          <HistoryPanel
            componentId={c.id}
            range={range}
            staleSince={
              c.stale ? { checkedAt: c.checkedAt, generatedAt: view.generatedAt } : undefined
            }
          />
        </Suspense>
      </Panel>
      <Suspense fallback={<PanelSkeleton title="Uptime, last 90 days" height="h-12" />}>
        <Panel id="uptime" title="Uptime, last 90 days">
          <UptimePanel components={[{ id: c.id, label: c.name }]} />
        </Panel>
      </Suspense>
      <Suspense fallback={<PanelSkeleton title="Recent status changes" />}>
        <Panel id="changes" title="Recent status changes">
          <ChangesPanel components={[{ id: c.id, label: c.name }]} generatedAt={view.generatedAt} />
        </Panel>
      </Suspense>
    </div>
  );
}
