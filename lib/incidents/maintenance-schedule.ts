/** Pure maintenance lifecycle: scheduled -> in_progress -> verifying -> completed. */
import { MAINTENANCE_STATUS_LABEL, type MaintenanceStatus } from "./incident-types";

const NEXT: Record<MaintenanceStatus, readonly MaintenanceStatus[]> = {
  scheduled: ["in_progress", "completed"],
  in_progress: ["verifying", "completed"],
  verifying: ["in_progress", "completed"],
  completed: [],
};

/**
 * Whether a person may move a maintenance from one status to another. Only forwards (and back
 * from verifying to in progress when the checks fail); completing early is allowed from any
 * open status; a completed maintenance is final. Posting a note without a change is allowed.
 */
export function transitionRefusal(from: MaintenanceStatus, to: MaintenanceStatus): string | null {
  if (from === to && from !== "completed") return null;
  if (NEXT[from].includes(to)) return null;
  if (from === "completed") return "This maintenance is completed; schedule a new one instead.";
  return `A maintenance cannot go from ${MAINTENANCE_STATUS_LABEL[from].toLowerCase()} to ${MAINTENANCE_STATUS_LABEL[to].toLowerCase()}.`;
}

export type ScheduledWindow = {
  id: string;
  status: MaintenanceStatus;
  scheduledFor: Date;
  scheduledUntil: Date;
};

/**
 * What the schedule does by itself at `now`: a scheduled maintenance whose start has come
 * starts (or, if its end has passed too, completes), and an open one whose end has passed
 * completes.
 */
export function dueTransitions(
  windows: ScheduledWindow[],
  now: Date,
): { id: string; to: "in_progress" | "completed" }[] {
  const out: { id: string; to: "in_progress" | "completed" }[] = [];
  for (const w of windows) {
    if (w.status === "completed") continue;
    if (now >= w.scheduledUntil) out.push({ id: w.id, to: "completed" });
    else if (w.status === "scheduled" && now >= w.scheduledFor)
      out.push({ id: w.id, to: "in_progress" });
  }
  return out;
}

/** The words a maintenance update says when the schedule moves it. */
export function scheduleMessage(to: "in_progress" | "completed", title: string): string {
  return to === "in_progress"
    ? `Scheduled maintenance "${title}" is in progress.`
    : `Scheduled maintenance "${title}" has been completed.`;
}
