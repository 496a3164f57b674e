"use client";
import type { BackupRow } from "@/lib/backups/backup-types";
import { inFlight, JobProgressBar, LiveHeadline, LiveTrouble, useLiveJob } from "../jobs/live-job";
import { BackupStatusLabel } from "./backup-status";

type Live = Pick<BackupRow, "id" | "status" | "progress" | "error">;

/**
 * A queued or running backup's progress, polled every second from the server-rendered start
 * until it is done; then the page is rendered again with the outcome. Where the API refuses this
 * browser (not signed in), the page itself is refreshed instead, a little less often.
 */
export function LiveProgress({ initial }: { initial: Live }) {
  const { view, error, refused } = useLiveJob<Live>(
    `/api/backups/${initial.id}`,
    initial,
    // Before the first answer SWR passes no data (the fallback is not cached): go by the server's.
    (latest) => (inFlight(latest ?? initial) ? 1_000 : 0),
  );

  const percent = view.progress === null ? null : Math.round(view.progress * 100);
  const queued = view.status === "queued";
  return (
    <div className="space-y-2" data-testid="live-progress">
      <LiveHeadline
        label={<BackupStatusLabel status={view.status} className="font-semibold" />}
        says={
          queued
            ? "waiting for the backup worker"
            : view.status === "running"
              ? `${percent ?? 0} % written`
              : "done"
        }
      />
      <JobProgressBar
        label="Backup progress"
        valueNow={view.status === "running" ? (percent ?? 0) : undefined}
        valueText={queued ? "queued" : undefined}
        fill={`bg-blue-600 dark:bg-blue-400 ${queued ? "w-1/4 animate-pulse" : ""}`}
        width={queued ? undefined : (percent ?? 0)}
      />
      <LiveTrouble error={error} refused={refused} />
    </div>
  );
}
