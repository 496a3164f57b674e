import type { EstateComponent } from "../../estate/types";
import { rollUpInstances } from "../rollup";
import { azureMetricsSource, azureResourceHealthSource } from "./azure";
import { httpSource } from "./http";
import { postgresSource } from "./postgres";
import { simulatedSource } from "./simulated";
import type { SourceSpec, SourceType } from "../../estate/source-spec-types";
import { tcpSource } from "./tcp";
import type { ReadContext, Reading } from "../../status/reading-types";
import type { Source } from "../source-types";

export type { Fault, ReadContext, Reading } from "../../status/reading-types";
export type { Source } from "../source-types";
export { SourceSpec } from "../../estate/source-spec-types";

/** The one place a source type is bound to its adapter. */
const SOURCES: { [T in SourceType]: Source<Extract<SourceSpec, { type: T }>> } = {
  simulated: simulatedSource,
  http: httpSource,
  tcp: tcpSource,
  postgres: postgresSource,
  "azure-metrics": azureMetricsSource,
  "azure-resource-health": azureResourceHealthSource,
};

function readOne(spec: SourceSpec, component: EstateComponent, ctx: ReadContext): Promise<Reading> {
  const source = SOURCES[spec.type] as Source;
  if (!source)
    return Promise.resolve({
      status: "unknown",
      latencyMs: null,
      reason: `no adapter for source type ${spec.type}`,
    });
  return source.read(spec, component, ctx);
}

/** One instance that never answers must not take its siblings' readings with it. */
function untilAborted(read: Promise<Reading>, ctx: ReadContext): Promise<Reading> {
  return new Promise((resolve, reject) => {
    const onAbort = () =>
      resolve({
        status: "unknown",
        latencyMs: null,
        reason: `no answer within ${ctx.timeoutMs} ms`,
      });
    if (ctx.signal.aborted) return onAbort();
    ctx.signal.addEventListener("abort", onAbort, { once: true });
    read.then(resolve, reject).finally(() => ctx.signal.removeEventListener("abort", onAbort));
  });
}

/** Reads a component through its source, or each role instance through its own, and rolls up. */
export async function readComponent(
  component: EstateComponent,
  ctx: ReadContext,
): Promise<Reading> {
  const spec = component.source;
  if (spec.type !== "each-instance") {
    const reading = await readOne(spec, component, ctx);
    if (!reading.instances) return reading;
    const group = rollUpInstances(reading.instances);
    return { ...reading, status: group.status, reason: group.reason };
  }
  const readings = await Promise.all(
    spec.instances.map(async (instance) => ({
      name: instance.name,
      reading: await untilAborted(readOne(instance.source, component, ctx), ctx),
    })),
  );
  const instances = readings.map(({ name, reading }) => ({
    name,
    status: reading.status,
    reason: reading.reason,
  }));
  const group = rollUpInstances(instances);
  const latencies = readings.map((r) => r.reading.latencyMs).filter((l): l is number => l !== null);
  return {
    status: group.status,
    reason: group.reason,
    latencyMs: latencies.length ? Math.max(...latencies) : null,
    instances,
  };
}
