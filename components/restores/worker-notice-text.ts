import { formatAge } from "@/lib/time";
import { STEP_LABEL, type RestoreView } from "@/lib/restores/restore-types";

export type WorkerNotice = { tone: "warning" | "info"; text: string };

const clock = (iso: string) => `${iso.slice(11, 19)} UTC`;

/**
 * What the page says about the worker running a restore, judged at `serverNow` (the server's time
 * as the browser estimates it, so it keeps counting while the server is not answering): silent
 * past the limit, lost and queued to resume, or resumed after a loss. Null when there is nothing
 * to say.
 */
export function workerNotice(
  r: Pick<RestoreView, "status" | "step" | "worker">,
  serverNow: number,
): WorkerNotice | null {
  const { worker } = r;
  const step = r.step === "done" ? "the end" : `"${STEP_LABEL[r.step]}"`;
  if (r.status === "running" && worker.heartbeatAt) {
    const silent = serverNow - Date.parse(worker.heartbeatAt);
    if (silent > worker.lostAfterMs)
      return {
        tone: "warning",
        text: `The worker running this restore has not been heard from for ${formatAge(silent)} (last heartbeat ${clock(worker.heartbeatAt)}). After ${formatAge(worker.lostAfterMs)} without a heartbeat it counts as lost: another Standfast instance takes the restore over and resumes it at ${step}. With no other instance running, it resumes when Standfast starts again.`,
      };
  }
  if (r.status === "queued" && worker.lostAt)
    return {
      tone: "warning",
      text: `The worker running this restore was lost at ${clock(worker.lostAt)} (no heartbeat for ${formatAge(worker.lostAfterMs)}). It is queued to resume at ${step} on the next free instance (attempt ${worker.attempts + 1} of ${worker.maxAttempts}).`,
    };
  if (r.status === "running" && worker.lostAt && worker.attempts > 1)
    return {
      tone: "info",
      text: `A worker running this restore was lost at ${clock(worker.lostAt)}; another instance resumed it at ${step} (attempt ${worker.attempts} of ${worker.maxAttempts}).`,
    };
  return null;
}
