"use client";
import { useRouter } from "next/navigation";
import { useEffect, useRef } from "react";
import useSWR from "swr";
import type { BackupRow } from "@/lib/backups/backup-types";
import { BackupStatusLabel } from "./backup-status";

type Live = Pick<BackupRow, "id" | "status" | "progress" | "error">;

class HttpError extends Error {
  constructor(readonly status: number) {
    super(`HTTP ${status}`);
  }
}

async function fetchBackup(url: string): Promise<Live> {
  const response = await fetch(url, { headers: { accept: "application/json" }, cache: "no-store" });
  if (!response.ok) throw new HttpError(response.status);
  return response.json();
}

const active = (b: Live | undefined) => b?.status === "queued" || b?.status === "running";

/**
 * A queued or running backup's progress, polled every second from the server-rendered start
 * until it is done; then the page is rendered again with the outcome. Where the API refuses this
 * browser (not signed in), the page itself is refreshed instead, a little less often.
 */
export function LiveProgress({ initial }: { initial: Live }) {
  const router = useRouter();
  const { data, error } = useSWR<Live, Error>(`/api/backups/${initial.id}`, fetchBackup, {
    fallbackData: initial,
    revalidateOnMount: false,
    // Before the first answer SWR passes no data (the fallback is not cached): go by the server's.
    refreshInterval: (latest) => (active(latest ?? initial) ? 1_000 : 0),
    dedupingInterval: 500,
  });
  const view = data ?? initial;
  const refused = error instanceof HttpError && (error.status === 401 || error.status === 403);

  const wasActive = useRef(active(initial));
  useEffect(() => {
    if (wasActive.current && !active(view)) router.refresh();
    wasActive.current = active(view);
  }, [view, router]);

  useEffect(() => {
    if (!refused || !active(initial)) return;
    const timer = setInterval(() => router.refresh(), 2_000);
    return () => clearInterval(timer);
  }, [refused, initial, router]);

  const percent = view.progress === null ? null : Math.round(view.progress * 100);
  return (
    <div className="space-y-2" data-testid="live-progress">
      <div className="flex flex-wrap items-center gap-x-3 gap-y-1">
        <BackupStatusLabel status={view.status} className="font-semibold" />
        <span aria-live="polite" className="text-sm text-zinc-700 tabular-nums dark:text-zinc-300">
          {view.status === "queued"
            ? "waiting for the backup worker"
            : view.status === "running"
              ? `${percent ?? 0} % written`
              : "done"}
        </span>
      </div>
      <div
        role="progressbar"
        aria-label="Backup progress"
        aria-valuemin={0}
        aria-valuemax={100}
        aria-valuenow={view.status === "running" ? (percent ?? 0) : undefined}
        aria-valuetext={view.status === "queued" ? "queued" : undefined}
        className="h-3 overflow-hidden rounded-full bg-zinc-200 dark:bg-zinc-800"
      >
        <div
          className={`h-full rounded-full bg-blue-600 transition-[width] dark:bg-blue-400 ${view.status === "queued" ? "w-1/4 animate-pulse" : ""}`}
          style={view.status === "queued" ? undefined : { width: `${percent ?? 0}%` }}
        />
      </div>
      {error && !refused && (
        <p role="alert" className="text-sm text-amber-800 dark:text-amber-200">
          Could not fetch progress ({error.message}); retrying every second. What you see may be
          behind.
        </p>
      )}
      {refused && (
        <p className="text-sm text-zinc-600 dark:text-zinc-400">
          Following by refreshing the page (live updates need signing in).
        </p>
      )}
    </div>
  );
}
