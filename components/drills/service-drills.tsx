import Link from "next/link";
import { hasRole, type Actor } from "@/lib/roles";
import { formatRto, getServiceDrills, type DrillView } from "@/lib/drills";
import { BackupStatusLabel } from "../backups/backup-status";
import { AutoRefresh } from "../detail/auto-refresh";
import { utcSeconds } from "../detail/format";
import { Panel } from "../detail/panel";
import { runDrillAction, setDrillScheduleAction } from "./actions";
import { DrillScheduleForm, RunDrillForm } from "./drill-forms";

function LastDrill({ drill }: { drill: DrillView }) {
  const when = drill.finishedAt ?? drill.requestedAt;
  return (
    <dl
      className="grid grid-cols-[max-content_minmax(0,1fr)] gap-x-4 gap-y-1 text-sm"
      data-testid="last-drill"
    >
      <dt className="text-zinc-600 dark:text-zinc-400">Outcome</dt>
      <dd data-drill-status={drill.status}>
        <BackupStatusLabel status={drill.status} />
      </dd>
      <dt className="text-zinc-600 dark:text-zinc-400">When</dt>
      <dd>
        <time dateTime={when}>{utcSeconds(when)}</time>
        {drill.trigger === "schedule" ? " (scheduled)" : ` (by ${drill.requestedBy})`}
      </dd>
      <dt className="text-zinc-600 dark:text-zinc-400">Backup</dt>
      <dd className="break-all">
        <Link href={`/backups/${drill.backupId}`} prefetch={false} className="underline">
          {drill.backupName}
        </Link>
      </dd>
      <dt className="text-zinc-600 dark:text-zinc-400">RTO</dt>
      <dd data-testid="drill-rto">{formatRto(drill.rtoMs)}</dd>
      {drill.reason && (
        <>
          <dt className="text-zinc-600 dark:text-zinc-400">Reason</dt>
          <dd className="break-words" data-testid="drill-reason">
            {drill.reason}
          </dd>
        </>
      )}
    </dl>
  );
}

/**
 * A service's last restore drill (a backup restored into a sandbox no client sees, its
 * configuration's hash compared), the button to run one (operator) and the schedule (admin).
 */
export async function ServiceDrills({ serviceId, actor }: { serviceId: string; actor: Actor }) {
  const view = await getServiceDrills(serviceId);
  if (!view) return null;
  const last = view.drills[0];
  const inFlight = last && (last.status === "queued" || last.status === "running");
  return (
    <Panel id="drills" title="Restore drills">
      {inFlight && <AutoRefresh everyMs={1_000} />}
      <div className="space-y-4">
        {last ? (
          <LastDrill drill={last} />
        ) : (
          <p className="text-sm">
            No drill yet: no backup of this service has been proven restorable.
          </p>
        )}
        <p className="text-sm text-zinc-600 dark:text-zinc-400">
          Schedule:{" "}
          {view.schedule
            ? `every ${view.schedule.everyDays} days, next ${view.schedule.nextDueAt.slice(0, 10)}`
            : "off"}
        </p>
        {hasRole(actor, "operator") ? (
          <RunDrillForm action={runDrillAction.bind(null, serviceId)} />
        ) : (
          <p className="text-sm text-zinc-600 dark:text-zinc-400">
            Running a drill needs the operator role.
          </p>
        )}
        {hasRole(actor, "admin") && (
          <DrillScheduleForm
            action={setDrillScheduleAction.bind(null, serviceId)}
            everyDays={view.schedule?.everyDays ?? null}
          />
        )}
      </div>
    </Panel>
  );
}
