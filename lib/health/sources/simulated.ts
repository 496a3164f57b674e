import type { EstateComponent } from "../../estate/types";
import type { z } from "zod";
import type { SimulatedSource } from "../../estate/source-spec-types";
import type { ReadContext, Reading } from "../../status/reading-types";
import type { Source } from "../source-types";

type Spec = z.output<typeof SimulatedSource>;

/** Deterministic noise in [0, 1) from a string, so the same component at the same time reads the same. */
export function noise(key: string): number {
  let h = 2166136261;
  for (let i = 0; i < key.length; i++) {
    h ^= key.charCodeAt(i);
    h = Math.imul(h, 16777619);
  }
  h ^= h >>> 13;
  h = Math.imul(h, 0x5bd1e995);
  h ^= h >>> 15;
  return (h >>> 0) / 4294967296;
}

export function simulatedLatency(
  spec: Pick<Spec, "latencyMs" | "jitterMs">,
  componentId: string,
  at: Date,
): number {
  const bucket = Math.floor(at.getTime() / 10_000);
  return Math.max(
    1,
    Math.round(spec.latencyMs + (noise(`${componentId}:${bucket}`) * 2 - 1) * spec.jitterMs),
  );
}

/** The demo's source: a steady baseline from the spec, bent by injected faults. */
export const simulatedSource: Source<Spec> = {
  read(spec: Spec, component: EstateComponent, ctx: ReadContext): Promise<Reading> {
    const fault = ctx.fault;
    if (fault?.mode === "silent") {
      // The source stops answering: the read never settles, as a hung endpoint would.
      return new Promise<Reading>(() => {});
    }
    const latencyMs = simulatedLatency(spec, component.id, ctx.now);
    const count = component.kind === "role-instances" ? (component.attributes.instances ?? 1) : 0;
    const status = fault?.status ?? spec.status;
    const reason = fault ? (fault.reason ?? "simulated fault") : null;
    if (count === 0) return Promise.resolve({ status, latencyMs, reason });
    const down = fault?.instancesDown ?? (fault ? count : 0);
    const instances = Array.from({ length: count }, (_, i) => ({
      name: `IN_${i}`,
      status: i < down ? status : spec.status,
      reason: i < down ? reason : null,
    }));
    return Promise.resolve({ status, latencyMs, reason, instances });
  },
};
