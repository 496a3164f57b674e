/**
 * One read of one component, bounded in time: its source is aborted at the component's timeout,
 * and one that ignores the abort is abandoned a grace period later. The poller schedules reads;
 * this only makes one and says how it ended.
 */
import type { EstateComponent } from "../estate/types";
import type { Outcome } from "./recorder";
import { readComponent, type Fault } from "./sources";
import { errorText } from "../status/reading-types";

const GRACE_MS = 250;

/** Reads `component` as at `at`; `done` is called exactly once, with the read's seconds. */
export function readOnce(
  component: EstateComponent,
  at: Date,
  fault: Fault | undefined,
  done: (outcome: Outcome, seconds: number) => void,
): void {
  const started = performance.now();
  const controller = new AbortController();
  const abort = setTimeout(() => controller.abort(), component.timeoutMs);
  let settled = false;
  const finish = (outcome: Outcome) => {
    if (settled) return;
    settled = true;
    clearTimeout(abort);
    clearTimeout(deadline);
    done(outcome, (performance.now() - started) / 1000);
  };
  // A source that ignores its abort signal is abandoned at the deadline; the slot is freed either way.
  const deadline = setTimeout(
    () =>
      finish({
        ok: false,
        componentId: component.id,
        at,
        error: `no answer within ${component.timeoutMs} ms`,
      }),
    component.timeoutMs + GRACE_MS,
  );
  readComponent(component, {
    signal: controller.signal,
    now: at,
    timeoutMs: component.timeoutMs,
    fault,
  }).then(
    (r) =>
      finish({
        ok: true,
        componentId: component.id,
        at,
        status: r.status,
        latencyMs: r.latencyMs === null ? null : Math.round(r.latencyMs * 10) / 10,
        reason: r.reason,
        detail: r.instances ? { instances: r.instances } : null,
      }),
    (error) => finish({ ok: false, componentId: component.id, at, error: errorText(error) }),
  );
}
