"use client";
/**
 * Following a queued or running job (a backup, a restore) from its server-rendered start: its API
 * polled while it is in flight, the page rendered again once it is done, and the page itself
 * refreshed instead where the API refuses this browser (not signed in).
 */
import { useRouter } from "next/navigation";
import { useEffect, useRef } from "react";
import useSWR from "swr";

type Job = { id: string; status: string };

class HttpError extends Error {
  constructor(readonly status: number) {
    super(`HTTP ${status}`);
  }
}

/** One job from its API, as JSON, never from a cache. */
export async function fetchJob<T extends Job>(url: string): Promise<T> {
  const response = await fetch(url, { headers: { accept: "application/json" }, cache: "no-store" });
  if (!response.ok) throw new HttpError(response.status);
  return response.json();
}

export const inFlight = (job: Job | undefined) =>
  job?.status === "queued" || job?.status === "running";

/**
 * The job as last read from `url` (by `fetcher`): polled as `refreshInterval` says (SWR restarts
 * its timer when that function changes); `refused` when the API answered 401 or 403.
 */
export function useLiveJob<T extends Job>(
  url: string,
  initial: T,
  refreshInterval: (latest: T | undefined) => number,
  fetcher: (url: string) => Promise<T> = fetchJob,
) {
  const router = useRouter();
  const { data, error } = useSWR<T, Error>(url, fetcher, {
    fallbackData: initial,
    revalidateOnMount: false,
    refreshInterval,
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

  return { view, error, refused };
}

/** The job's state and, beside it, what it is doing (read out as it changes). */
export function LiveHeadline({ label, says }: { label: React.ReactNode; says: React.ReactNode }) {
  return (
    <div className="flex flex-wrap items-center gap-x-3 gap-y-1">
      {label}
      <span aria-live="polite" className="text-sm text-zinc-700 tabular-nums dark:text-zinc-300">
        {says}
      </span>
    </div>
  );
}

/** A 0–100 progress bar; `fill` colours (and may size) the filled part. */
export function JobProgressBar({
  label,
  valueNow,
  valueText,
  fill,
  width,
}: {
  label: string;
  valueNow: number | undefined;
  valueText?: string;
  fill: string;
  /** The filled part's width in per cent; undefined leaves it to `fill`. */
  width: number | undefined;
}) {
  return (
    <div
      role="progressbar"
      aria-label={label}
      aria-valuemin={0}
      aria-valuemax={100}
      aria-valuenow={valueNow}
      aria-valuetext={valueText}
      className="h-3 overflow-hidden rounded-full bg-zinc-200 dark:bg-zinc-800"
    >
      <div
        className={`h-full rounded-full transition-[width] ${fill}`}
        style={width === undefined ? undefined : { width: `${width}%` }}
      />
    </div>
  );
}

/**
 * Why what is shown may be behind: the API failed (retried), or refused this browser, which then
 * follows by refreshing the page (said unless `following` is false).
 */
export function LiveTrouble({
  error,
  refused,
  following = true,
}: {
  error: Error | undefined;
  refused: boolean;
  following?: boolean;
}) {
  return (
    <>
      {error && !refused && (
        <p role="alert" className="text-sm text-amber-800 dark:text-amber-200">
          Could not fetch progress ({error.message}); retrying every second. What you see may be
          behind.
        </p>
      )}
      {refused && following && (
        <p className="text-sm text-zinc-600 dark:text-zinc-400">
          Following by refreshing the page (live updates need signing in).
        </p>
      )}
    </>
  );
}
