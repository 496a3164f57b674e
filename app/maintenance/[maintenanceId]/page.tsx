import type { Metadata } from "next";
import Link from "next/link";
import { notFound } from "next/navigation";
import { connection } from "next/server";
import { Breadcrumbs } from "@/components/detail/breadcrumbs";
import { fullUtc } from "@/components/detail/format";
import { Panel } from "@/components/detail/panel";
import { MaintenanceBadge } from "@/components/incidents/badges";
import { MaintenanceUpdateForm } from "@/components/incidents/forms/maintenance-update-form";
import { UpdatesList } from "@/components/incidents/updates-list";
import { requireBoardAccess } from "@/lib/auth";
import { hasRole } from "@/lib/roles";
import { currentActor } from "@/lib/auth/session";
import { getMaintenance, MAINTENANCE_STATUS_LABEL } from "@/lib/incidents";

type Props = { params: Promise<{ maintenanceId: string }> };

export async function generateMetadata({ params }: Props): Promise<Metadata> {
  const m = await getMaintenance((await params).maintenanceId);
  return { title: m?.title ?? "Maintenance" };
}

export default async function MaintenanceDetailPage({ params }: Props) {
  await connection();
  const { maintenanceId } = await params;
  await requireBoardAccess(`/maintenance/${encodeURIComponent(maintenanceId)}`);
  const [m, actor] = await Promise.all([getMaintenance(maintenanceId), currentActor()]);
  if (!m) notFound();
  return (
    <div className="space-y-4">
      <Breadcrumbs
        trail={[{ label: "Scheduled maintenance", href: "/maintenance" }, { label: m.title }]}
      />
      <header className="space-y-1">
        <div className="flex flex-wrap items-center gap-2">
          <h1 className="text-2xl font-semibold break-words">{m.title}</h1>
          <MaintenanceBadge status={m.status} />
        </div>
        <p className="text-sm text-zinc-700 dark:text-zinc-300">
          Scheduled <time dateTime={m.scheduledFor}>{fullUtc(m.scheduledFor)}</time> to{" "}
          <time dateTime={m.scheduledUntil}>{fullUtc(m.scheduledUntil)}</time>
          {m.startedAt && ` · started ${fullUtc(m.startedAt)}`}
          {m.completedAt && ` · completed ${fullUtc(m.completedAt)}`}
        </p>
      </header>
      <Panel id="components" title="Components">
        <ul className="space-y-1 text-sm">
          {m.components.map((c) => (
            <li key={c.id}>
              <Link
                href={`/components/${encodeURIComponent(c.id)}`}
                prefetch={false}
                className="text-blue-700 hover:underline dark:text-blue-400"
              >
                {c.name}
              </Link>{" "}
              <span className="text-zinc-600 dark:text-zinc-400">{c.region}</span>
            </li>
          ))}
        </ul>
      </Panel>
      <Panel id="updates" title="Updates">
        <UpdatesList
          showAuthors={hasRole(actor, "viewer")}
          updates={m.updates.map((u) => ({
            ...u,
            statusLabel: MAINTENANCE_STATUS_LABEL[u.status],
            affectedComponents: [],
          }))}
        />
      </Panel>
      {hasRole(actor, "operator") && m.status !== "completed" && (
        <Panel id="update" title="Update the maintenance">
          <MaintenanceUpdateForm maintenanceId={m.id} status={m.status} />
        </Panel>
      )}
    </div>
  );
}
