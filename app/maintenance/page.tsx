import type { Metadata } from "next";
import Link from "next/link";
import { connection } from "next/server";
import { Breadcrumbs } from "@/components/detail/breadcrumbs";
import { fullUtc } from "@/components/detail/format";
import { Panel } from "@/components/detail/panel";
import { MaintenanceBadge } from "@/components/incidents/badges";
import { MaintenanceForm } from "@/components/incidents/forms/maintenance-form";
import { componentOptions } from "@/components/incidents/options";
import { requireBoardAccess } from "@/lib/auth";
import { hasRole } from "@/lib/roles";
import { currentActor, signInPath } from "@/lib/auth/session";
import { getBoard } from "@/lib/health";
import { listMaintenances, type MaintenanceView } from "@/lib/incidents";

export const metadata: Metadata = { title: "Scheduled maintenance" };

function List({ items, empty }: { items: MaintenanceView[]; empty: string }) {
  if (items.length === 0) return <p className="text-sm">{empty}</p>;
  return (
    <ul className="space-y-2">
      {items.map((m) => (
        <li key={m.id} data-maintenance={m.id}>
          <div className="flex flex-wrap items-center gap-2">
            <Link
              href={`/maintenance/${m.id}`}
              prefetch={false}
              className="font-medium text-blue-700 hover:underline dark:text-blue-400"
            >
              {m.title}
            </Link>
            <MaintenanceBadge status={m.status} />
          </div>
          <p className="text-sm text-zinc-600 dark:text-zinc-400">
            {fullUtc(m.scheduledFor)} to {fullUtc(m.scheduledUntil)} ·{" "}
            {m.components.map((c) => c.name).join(", ")}
          </p>
        </li>
      ))}
    </ul>
  );
}

export default async function MaintenancePage() {
  await connection();
  await requireBoardAccess("/maintenance");
  const [all, actor, board] = await Promise.all([listMaintenances(), currentActor(), getBoard()]);
  const active = all.filter((m) => m.status === "in_progress" || m.status === "verifying");
  const upcoming = all.filter((m) => m.status === "scheduled").reverse();
  const done = all.filter((m) => m.status === "completed").slice(0, 50);
  return (
    <div className="space-y-4">
      <Breadcrumbs
        trail={[
          { label: "Incident history", href: "/history" },
          { label: "Scheduled maintenance" },
        ]}
      />
      <h1 className="text-2xl font-semibold">Scheduled maintenance</h1>
      <p className="max-w-3xl text-sm text-zinc-600 dark:text-zinc-400">
        Maintenance starts and completes on schedule by itself. While it is in progress its
        components show Maintenance on the board and in the API, and open no incidents.
      </p>
      <Panel id="active" title="In progress">
        <List items={active} empty="No maintenance in progress." />
      </Panel>
      <Panel id="upcoming" title="Upcoming">
        <List items={upcoming} empty="Nothing scheduled." />
      </Panel>
      <Panel id="completed" title="Completed">
        <List items={done} empty="None yet." />
      </Panel>
      {hasRole(actor, "operator") ? (
        <Panel id="schedule" title="Schedule maintenance">
          <MaintenanceForm options={componentOptions(board)} />
        </Panel>
      ) : (
        <p className="text-sm text-zinc-600 dark:text-zinc-400">
          Scheduling maintenance needs the operator role.{" "}
          {actor.kind === "anonymous" && (
            <Link href={signInPath("/maintenance")} prefetch={false} className="underline">
              Sign in
            </Link>
          )}
        </p>
      )}
    </div>
  );
}
