import { afterEach, describe, expect, it } from "vitest";
import { TEST_PG_URL } from "../../../testing/db";
import { closedPort, startUnansweredTcpPort } from "../../../testing/servers";
import { readContext, testComponent } from "../../../testing/sources";
import { postgresSource } from "./postgres";
import { PostgresSource } from "../../estate/source-spec-types";

const cleanups: (() => unknown)[] = [];
afterEach(async () => {
  for (const c of cleanups.splice(0).reverse()) await c();
});

function read(spec: Record<string, unknown>, timeoutMs = 5_000) {
  const context = readContext(timeoutMs);
  cleanups.push(context.dispose);
  const parsed = PostgresSource.parse({ type: "postgres", ...spec });
  return postgresSource.read(parsed, testComponent(parsed), context.ctx);
}

function withPassword(password: string, port?: number): string {
  const url = new URL(TEST_PG_URL);
  url.password = password;
  if (port) url.port = String(port);
  return url.toString();
}

function setEnv(name: string, value: string | undefined) {
  const before = process.env[name];
  if (value === undefined) delete process.env[name];
  else process.env[name] = value;
  cleanups.push(() => {
    if (before === undefined) delete process.env[name];
    else process.env[name] = before;
  });
}

describe("postgres source", () => {
  it("connects, runs select 1 and is operational", async () => {
    const reading = await read({ url: TEST_PG_URL });
    expect(reading).toEqual({ status: "operational", latencyMs: expect.any(Number), reason: null });
  });

  it("reads the URL from the variable urlEnv names", async () => {
    setEnv("STANDFAST_TEST_PROBE_URL", TEST_PG_URL);
    const reading = await read({ urlEnv: "STANDFAST_TEST_PROBE_URL" });
    expect(reading.status).toBe("operational");
  });

  it("a wrong password is a major outage whose reason gives neither the password nor the URL", async () => {
    const secret = "Not-The-Password-7f3a9";
    const url = withPassword(secret);
    const reading = await read({ url });
    expect(reading.status).toBe("major_outage");
    expect(reading.reason).toMatch(/password authentication failed/);
    expect(reading.reason).not.toContain(secret);
    expect(reading.reason).not.toContain(url);
    expect(reading.reason).not.toContain(encodeURIComponent(secret));
  });

  it("a wrong password from urlEnv leaks nothing either", async () => {
    const secret = "Env-Secret-Value-41c2";
    setEnv("STANDFAST_TEST_PROBE_URL", withPassword(secret));
    const reading = await read({ urlEnv: "STANDFAST_TEST_PROBE_URL" });
    expect(reading.status).toBe("major_outage");
    expect(reading.reason).not.toContain(secret);
    expect(reading.reason).not.toContain("postgres://");
  });

  it("urlEnv naming an unset variable is unknown, and says which variable", async () => {
    setEnv("STANDFAST_TEST_UNSET_URL", undefined);
    const reading = await read({ urlEnv: "STANDFAST_TEST_UNSET_URL" });
    expect(reading).toEqual({
      status: "unknown",
      latencyMs: null,
      reason: "environment variable STANDFAST_TEST_UNSET_URL is not set",
    });
  });

  it("a malformed URL in the variable is a verdict, not a thrown error, and leaks nothing", async () => {
    const secret = "Malformed-Secret-93b1";
    setEnv("STANDFAST_TEST_PROBE_URL", `postgres://standfast:${secret}@127.0.0.1:notaport/db`);
    const reading = await read({ urlEnv: "STANDFAST_TEST_PROBE_URL" });
    expect(reading.status).toBe("unknown");
    expect(reading.reason).toMatch(/STANDFAST_TEST_PROBE_URL is not a valid connection URL/);
    expect(reading.reason).not.toContain(secret);
  });

  it("a closed port is a major outage naming ECONNREFUSED", async () => {
    const port = await closedPort();
    const secret = "Closed-Port-Secret-0d2e";
    const reading = await read({ url: withPassword(secret, port) });
    expect(reading.status).toBe("major_outage");
    expect(reading.reason).toContain("ECONNREFUSED");
    expect(reading.reason).not.toContain(secret);
  });

  it("a server that never answers is a major outage once the read's time is up", async () => {
    const blackhole = await startUnansweredTcpPort();
    cleanups.push(blackhole.close);
    const reading = await read({ url: withPassword("x", blackhole.port) }, 300);
    expect(reading).toEqual({
      status: "major_outage",
      latencyMs: null,
      reason: "no answer within 300 ms",
    });
  });

  it("a signal that is already aborted gets the timeout verdict without connecting", async () => {
    const context = readContext(1_000, { autoAbort: false });
    context.abort();
    const spec = PostgresSource.parse({ type: "postgres", url: TEST_PG_URL });
    const reading = await postgresSource.read(spec, testComponent(spec), context.ctx);
    expect(reading).toMatchObject({ status: "major_outage", reason: "no answer within 1000 ms" });
  });
});
