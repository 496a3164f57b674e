import type { RequestListener } from "node:http";
import { afterAll, afterEach, beforeAll, describe, expect, it } from "vitest";
import { startHttpServer, type TestServer } from "../../../testing/servers";
import { readContext, testComponent } from "../../../testing/sources";
import { waitFor } from "../../../testing/wait";
import { readComponent, SourceSpec, type Fault } from "./index";
import type { ReadSpec } from "../../estate/source-spec-types";

let up: TestServer;
let down: TestServer;
let hung: TestServer;
beforeAll(async () => {
  const answer =
    (status: number): RequestListener =>
    (_req, res) => {
      res.writeHead(status);
      res.end();
    };
  up = await startHttpServer(answer(200));
  down = await startHttpServer(answer(503));
  hung = await startHttpServer(() => {
    /* never answers */
  });
});
afterAll(async () => {
  await Promise.all([up, down, hung].map((s) => s.close()));
});
const disposers: (() => void)[] = [];
afterEach(() => disposers.splice(0).forEach((d) => d()));

const http = (server: TestServer, name: string) => ({
  name,
  source: SourceSpec.parse({ type: "http", url: `${server.url}/${name}` }),
});

function eachInstance(...instances: { name: string; source: SourceSpec }[]) {
  const spec: ReadSpec = { type: "each-instance", instances };
  return testComponent(spec, {
    id: "svc.roles",
    kind: "role-instances",
    attributes: { instances: instances.length },
  });
}

function context(timeoutMs: number, fault?: Fault) {
  const c = readContext(timeoutMs, { fault });
  disposers.push(c.dispose);
  return c.ctx;
}

describe("readComponent, one source per role instance", () => {
  it("every instance answering is operational, with the slowest latency", async () => {
    const reading = await readComponent(
      eachInstance(http(up, "IN_0"), http(up, "IN_1")),
      context(5_000),
    );
    expect(reading.status).toBe("operational");
    expect(reading.reason).toBeNull();
    expect(reading.instances).toEqual([
      { name: "IN_0", status: "operational", reason: null },
      { name: "IN_1", status: "operational", reason: null },
    ]);
    expect(reading.latencyMs).toEqual(expect.any(Number));
  });

  it("losing one of N>1 instances is a partial outage that names it", async () => {
    const reading = await readComponent(
      eachInstance(http(up, "IN_0"), http(down, "IN_1"), http(up, "IN_2")),
      context(5_000),
    );
    expect(reading.status).toBe("partial_outage");
    expect(reading.reason).toBe("1 of 3 instances down: IN_1 (HTTP 503 Service Unavailable)");
  });

  it("losing every instance is a major outage", async () => {
    const reading = await readComponent(
      eachInstance(http(down, "IN_0"), http(down, "IN_1")),
      context(5_000),
    );
    expect(reading.status).toBe("major_outage");
    expect(reading.reason).toMatch(/^all 2 instances down: IN_0 \(HTTP 503/);
  });

  it("a hung instance turns unknown at the abort while its siblings' readings still count", async () => {
    const before = hung.requests.length;
    const ctx = context(1_500);
    const reading = readComponent(
      eachInstance(http(up, "IN_0"), http(down, "IN_1"), http(hung, "IN_2")),
      ctx,
    );
    await waitFor("the hung instance to be asked", () => hung.requests.length > before, 5_000);
    const result = await reading;
    expect(ctx.signal.aborted).toBe(true);
    expect(result.instances).toEqual([
      { name: "IN_0", status: "operational", reason: null },
      { name: "IN_1", status: "major_outage", reason: "HTTP 503 Service Unavailable" },
      { name: "IN_2", status: "unknown", reason: "no answer within 1500 ms" },
    ]);
    // One known loss of three is still the HA rule's partial outage.
    expect(result.status).toBe("partial_outage");
    expect(result.reason).toBe("1 of 3 instances down: IN_1 (HTTP 503 Service Unavailable)");
    expect(result.latencyMs).toEqual(expect.any(Number));
  });

  it("a hung instance beside healthy ones makes the group unknown, never operational", async () => {
    const result = await readComponent(
      eachInstance(http(up, "IN_0"), http(up, "IN_1"), http(hung, "IN_2")),
      context(1_500),
    );
    expect(result.instances!.map((i) => i.status)).toEqual([
      "operational",
      "operational",
      "unknown",
    ]);
    expect(result.status).toBe("unknown");
    expect(result.reason).toBe("1 of 3 instances did not report: IN_2 (no answer within 1500 ms)");
  });

  it("every instance hung is unknown, with no latency", async () => {
    const result = await readComponent(
      eachInstance(http(hung, "IN_0"), http(hung, "IN_1")),
      context(300),
    );
    expect(result).toMatchObject({
      status: "unknown",
      reason: "no instance reported",
      latencyMs: null,
    });
  });
});

describe("readComponent, one source seeing every instance", () => {
  const sim = SourceSpec.parse({ type: "simulated", latencyMs: 10, jitterMs: 0 });
  const roles = testComponent(sim, {
    id: "contoso-edi.roles",
    kind: "role-instances",
    attributes: { instances: 4 },
  });
  const fault = (instancesDown: number | null, status = "major_outage" as const): Fault => ({
    mode: "status",
    status,
    instancesDown,
    reason: "host lost",
    until: null,
  });

  it("one of four instances down rolls up to a partial outage, not the fault's own status", async () => {
    const reading = await readComponent(roles, context(1_000, fault(1)));
    expect(reading.status).toBe("partial_outage");
    expect(reading.reason).toBe("1 of 4 instances down: IN_0 (host lost)");
    expect(reading.instances).toHaveLength(4);
  });

  it("all four down is a major outage", async () => {
    const reading = await readComponent(roles, context(1_000, fault(null)));
    expect(reading.status).toBe("major_outage");
    expect(reading.reason).toMatch(/^all 4 instances down: IN_0 \(host lost\), IN_1/);
  });

  it("a component without instances keeps the source's reading as it is", async () => {
    const storage = testComponent(sim, { id: "contoso-edi.storage" });
    const reading = await readComponent(storage, context(1_000, fault(null)));
    expect(reading).toEqual({ status: "major_outage", latencyMs: 10, reason: "host lost" });
  });
});
