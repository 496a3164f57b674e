"use client";
import { useCallback, useEffect, useRef, useState } from "react";
import type { LiveBoard } from "@/lib/health/board-types";
import { learnServerClock } from "./server-clock";

type LiveState = {
  data: LiveBoard;
  /** Whether the last request failed (no answer, or not 200). */
  failed: boolean;
  /** When the request in flight was sent, for telling a hung server from a slow one. */
  pendingSince: number | null;
};

/**
 * The board, starting from the server-rendered one and asked for again every `refreshMs` while
 * the page is visible, and at once when it becomes visible again. A few lines instead of a data
 * library: the board's whole script budget is 150 kB.
 */
export function useLiveBoard(initial: LiveBoard): LiveState & { refresh: () => void } {
  const [state, setState] = useState<LiveState>({
    data: initial,
    failed: false,
    pendingSince: null,
  });
  const busy = useRef(false);

  const refresh = useCallback(async () => {
    if (busy.current) return;
    busy.current = true;
    const askedAt = Date.now();
    setState((s) => ({ ...s, pendingSince: askedAt }));
    try {
      const response = await fetch("/api/board", {
        headers: { accept: "application/json" },
        // A server that accepts but never answers must not stop the retries.
        signal: AbortSignal.timeout(Math.max(10_000, 3 * initial.refreshMs)),
      });
      if (!response.ok) throw new Error(`HTTP ${response.status}`);
      const data = (await response.json()) as LiveBoard;
      learnServerClock(data.generatedAt, askedAt);
      setState({ data, failed: false, pendingSince: null });
    } catch {
      setState((s) => ({ ...s, failed: true, pendingSince: null }));
    } finally {
      busy.current = false;
    }
  }, [initial.refreshMs]);

  useEffect(() => {
    const visible = () => document.visibilityState === "visible";
    const timer = setInterval(() => visible() && refresh(), initial.refreshMs);
    const onShow = () => visible() && refresh();
    document.addEventListener("visibilitychange", onShow);
    window.addEventListener("focus", onShow);
    return () => {
      clearInterval(timer);
      document.removeEventListener("visibilitychange", onShow);
      window.removeEventListener("focus", onShow);
    };
  }, [refresh, initial.refreshMs]);

  return { ...state, refresh };
}
