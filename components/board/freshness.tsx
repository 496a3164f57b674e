"use client";
import type { LiveBoard } from "@/lib/health/board-types";
import { formatAge } from "@/lib/time/duration";

/**
 * "Updated N s ago" (since the data was read, on the server's clock; `now` is null until
 * hydrated), and the warnings that keep the board honest: the server cannot be reached, it cannot
 * read its status store, or the health checks themselves have stopped.
 */
export function Freshness({
  view,
  now,
  unreachable,
  onRefresh,
  refreshing,
}: {
  view: LiveBoard;
  now: number | null;
  unreachable: boolean;
  onRefresh: () => void;
  refreshing: boolean;
}) {
  const readAt = view.store.readAt;
  const age = now === null ? null : now - Date.parse(readAt);
  const beatAge =
    view.poller.lastBeatAt && now !== null ? now - Date.parse(view.poller.lastBeatAt) : null;
  return (
    <div className="space-y-2">
      <div className="flex flex-wrap items-center gap-3 text-sm text-zinc-600 dark:text-zinc-400">
        <span aria-live="off" data-testid="updated">
          {age === null ? `Updated ${readAt.slice(11, 19)} UTC` : `Updated ${formatAge(age)} ago`}
        </span>
        <span aria-hidden="true">·</span>
        <span>refreshes every {formatAge(view.refreshMs)}</span>
        <button
          type="button"
          onClick={onRefresh}
          disabled={refreshing}
          className="rounded border border-zinc-300 px-2 py-0.5 text-xs font-medium hover:bg-zinc-100 focus-visible:outline-2 focus-visible:outline-blue-600 disabled:opacity-60 dark:border-zinc-700 dark:hover:bg-zinc-800"
        >
          {refreshing ? "Refreshing…" : "Refresh now"}
        </button>
      </div>
      {unreachable && (
        <p
          role="alert"
          className="rounded-md border border-red-600/50 bg-red-50 px-3 py-2 text-sm font-medium text-red-900 dark:bg-red-950/50 dark:text-red-100"
        >
          Cannot reach Standfast. Retrying every {formatAge(view.refreshMs)}. Statuses may have
          changed since; each turns Unknown once its data is older than its staleness limit.
        </p>
      )}
      {view.store.unreachableSince && (
        <p
          role="alert"
          className="rounded-md border border-zinc-500/50 bg-zinc-100 px-3 py-2 text-sm font-medium text-zinc-900 dark:bg-zinc-900 dark:text-zinc-100"
        >
          Standfast cannot read its status store since {view.store.unreachableSince.slice(11, 19)}{" "}
          UTC: showing the data it read at {view.store.readAt.slice(11, 19)} UTC, aged as time
          passes.
        </p>
      )}
      {!view.poller.running && (
        <p
          role="alert"
          className="rounded-md border border-zinc-500/50 bg-zinc-100 px-3 py-2 text-sm font-medium text-zinc-900 dark:bg-zinc-900 dark:text-zinc-100"
        >
          Health checks have stopped
          {view.poller.lastBeatAt
            ? `: the poller last ran ${beatAge !== null ? `${formatAge(beatAge)} ago` : `at ${view.poller.lastBeatAt.slice(11, 19)} UTC`}`
            : ": no poller has run yet"}
          . Statuses turn unknown as their data goes stale.
        </p>
      )}
    </div>
  );
}
