import type { Metadata } from "next";
import Link from "next/link";
import { notFound } from "next/navigation";
import { connection } from "next/server";
import { Suspense } from "react";
import { Breadcrumbs } from "@/components/detail/breadcrumbs";
import { fullUtc } from "@/components/detail/format";
import { Panel, PanelSkeleton } from "@/components/detail/panel";
import { AffectedComponents } from "@/components/incidents/affected-components";
import { ImpactBadge, IncidentStatusBadge } from "@/components/incidents/badges";
import { ChangeForm } from "@/components/incidents/forms/change-form";
import { PostmortemForm } from "@/components/incidents/forms/postmortem-form";
import { UpdateForm } from "@/components/incidents/forms/update-form";
import { LastGoodBackups } from "@/components/incidents/last-good-backups";
import { componentOptions } from "@/components/incidents/options";
import { TimelineList } from "@/components/incidents/timeline-list";
import { UpdatesList } from "@/components/incidents/updates-list";
import { requireBoardAccess } from "@/lib/auth";
import { hasRole, type Actor } from "@/lib/roles";
import { currentActor, signInPath } from "@/lib/auth/session";
import { getBoard } from "@/lib/health";
import {
  getIncident,
  getIncidentInternals,
  getStatusOverIncident,
  INCIDENT_STATUS_LABEL,
  isResolved,
  type IncidentView,
} from "@/lib/incidents";
import { spelledDuration } from "@/components/backups/format";

type Props = { params: Promise<{ incidentId: string }> };

export async function generateMetadata({ params }: Props): Promise<Metadata> {
  const incident = await getIncident((await params).incidentId);
  return { title: incident?.title ?? "Incident" };
}

async function Internals({ incident, actor }: { incident: IncidentView; actor: Actor }) {
  const { timeline, backups } = await getIncidentInternals(incident);
  return (
    <>
      <Panel id="last-good" title="Last good backup before this incident started">
        <LastGoodBackups rows={backups} actor={actor} />
      </Panel>
      <Panel id="timeline" title="Timeline">
        <TimelineList entries={timeline} />
      </Panel>
    </>
  );
}

async function Affected({ incident }: { incident: IncidentView }) {
  return (
    <AffectedComponents
      components={incident.components}
      over={await getStatusOverIncident(incident)}
    />
  );
}

export default async function IncidentPage({ params }: Props) {
  await connection();
  const { incidentId } = await params;
  const here = `/incidents/${encodeURIComponent(incidentId)}`;
  await requireBoardAccess(here);
  const [incident, actor] = await Promise.all([getIncident(incidentId), currentActor()]);
  if (!incident) notFound();
  const signedIn = hasRole(actor, "viewer");
  const operator = hasRole(actor, "operator");
  const resolved = isResolved(incident.status);
  const ended = incident.resolvedAt ?? new Date().toISOString();
  return (
    <div className="space-y-4">
      <Breadcrumbs
        trail={[{ label: "Incident history", href: "/history" }, { label: incident.title }]}
      />
      <header className="space-y-1">
        <div className="flex flex-wrap items-center gap-2">
          <h1 className="text-2xl font-semibold break-words">{incident.title}</h1>
          <IncidentStatusBadge status={incident.status} />
          <ImpactBadge impact={incident.impact} />
        </div>
        <p className="text-sm text-zinc-700 dark:text-zinc-300">
          Began <time dateTime={incident.startedAt}>{fullUtc(incident.startedAt)}</time>
          {incident.resolvedAt ? (
            <>
              {", resolved "}
              <time dateTime={incident.resolvedAt}>{fullUtc(incident.resolvedAt)}</time>
              {` after ${spelledDuration(Date.parse(ended) - Date.parse(incident.startedAt))}`}
            </>
          ) : (
            `, going on for ${spelledDuration(Date.parse(ended) - Date.parse(incident.startedAt))}`
          )}
          {incident.serviceIds.length > 0 && ` · ${incident.serviceIds.join(", ")}`}
          {incident.regions.length > 0 && ` · ${incident.regions.join(", ")}`}
          {" · "}
          {incident.origin === "detected" ? "detected by Standfast" : "opened by hand"}
        </p>
      </header>
      {incident.recoveredAt && !resolved && (
        <p
          role="status"
          className="rounded-md border border-green-700/40 bg-green-50 px-3 py-2 text-sm dark:bg-green-950/40"
        >
          Every affected component has been healthy since before {fullUtc(incident.recoveredAt)}.
          Someone has written to this incident, so it waits for a person to resolve it.
        </p>
      )}
      <Panel id="updates" title="Updates">
        <UpdatesList
          showAuthors={signedIn}
          updates={incident.updates.map((u) => ({
            ...u,
            statusLabel: INCIDENT_STATUS_LABEL[u.status],
          }))}
        />
      </Panel>
      <Suspense fallback={<PanelSkeleton title="Affected components" />}>
        <Panel id="components" title="Affected components">
          <Affected incident={incident} />
        </Panel>
      </Suspense>
      {incident.postmortem && (
        <Panel id="postmortem" title="Postmortem">
          <p className="text-sm break-words whitespace-pre-wrap">{incident.postmortem}</p>
        </Panel>
      )}
      {signedIn ? (
        <Suspense fallback={<PanelSkeleton title="Timeline" height="h-64" />}>
          <Internals incident={incident} actor={actor} />
        </Suspense>
      ) : (
        <p className="text-sm text-zinc-600 dark:text-zinc-400">
          <Link href={signInPath(here)} prefetch={false} className="underline">
            Sign in
          </Link>{" "}
          to see the timeline (faults, operations, backups and restores, with who did what) and the
          last good backup of each affected service.
        </p>
      )}
      {operator && (
        <>
          <Panel id="post-update" title={resolved ? "Add a note" : "Post an update"}>
            <UpdateForm incidentId={incident.id} status={incident.status} />
          </Panel>
          <Panel id="change" title="Change the incident">
            <ChangeForm
              incidentId={incident.id}
              title={incident.title}
              impact={incident.impact}
              components={incident.components.filter((c) => !c.removed).map((c) => c.id)}
              options={componentOptions(await getBoard())}
              resolved={resolved}
            />
          </Panel>
          {resolved && (
            <Panel id="write-postmortem" title="Write the postmortem">
              <PostmortemForm incidentId={incident.id} current={incident.postmortem} />
            </Panel>
          )}
        </>
      )}
    </div>
  );
}
