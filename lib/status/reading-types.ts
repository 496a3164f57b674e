// What a health source answers: the reading port every source adapter (lib/health/sources,
// lib/azure) speaks, below the domains so adapters need not import the poller's domain.
import type { Status } from "./vocabulary";

/** One role instance as a source sees it. */
export type InstanceState = { name: string; status: Status; reason?: string | null };

/** What one read of a component says. `instances` is set when the source sees each role instance. */
export type Reading = {
  status: Status;
  latencyMs: number | null;
  reason: string | null;
  instances?: InstanceState[];
};

export type Fault =
  | {
      mode: "status";
      status: Exclude<Status, "unknown">;
      instancesDown: number | null;
      reason: string | null;
      until: Date | null;
    }
  | { mode: "silent"; until: Date | null; reason: string | null };

export type ReadContext = {
  /** Aborted when the read's time is up; sources that honour it answer with their own verdict. */
  signal: AbortSignal;
  now: Date;
  timeoutMs: number;
  /** Simulated faults in force, by component id. */
  fault: Fault | undefined;
};

/** Applies a latency threshold, shared by the probe sources. */
export function withLatencyRule(reading: Reading, degradedAfterMs: number | undefined): Reading {
  if (
    reading.status !== "operational" ||
    degradedAfterMs === undefined ||
    reading.latencyMs === null
  )
    return reading;
  if (reading.latencyMs <= degradedAfterMs) return reading;
  return {
    ...reading,
    status: "degraded_performance",
    reason: `slow: ${Math.round(reading.latencyMs)} ms, above ${degradedAfterMs} ms`,
  };
}

export function errorText(error: unknown): string {
  const e = error as NodeJS.ErrnoException & { cause?: NodeJS.ErrnoException };
  const cause = e?.cause && typeof e.cause === "object" ? e.cause : undefined;
  const code = cause?.code ?? e?.code;
  const message = cause?.message ?? e?.message ?? String(error);
  return code && !message.includes(code) ? `${code}: ${message}` : message;
}
