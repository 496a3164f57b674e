"use client";
import { useCallback, useMemo, useState } from "react";
import { ageLiveBoard, type LiveBoard } from "@/lib/health/board-types";
import { describeCell } from "./cell";
import { Freshness } from "./freshness";
import { Grid, serviceHasProblem } from "./grid";
import { GridBehaviour } from "./grid-behaviour";
import { OverallBanner } from "./overall-banner";
import { serverNow } from "./server-clock";
import { useLiveBoard } from "./use-live-board";
import { useNow } from "./use-now";

/**
 * The live board: server-rendered first, then refreshed in place. Between refreshes, and when the
 * server cannot be reached, it ages its own copy every second on the server's clock.
 */
export function Board({
  initial,
  initialProblemsOnly,
  children,
}: {
  initial: LiveBoard;
  initialProblemsOnly: boolean;
  children?: React.ReactNode;
}) {
  const live = useLiveBoard(initial);
  const [problemsOnly, setProblemsOnly] = useState(initialProblemsOnly);
  const tick = useNow();
  // Until hydrated, the board as the server rendered it; then aged each second.
  const now =
    tick === null ? Date.parse(live.data.generatedAt) : serverNow(tick, initial.generatedAt);
  const view = useMemo(() => ageLiveBoard(live.data, now), [live.data, now]);

  const toggle = useCallback(() => {
    setProblemsOnly((on) => {
      const url = new URL(window.location.href);
      if (on) url.searchParams.delete("problems");
      else url.searchParams.set("problems", "1");
      window.history.replaceState(null, "", url);
      return !on;
    });
  }, []);

  // No answer: the request failed, or has hung well past a refresh.
  const hung =
    tick !== null && live.pendingSince !== null && tick - live.pendingSince > 2 * view.refreshMs;
  const unreachable = live.failed || hung;
  const describe = useCallback(
    (id: string) => {
      const c = view.components[id];
      const region = view.regions.find((r) => r.id === c?.region);
      return c ? describeCell(c, region?.name ?? c.region, view.generatedAt, now) : null;
    },
    [view, now],
  );

  const problemCount = view.services.filter((s) => serviceHasProblem(view, s)).length;
  return (
    <div className="space-y-4" data-generated-at={view.generatedAt}>
      <OverallBanner view={view} now={now} unreachable={unreachable} />
      <Freshness
        view={view}
        now={tick === null ? null : now}
        unreachable={unreachable}
        onRefresh={live.refresh}
        refreshing={live.pendingSince !== null}
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
      <GridBehaviour describe={describe}>
        <Grid view={view} problemsOnly={problemsOnly} />
      </GridBehaviour>
    </div>
  );
}
