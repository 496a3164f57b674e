"use client";
import { useCallback, useEffect, useState } from "react";
import useSWR from "swr";
import type { LiveBoard } from "@/lib/health/board-types";
import { Freshness } from "./freshness";
import { Grid, serviceHasProblem } from "./grid";
import { GridBehaviour } from "./grid-behaviour";
import { OverallBanner } from "./overall-banner";

async function fetchBoard(url: string): Promise<LiveBoard> {
  const response = await fetch(url, { headers: { accept: "application/json" } });
  if (!response.ok) throw new Error(`HTTP ${response.status}`);
  return response.json();
}

/** The live board: server-rendered first, then refreshed in place. */
export function Board({
  initial,
  initialProblemsOnly,
  children,
}: {
  initial: LiveBoard;
  initialProblemsOnly: boolean;
  children?: React.ReactNode;
}) {
  const { data, error, mutate, isValidating } = useSWR("/api/board", fetchBoard, {
    fallbackData: initial,
    refreshInterval: initial.refreshMs,
    revalidateOnMount: false,
    revalidateOnFocus: true,
    dedupingInterval: 1_000,
    keepPreviousData: true,
  });
  const view = data ?? initial;
  const [receivedAt, setReceivedAt] = useState<number | null>(null);
  const [problemsOnly, setProblemsOnly] = useState(initialProblemsOnly);

  // The time this browser last got fresh data, for "updated N s ago".
  useEffect(() => {
    // eslint-disable-next-line react-hooks/set-state-in-effect -- the arrival of data is an external event
    setReceivedAt(Date.now());
  }, [view]);

  const toggle = useCallback(() => {
    setProblemsOnly((on) => {
      const url = new URL(window.location.href);
      if (on) url.searchParams.delete("problems");
      else url.searchParams.set("problems", "1");
      window.history.replaceState(null, "", url);
      return !on;
    });
  }, []);

  const problemCount = view.services.filter((s) => serviceHasProblem(view, s)).length;
  return (
    <div className="space-y-4" data-generated-at={view.generatedAt}>
      <OverallBanner view={view} />
      <Freshness
        view={view}
        receivedAt={receivedAt}
        error={Boolean(error)}
        onRefresh={() => void mutate()}
        refreshing={isValidating}
      />
      <div className="flex flex-wrap items-center justify-between gap-3">
        <button
          type="button"
          aria-pressed={problemsOnly}
          onClick={toggle}
          className="rounded-md border border-zinc-300 px-3 py-1.5 text-sm font-medium hover:bg-zinc-100 focus-visible:outline-2 focus-visible:outline-blue-600 aria-pressed:border-blue-600 aria-pressed:bg-blue-50 aria-pressed:text-blue-900 dark:border-zinc-700 dark:hover:bg-zinc-800 dark:aria-pressed:bg-blue-950 dark:aria-pressed:text-blue-100"
        >
          {problemsOnly ? "✓ " : ""}Problems only ({problemCount} service
          {problemCount === 1 ? "" : "s"})
        </button>
        {children}
      </div>
      <GridBehaviour>
        <Grid view={view} problemsOnly={problemsOnly} />
      </GridBehaviour>
    </div>
  );
}
