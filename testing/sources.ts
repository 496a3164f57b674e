/** Fixtures for health-source tests: a read context driven like the poller's, and a component. */
import type { EstateComponent } from "../lib/estate/types";
import type { Fault, ReadContext } from "../lib/status/reading-types";
import type { ReadSpec } from "../lib/estate/source-spec-types";

/**
 * A read context whose signal is aborted after `timeoutMs`, as the poller does. Call `dispose`
 * when the read is over; `abort` ends it early.
 */
export function readContext(
  timeoutMs: number,
  options: { fault?: Fault; now?: Date; autoAbort?: boolean } = {},
): { ctx: ReadContext; abort(): void; dispose(): void } {
  const controller = new AbortController();
  const timer =
    options.autoAbort === false ? undefined : setTimeout(() => controller.abort(), timeoutMs);
  return {
    ctx: {
      signal: controller.signal,
      now: options.now ?? new Date(),
      timeoutMs,
      fault: options.fault,
    },
    abort: () => controller.abort(),
    dispose: () => clearTimeout(timer),
  };
}

export function testComponent(
  source: ReadSpec,
  overrides: Partial<EstateComponent> = {},
): EstateComponent {
  return {
    id: "test.component",
    name: "test component",
    kind: "storage",
    region: "westeurope",
    source,
    intervalMs: 30_000,
    timeoutMs: 5_000,
    staleAfterMs: 90_000,
    attributes: {},
    ...overrides,
  };
}

/** Resolves with `fallback` if `promise` has not settled after `ms`: to show that a read hangs. */
export function settledWithin<T, F>(promise: Promise<T>, ms: number, fallback: F): Promise<T | F> {
  return Promise.race([promise, new Promise<F>((r) => setTimeout(() => r(fallback), ms))]);
}
