import Link from "next/link";
import { getServiceBackups, getServiceTimeline, getStoreOptions } from "@/lib/backups";
import { hasRole, type Actor, type Role } from "@/lib/roles";
import { OPERATION_ALLOWED_STATES } from "@/lib/control-plane";
import { Panel } from "../detail/panel";
import { BackupsTable } from "./backups-table";
import { OperationForm } from "./operation-form";
import { OperationsList } from "./operations-list";
import { ScheduleForm } from "./schedule-form";
import { ScheduleSummary } from "./schedule-summary";
import { TakeBackupForm } from "./take-backup-form";
import { BackupTimelineChart } from "./timeline-chart";
import { timelineDays } from "./timeline-data";

function Plain({ children }: { children: React.ReactNode }) {
  return (
    <p
      className="rounded-md border border-zinc-300 px-3 py-2 text-sm dark:border-zinc-700"
      data-testid="backup-refusal"
    >
      {children}
    </p>
  );
}

function SignInHint({
  role,
  what,
  serviceId,
  actor,
}: {
  role: Role;
  what: string;
  serviceId: string;
  actor: Actor;
}) {
  return (
    <p className="text-sm text-zinc-600 print:hidden dark:text-zinc-400">
      {what} needs the {role} role.{" "}
      {actor.kind === "anonymous" ? (
        <>
          <Link
            href={`/sign-in?next=${encodeURIComponent(`/services/${serviceId}`)}`}
            prefetch={false}
            className="underline"
          >
            Sign in
          </Link>{" "}
          as {role === "admin" ? "an admin" : "an operator"} to do it here.
        </>
      ) : (
        `${actor.name} has the ${actor.role ?? "no"} role.`
      )}
    </p>
  );
}

/** A service's backups: the schedule, recent backups, a 30-day timeline, operations, and the forms its role allows. */
export async function ServiceBackups({
  serviceId,
  serviceRegion,
  edition,
  actor,
}: {
  serviceId: string;
  serviceRegion: string;
  edition: string;
  actor: Actor;
}) {
  const [view, timeline, stores] = await Promise.all([
    getServiceBackups(serviceId),
    getServiceTimeline(serviceId, 30),
    getStoreOptions(),
  ]);
  if (!view) return null;
  const now = new Date().toISOString();
  const { days, summary } = timelineDays(timeline, 30, new Date(now));
  const regions = stores[0]?.regions ?? [];
  // Backups default to another region than the service's own: the off-site rule.
  const offsite = regions.find((r) => r.id !== serviceRegion)?.id ?? serviceRegion;
  const refusal = !view.editionSupportsBackup
    ? `${serviceId} runs the ${edition} edition, which cannot be backed up or restored. Move it to basic or higher to back it up.`
    : !view.backupAllowed
      ? `Backups are not allowed while ${serviceId} is ${view.state.replace(/_/g, " ")}; it must be active, suspended or stopped.`
      : null;
  return (
    <>
      <Panel
        id="backups"
        title="Backups"
        actions={
          <Link
            href={`/backups?service=${encodeURIComponent(serviceId)}`}
            prefetch={false}
            className="text-sm text-blue-700 underline dark:text-blue-400"
          >
            All backups of {serviceId}
          </Link>
        }
      >
        <div className="space-y-4">
          {refusal && <Plain>{refusal}</Plain>}
          <ScheduleSummary
            schedule={view.schedule}
            stores={stores}
            serviceRegion={serviceRegion}
            now={now}
          />
          {!refusal &&
            (hasRole(actor, "operator") ? (
              <div
                id="take-backup"
                className="scroll-mt-4 border-t border-zinc-200 pt-3 dark:border-zinc-800"
              >
                <h3 className="mb-2 text-sm font-semibold">Take a backup now</h3>
                <TakeBackupForm
                  service={serviceId}
                  stores={stores}
                  defaultRegion={
                    view.schedule && view.schedule.region !== serviceRegion
                      ? view.schedule.region
                      : offsite
                  }
                />
              </div>
            ) : (
              <SignInHint
                actor={actor}
                role="operator"
                what="Taking a backup"
                serviceId={serviceId}
              />
            ))}
          <div>
            <h3 className="mb-1 text-sm font-semibold">Last backups</h3>
            {view.recent.length ? (
              <BackupsTable
                rows={view.recent}
                now={now}
                showService={false}
                caption={`Last backups of ${serviceId}`}
              />
            ) : (
              <p className="text-sm">No backups yet.</p>
            )}
          </div>
        </div>
      </Panel>
      <Panel id="backup-timeline" title="Backups and management operations, last 30 days">
        <BackupTimelineChart days={days} />
        <p className="mt-2 text-sm text-zinc-700 dark:text-zinc-300" data-testid="timeline-summary">
          {summary.backups} backup{summary.backups === 1 ? "" : "s"} ({summary.succeeded} succeeded,{" "}
          {summary.failed} failed, {summary.pruned} since pruned by retention
          {summary.inProgress ? `, ${summary.inProgress} in progress` : ""}) and{" "}
          {summary.operations} management operation{summary.operations === 1 ? "" : "s"},{" "}
          {summary.operationsFollowed} of them followed by a good backup.
        </p>
      </Panel>
      <Panel id="operations" title="Recent management operations">
        <OperationsList operations={view.operations} now={now} />
      </Panel>
      {hasRole(actor, "admin") ? (
        <>
          <Panel id="schedule-settings" title="Change the backup schedule">
            {refusal ? (
              <Plain>{refusal}</Plain>
            ) : (
              <ScheduleForm
                serviceId={serviceId}
                schedule={view.schedule}
                stores={stores}
                offsiteRegion={offsite}
              />
            )}
          </Panel>
          <Panel id="run-operation" title="Run a management operation">
            {(OPERATION_ALLOWED_STATES as readonly string[]).includes(view.state) ? (
              <OperationForm
                serviceId={serviceId}
                afterChange={Boolean(view.schedule?.afterChange)}
              />
            ) : (
              <Plain>
                Management operations are not allowed while {serviceId} is{" "}
                {view.state.replace(/_/g, " ")}.
              </Plain>
            )}
          </Panel>
        </>
      ) : (
        <SignInHint
          actor={actor}
          role="admin"
          what="Changing the schedule or running a management operation"
          serviceId={serviceId}
        />
      )}
    </>
  );
}
