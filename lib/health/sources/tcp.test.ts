import { afterEach, describe, expect, it } from "vitest";
import { closedPort, startTcpServer, startUnansweredTcpPort } from "../../../testing/servers";
import { readContext, testComponent } from "../../../testing/sources";
import { TcpSource } from "../../estate/source-spec-types";
import { tcpSource } from "./tcp";

const cleanups: (() => unknown)[] = [];
afterEach(async () => {
  for (const c of cleanups.splice(0).reverse()) await c();
});

function read(spec: Record<string, unknown>, timeoutMs = 5_000) {
  const context = readContext(timeoutMs);
  cleanups.push(context.dispose);
  const parsed = TcpSource.parse({ type: "tcp", host: "127.0.0.1", ...spec });
  return { reading: tcpSource.read(parsed, testComponent(parsed), context.ctx), ...context };
}

describe("tcp source", () => {
  it("a listening server is operational, with the connect latency", async () => {
    const server = await startTcpServer();
    cleanups.push(server.close);
    const reading = await read({ port: server.port }).reading;
    expect(reading).toEqual({ status: "operational", latencyMs: expect.any(Number), reason: null });
    expect(server.connections()).toBe(1);
  });

  it("a closed port is a major outage that names the address and ECONNREFUSED", async () => {
    const port = await closedPort();
    const reading = await read({ port }).reading;
    expect(reading.status).toBe("major_outage");
    expect(reading.reason).toMatch(new RegExp(`^connect to 127\\.0\\.0\\.1:${port} failed: `));
    expect(reading.reason).toContain("ECONNREFUSED");
  });

  it("a connection that never opens is a major outage once the read's time is up", async () => {
    const blackhole = await startUnansweredTcpPort();
    cleanups.push(blackhole.close);
    const reading = await read({ port: blackhole.port }, 300).reading;
    expect(reading).toEqual({
      status: "major_outage",
      latencyMs: null,
      reason: "no connection within 300 ms",
    });
  });

  it("an abort before the connection opens wins, even on a listening port", async () => {
    const server = await startTcpServer();
    cleanups.push(server.close);
    const { reading, abort } = read({ port: server.port }, 60_000);
    abort();
    expect(await reading).toMatchObject({
      status: "major_outage",
      reason: "no connection within 60000 ms",
    });
  });

  it("a signal that is already aborted gets the timeout verdict, not a late success", async () => {
    const server = await startTcpServer();
    cleanups.push(server.close);
    const context = readContext(1_000, { autoAbort: false });
    context.abort();
    const spec = TcpSource.parse({ type: "tcp", host: "127.0.0.1", port: server.port });
    const reading = await tcpSource.read(spec, testComponent(spec), context.ctx);
    expect(reading).toMatchObject({
      status: "major_outage",
      reason: "no connection within 1000 ms",
    });
  });

  it("a connect that never opens is an outage, never merely slow, even with degradedAfter", async () => {
    const blackhole = await startUnansweredTcpPort();
    cleanups.push(blackhole.close);
    const reading = await read({ port: blackhole.port, degradedAfter: "50ms" }, 200).reading;
    expect(reading.status).toBe("major_outage");
  });
});
