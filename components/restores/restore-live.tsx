"use client";
import { useRouter } from "next/navigation";
import { useEffect, useRef } from "react";
import useSWR from "swr";
import type { RestoreView } from "@/lib/restores/restore-types";
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

class HttpError extends Error {
  constructor(readonly status: number) {
    super(`HTTP ${status}`);
  }
}

async function fetchRestore(url: string): Promise<Live> {
  const response = await fetch(url, { headers: { accept: "application/json" }, cache: "no-store" });
  if (!response.ok) throw new HttpError(response.status);
  return { ...((await response.json()) as Live), receivedAt: Date.now() };
}

const inFlight = (r: Live | undefined) => r?.status === "queued" || r?.status === "running";
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
  const router = useRouter();
  const { data, error } = useSWR<Live, Error>(`/api/restores/${initial.id}`, fetchRestore, {
    fallbackData: initial,
    revalidateOnMount: false,
    refreshInterval: pollWhileInFlight,
    dedupingInterval: 500,
  });
  const view = data ?? initial;
  const refused = error instanceof HttpError && (error.status === 401 || error.status === 403);

  const wasInFlight = useRef(inFlight(initial));
  useEffect(() => {
    if (wasInFlight.current && !inFlight(view)) router.refresh();
    wasInFlight.current = inFlight(view);
  }, [view, router]);

  useEffect(() => {
    if (!refused || !inFlight(initial)) return;
    const timer = setInterval(() => router.refresh(), 2_000);
    return () => clearInterval(timer);
  }, [refused, initial, router]);

  const percent = Math.round(view.progress * 100);
  return (
    <div className="space-y-3" data-testid="restore-live" data-status={view.status}>
      <div className="flex flex-wrap items-center gap-x-3 gap-y-1">
        <RestoreStatusLabel
          status={view.status}
          className="text-lg font-semibold"
          iconClass="size-5"
        />
        <span aria-live="polite" className="text-sm text-zinc-700 tabular-nums dark:text-zinc-300">
          {percent} % · {SAYS[view.status]}
        </span>
      </div>
      <div
        role="progressbar"
        aria-label="Restore progress"
        aria-valuemin={0}
        aria-valuemax={100}
        aria-valuenow={percent}
        className="h-3 overflow-hidden rounded-full bg-zinc-200 dark:bg-zinc-800"
      >
        <div
          className={`h-full rounded-full transition-[width] ${view.status === "failed" ? "bg-red-600 dark:bg-red-400" : "bg-blue-600 dark:bg-blue-400"}`}
          style={{ width: `${percent}%` }}
        />
      </div>
      <RestoreSteps status={view.status} step={view.step} />
      <WorkerNotice restore={view} />
      {error && !refused && (
        <p role="alert" className="text-sm text-amber-800 dark:text-amber-200">
          Could not fetch progress ({error.message}); retrying every second. What you see may be
          behind.
        </p>
      )}
      {refused && inFlight(view) && (
        <p className="text-sm text-zinc-600 dark:text-zinc-400">
          Following by refreshing the page (live updates need signing in).
        </p>
      )}
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
