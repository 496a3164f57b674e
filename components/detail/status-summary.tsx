import { STATUS_LABEL, type Status } from "@/lib/status/vocabulary";
import { StatusIcon } from "../status/status-icon";
import { whenWithAge } from "./format";

const TONE: Record<Status, string> = {
  operational: "border-green-600/40 bg-green-50 dark:bg-green-950/40",
  under_maintenance: "border-blue-600/40 bg-blue-50 dark:bg-blue-950/40",
  degraded_performance: "border-yellow-500/50 bg-yellow-50 dark:bg-yellow-950/30",
  partial_outage: "border-orange-500/50 bg-orange-50 dark:bg-orange-950/30",
  major_outage: "border-red-600/50 bg-red-50 dark:bg-red-950/40",
  unknown: "border-zinc-400/60 bg-zinc-100 dark:bg-zinc-900",
};

/**
 * The current status in words and shape, why, since when, and how fresh the reading is. The status
 * is the section's heading and a polite live region.
 */
export function StatusSummary({
  status,
  reason,
  since,
  sinceNote,
  checkedAt,
  lastFailure,
  generatedAt,
  stale,
}: {
  status: Status;
  reason: string | null;
  since: string | null;
  sinceNote?: string;
  checkedAt?: string | null;
  /** A read that failed after the last good one: said from the first failure, not hidden until stale. */
  lastFailure?: { at: string; error: string } | null;
  generatedAt: string;
  stale?: boolean;
}) {
  return (
    <section
      aria-label="Current status"
      data-status={status}
      className={`flex items-start gap-3 rounded-lg border px-4 py-3 ${TONE[status]}`}
    >
      <StatusIcon status={status} className="mt-0.5 size-7" />
      <div className="min-w-0 space-y-0.5">
        {/* Refreshed in place: a screen reader hears a new status, politely. */}
        <h2 className="text-lg font-semibold" aria-live="polite" aria-atomic="true">
          <span className="sr-only">Current status: </span>
          {STATUS_LABEL[status]}
        </h2>
        {reason && <p className="text-sm break-words">{reason}</p>}
        <p className="text-sm text-zinc-700 dark:text-zinc-300">
          {since ? `Since ${whenWithAge(since, generatedAt)}` : "Since: not known"}
          {sinceNote && since ? `, ${sinceNote}` : ""}
          {checkedAt !== undefined && (
            <>
              {" · "}
              {checkedAt
                ? `last good reading ${whenWithAge(checkedAt, generatedAt)}`
                : "never read successfully"}
            </>
          )}
        </p>
        {lastFailure && !stale && (
          <p className="text-sm font-medium">
            ⚠&#xFE0E; The last read failed {whenWithAge(lastFailure.at, generatedAt)}:{" "}
            {lastFailure.error}. This status stands until its data is stale.
          </p>
        )}
        {stale && (
          <p className="text-sm font-medium">
            The data is stale: this status is unknown until a fresh reading arrives.
          </p>
        )}
      </div>
    </section>
  );
}
