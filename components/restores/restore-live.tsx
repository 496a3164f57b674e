"use client";
import type { RestoreView } from "@/lib/restores/restore-types";
import {
  fetchJob,
  inFlight,
  JobProgressBar,
  LiveHeadline,
  LiveTrouble,
  useLiveJob,
} from "../jobs/live-job";
import { RestoreLog } from "./restore-log";
import { RestoreStatusLabel } from "./restore-status";
import { RestoreSteps } from "./restore-steps";
import { WorkerNotice } from "./worker-notice";

type Live = Pick<
  RestoreView,
  "id" | "status" | "step" | "progress" | "error" | "log" | "worker" | "asOf"
> & {
  /** When this browser received it: with `asOf`, how far its clock is from the server's. */
  receivedAt?: number;
};

async function fetchRestore(url: string): Promise<Live> {
  return { ...(await fetchJob<Live>(url)), receivedAt: Date.now() };
}

// One function for every render: SWR restarts its timer when this changes.
const pollWhileInFlight = (latest: Live | undefined) => (!latest || inFlight(latest) ? 1_000 : 0);

const SAYS: Record<Live["status"], string> = {
  queued: "waiting for the restore worker",
  running: "restoring",
  succeeded: "done: the restored service came up suspended",
  failed: "stopped",
};

/**
 * A restore's steps, progress and log, polled every second from the server-rendered start until
 * it succeeds or fails; then the page is rendered again for what comes next (the checklist, or
 * the failure). Where the API refuses this browser (not signed in), the page is refreshed instead.
 */
export function RestoreLive({ initial }: { initial: Live }) {
  const { view, error, refused } = useLiveJob(
    `/api/restores/${initial.id}`,
    initial,
    pollWhileInFlight,
    fetchRestore,
  );

  const percent = Math.round(view.progress * 100);
  return (
    <div className="space-y-3" data-testid="restore-live" data-status={view.status}>
      <LiveHeadline
        label={
          <RestoreStatusLabel
            status={view.status}
            className="text-lg font-semibold"
            iconClass="size-5"
          />
        }
        says={`${percent} % · ${SAYS[view.status]}`}
      />
      <JobProgressBar
        label="Restore progress"
        valueNow={percent}
        fill={
          view.status === "failed" ? "bg-red-600 dark:bg-red-400" : "bg-blue-600 dark:bg-blue-400"
        }
        width={percent}
      />
      <RestoreSteps status={view.status} step={view.step} />
      <WorkerNotice restore={view} />
      <LiveTrouble error={error} refused={refused} following={inFlight(view)} />
      {/* Open while it runs and when it failed; folded once it succeeded, to bring the checklist up. */}
      <details open={view.status !== "succeeded"} className="pt-1">
        <summary className="cursor-pointer text-sm font-semibold">
          Log ({view.log.length} {view.log.length === 1 ? "entry" : "entries"})
        </summary>
        <div className="mt-1">
          <RestoreLog log={view.log} />
        </div>
      </details>
    </div>
  );
}
