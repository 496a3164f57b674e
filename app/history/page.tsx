import type { Metadata } from "next";
import Link from "next/link";
import { connection } from "next/server";
import { Suspense } from "react";
import { Breadcrumbs } from "@/components/detail/breadcrumbs";
import { Panel, PanelSkeleton } from "@/components/detail/panel";
import { HistoryList } from "@/components/incidents/history-list";
import { UptimeTable } from "@/components/incidents/uptime-table";
import { requireBoardAccess } from "@/lib/auth";
import { hasRole } from "@/lib/roles";
import { currentActor } from "@/lib/auth/session";
import { getIncidentHistory, getServiceUptime } from "@/lib/incidents";

export const metadata: Metadata = {
  title: "Incident history",
  alternates: {
    types: {
      "application/rss+xml": "/history.rss",
      "application/atom+xml": "/history.atom",
    },
  },
};

async function Uptime() {
  return <UptimeTable rows={await getServiceUptime()} />;
}

async function History() {
  return <HistoryList entries={await getIncidentHistory()} />;
}

export default async function HistoryPage() {
  await connection();
  await requireBoardAccess("/history");
  const actor = await currentActor();
  const link = "text-sm text-blue-700 underline dark:text-blue-400";
  return (
    <div className="space-y-4">
      <Breadcrumbs trail={[{ label: "Incident history" }]} />
      <header className="flex flex-wrap items-baseline justify-between gap-2">
        <h1 className="text-2xl font-semibold">Incident history</h1>
        <nav aria-label="Feeds and more" className="flex flex-wrap gap-3">
          <a href="/history.rss" className={link}>
            RSS feed
          </a>
          <a href="/history.atom" className={link}>
            Atom feed
          </a>
          <Link href="/maintenance" prefetch={false} className={link}>
            Scheduled maintenance
          </Link>
          {actor.kind === "user" && (
            <Link href="/subscribe" prefetch={false} className={link}>
              E-mail me about incidents
            </Link>
          )}
          {hasRole(actor, "operator") && (
            <Link href="/incidents/new" prefetch={false} className={link}>
              Open an incident
            </Link>
          )}
        </nav>
      </header>
      <Suspense fallback={<PanelSkeleton title="Uptime per service" height="h-32" />}>
        <Panel id="uptime" title="Uptime per service">
          <p className="mb-2 text-xs text-zinc-600 dark:text-zinc-400">
            From the daily readings of each service&apos;s components: a service counts as available
            as its least available component.
          </p>
          <Uptime />
        </Panel>
      </Suspense>
      <Suspense fallback={<PanelSkeleton title="Last 90 days" height="h-64" />}>
        <Panel id="days" title="Last 90 days">
          <History />
        </Panel>
      </Suspense>
    </div>
  );
}
