import type { EstateComponent } from "../estate/types";
import type { InstanceState } from "./rollup";
import type { Status } from "./vocabulary";
import type { SourceSpec } from "./source-spec-types";

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

/** A health source adapter. One per `type` of source spec. */
export interface Source<S extends SourceSpec = SourceSpec> {
  read(spec: S, component: EstateComponent, ctx: ReadContext): Promise<Reading>;
}

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
