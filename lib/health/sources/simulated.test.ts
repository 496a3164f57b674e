import { afterEach, describe, expect, it } from "vitest";
import { readContext, settledWithin, testComponent } from "../../../testing/sources";
import type { Fault } from "../../status/reading-types";
import { simulatedLatency, simulatedSource } from "./simulated";
import { SimulatedSource } from "../../estate/source-spec-types";

const disposers: (() => void)[] = [];
afterEach(() => disposers.splice(0).forEach((d) => d()));

const spec = SimulatedSource.parse({ type: "simulated", latencyMs: 80, jitterMs: 30 });
const roles = testComponent(spec, {
  id: "contoso-edi.roles",
  kind: "role-instances",
  attributes: { instances: 4 },
});
const storage = testComponent(spec, { id: "contoso-edi.storage", kind: "storage" });
const BUCKET = 10_000;
const t0 = new Date(Date.UTC(2026, 0, 1, 12, 0, 0));

function read(component = storage, fault?: Fault, now = t0) {
  const context = readContext(1_000, { fault, now, autoAbort: false });
  disposers.push(context.dispose);
  return simulatedSource.read(spec, component, context.ctx);
}

const statusFault = (status: Extract<Fault, { mode: "status" }>["status"], more = {}): Fault => ({
  mode: "status",
  status,
  instancesDown: null,
  reason: null,
  until: null,
  ...more,
});

describe("simulated latency", () => {
  it("is the same for the same component within one 10-second bucket", () => {
    const first = simulatedLatency(spec, "contoso-edi.storage", t0);
    const later = new Date(t0.getTime() + BUCKET - 1);
    expect(simulatedLatency(spec, "contoso-edi.storage", later)).toBe(first);
    expect(simulatedLatency(spec, "contoso-edi.storage", new Date(t0))).toBe(first);
  });

  it("stays within latency ± jitter and varies across buckets and components", () => {
    const values = Array.from({ length: 200 }, (_, i) =>
      simulatedLatency(spec, "contoso-edi.storage", new Date(t0.getTime() + i * BUCKET)),
    );
    for (const v of values) {
      expect(Number.isInteger(v)).toBe(true);
      expect(v).toBeGreaterThanOrEqual(50);
      expect(v).toBeLessThanOrEqual(110);
    }
    expect(new Set(values).size).toBeGreaterThan(10);
    const byComponent = ["a", "b", "c", "d", "e", "f"].map((id) => simulatedLatency(spec, id, t0));
    expect(new Set(byComponent).size).toBeGreaterThan(1);
  });

  it("never goes below 1 ms, however large the jitter", () => {
    const wild = { latencyMs: 1, jitterMs: 1_000 };
    for (let i = 0; i < 100; i++)
      expect(
        simulatedLatency(wild, "x", new Date(t0.getTime() + i * BUCKET)),
      ).toBeGreaterThanOrEqual(1);
  });
});

describe("simulated source", () => {
  it("without a fault reads its spec's status, with the deterministic latency", async () => {
    expect(await read()).toEqual({
      status: "operational",
      latencyMs: simulatedLatency(spec, "contoso-edi.storage", t0),
      reason: null,
    });
    const maintenance = SimulatedSource.parse({ type: "simulated", status: "under_maintenance" });
    const context = readContext(1_000, { now: t0, autoAbort: false });
    expect((await simulatedSource.read(maintenance, storage, context.ctx)).status).toBe(
      "under_maintenance",
    );
  });

  it("reports each role instance of a role-instances component", async () => {
    const reading = await read(roles);
    expect(reading.instances).toEqual([
      { name: "IN_0", status: "operational", reason: null },
      { name: "IN_1", status: "operational", reason: null },
      { name: "IN_2", status: "operational", reason: null },
      { name: "IN_3", status: "operational", reason: null },
    ]);
  });

  it("a status fault applies to the component, with its reason or a default one", async () => {
    expect(await read(storage, statusFault("major_outage"))).toMatchObject({
      status: "major_outage",
      reason: "simulated fault",
    });
    expect(
      await read(storage, statusFault("degraded_performance", { reason: "throttled" })),
    ).toMatchObject({ status: "degraded_performance", reason: "throttled" });
  });

  it("a status fault without instancesDown takes every instance down", async () => {
    const reading = await read(roles, statusFault("major_outage", { reason: "host lost" }));
    expect(reading.instances).toHaveLength(4);
    for (const i of reading.instances!)
      expect(i).toMatchObject({ status: "major_outage", reason: "host lost" });
  });

  it("instancesDown k takes exactly k of the N instances down", async () => {
    const reading = await read(roles, statusFault("major_outage", { instancesDown: 1 }));
    expect(reading.instances!.map((i) => i.status)).toEqual([
      "major_outage",
      "operational",
      "operational",
      "operational",
    ]);
    const three = await read(roles, statusFault("partial_outage", { instancesDown: 3 }));
    expect(three.instances!.filter((i) => i.status === "partial_outage")).toHaveLength(3);
  });

  it("a silent fault never settles, as a hung endpoint would", async () => {
    const fault: Fault = { mode: "silent", until: null, reason: null };
    const context = readContext(50, { fault, now: t0 });
    disposers.push(context.dispose);
    const reading = simulatedSource.read(spec, storage, context.ctx);
    // Even after its read's time is up, it stays silent: the poller's deadline deals with it.
    expect(await settledWithin(reading, 250, "still pending")).toBe("still pending");
    expect(context.ctx.signal.aborted).toBe(true);
  });
});
