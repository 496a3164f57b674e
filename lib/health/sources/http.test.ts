import type http from "node:http";
import { afterEach, describe, expect, it } from "vitest";
import { closedPort, startHttpServer, type TestServer } from "../../../testing/servers";
import { readContext, testComponent } from "../../../testing/sources";
import { waitFor } from "../../../testing/wait";
import { httpSource } from "./http";
import { HttpSource, SourceSpec } from "../../estate/source-spec-types";

const servers: TestServer[] = [];
const disposers: (() => void)[] = [];
afterEach(async () => {
  disposers.splice(0).forEach((d) => d());
  await Promise.all(servers.splice(0).map((s) => s.close()));
});

async function serve(handler: http.RequestListener) {
  const server = await startHttpServer(handler);
  servers.push(server);
  return server;
}

const reply =
  (status: number, body = "", headers: Record<string, string> = {}): http.RequestListener =>
  (_req, res) => {
    res.writeHead(status, { "content-type": "text/plain", ...headers });
    res.end(body);
  };

async function read(spec: Record<string, unknown>, timeoutMs = 5_000) {
  const { ctx, dispose } = readContext(timeoutMs);
  disposers.push(dispose);
  const parsed = HttpSource.parse({ type: "http", ...spec });
  return httpSource.read(parsed, testComponent(parsed), ctx);
}

describe("http source", () => {
  it("a 2xx answer is operational, with the measured latency and no reason", async () => {
    const server = await serve(reply(200, "ok"));
    const reading = await read({ url: `${server.url}/health` });
    expect(reading).toEqual({ status: "operational", latencyMs: expect.any(Number), reason: null });
    expect(reading.latencyMs).toBeGreaterThanOrEqual(0);
    expect(server.requests).toHaveLength(1);
    expect(server.requests[0]!.method).toBe("GET");
    expect(server.requests[0]!.url).toBe("/health");
  });

  it("by default any 2xx or 3xx is fine, and redirects are not followed", async () => {
    const server = await serve(reply(302, "", { location: "/elsewhere" }));
    const reading = await read({ url: server.url });
    expect(reading.status).toBe("operational");
    expect(server.requests.map((r) => r.url)).toEqual(["/"]);
  });

  it("a 503 is a major outage whose reason gives the status line", async () => {
    const server = await serve(reply(503, "down for maintenance"));
    const reading = await read({ url: server.url });
    expect(reading.status).toBe("major_outage");
    expect(reading.reason).toBe("HTTP 503 Service Unavailable");
    expect(reading.latencyMs).toEqual(expect.any(Number));
  });

  it("expectStatus with one code accepts only that code", async () => {
    const created = await serve(reply(201));
    expect((await read({ url: created.url, expectStatus: 201 })).status).toBe("operational");
    const ok = await serve(reply(200));
    const reading = await read({ url: ok.url, expectStatus: 201 });
    expect(reading.status).toBe("major_outage");
    expect(reading.reason).toBe("HTTP 200 OK");
  });

  it("expectStatus with a list accepts any of them, even a status that is otherwise a failure", async () => {
    const teapot = await serve(reply(418));
    expect((await read({ url: teapot.url, expectStatus: [200, 418] })).status).toBe("operational");
    const gone = await serve(reply(410));
    const reading = await read({ url: gone.url, expectStatus: [200, 418] });
    expect(reading).toMatchObject({ status: "major_outage", reason: "HTTP 410 Gone" });
  });

  it("bodyMatch passes when the body contains the text", async () => {
    const server = await serve(reply(200, '{"status":"Healthy","checks":3}'));
    const reading = await read({ url: server.url, bodyMatch: '"status":"Healthy"' });
    expect(reading).toMatchObject({ status: "operational", reason: null });
  });

  it("bodyMatch fails, with a reason naming the text, when the body lacks it", async () => {
    const server = await serve(reply(200, '{"status":"Unhealthy"}'));
    const reading = await read({ url: server.url, bodyMatch: '"status":"Healthy"' });
    expect(reading.status).toBe("major_outage");
    expect(reading.reason).toBe(
      'HTTP 200, but the body does not contain "\\"status\\":\\"Healthy\\""',
    );
  });

  it("a slow answer past degradedAfter is degraded_performance, saying how slow", async () => {
    const server = await serve((req, res) => {
      setTimeout(() => reply(200, "late")(req, res), 250);
    });
    const reading = await read({ url: server.url, degradedAfter: "100ms" });
    expect(reading.status).toBe("degraded_performance");
    expect(reading.reason).toMatch(/^slow: \d+ ms, above 100 ms$/);
    expect(reading.latencyMs).toBeGreaterThan(100);
  });

  it("a fast answer under degradedAfter stays operational", async () => {
    const server = await serve(reply(200, "ok"));
    const reading = await read({ url: server.url, degradedAfter: "30s" });
    expect(reading).toMatchObject({ status: "operational", reason: null });
  });

  it("a server that never answers is a major outage once the read's time is up", async () => {
    const server = await serve(() => {
      /* holds the request and never answers */
    });
    const reading = await read({ url: server.url }, 300);
    expect(reading).toEqual({
      status: "major_outage",
      latencyMs: null,
      reason: "no response within 300 ms",
    });
    expect(server.requests).toHaveLength(1);
  });

  it("a body that never finishes is cut off at the timeout too", async () => {
    const server = await serve((_req, res) => {
      res.writeHead(200, { "content-type": "text/plain" });
      res.write("partial ");
    });
    const reading = await read({ url: server.url, bodyMatch: "complete" }, 300);
    expect(reading).toMatchObject({ status: "major_outage", reason: "no response within 300 ms" });
  });

  it("a refused connection is a major outage naming ECONNREFUSED", async () => {
    const port = await closedPort();
    const reading = await read({ url: `http://127.0.0.1:${port}/` });
    expect(reading.status).toBe("major_outage");
    expect(reading.reason).toContain("ECONNREFUSED");
    expect(reading.reason).toContain(`127.0.0.1:${port}`);
  });

  it("HEAD sends a HEAD request and judges the status alone", async () => {
    const server = await serve(reply(204));
    const reading = await read({ url: server.url, method: "HEAD" });
    expect(reading.status).toBe("operational");
    expect(server.requests.map((r) => r.method)).toEqual(["HEAD"]);
  });

  it("refuses a spec that asks HEAD for a bodyMatch it could never check", () => {
    const parsed = HttpSource.safeParse({
      type: "http",
      url: "http://127.0.0.1:1/",
      method: "HEAD",
      bodyMatch: "ok",
    });
    expect(parsed.success).toBe(false);
    expect(
      SourceSpec.safeParse({ type: "http", url: "http://x/", method: "HEAD", bodyMatch: "ok" })
        .success,
    ).toBe(false);
    expect(parsed.error!.issues[0]).toMatchObject({
      path: ["bodyMatch"],
      message: "bodyMatch needs the body: use method GET, or leave out bodyMatch",
    });
  });

  it("sends the configured headers", async () => {
    const server = await serve(reply(200));
    await read({
      url: server.url,
      headers: { authorization: "Bearer probe-token", "x-probe": "standfast" },
    });
    const headers = server.requests[0]!.headers;
    expect(headers.authorization).toBe("Bearer probe-token");
    expect(headers["x-probe"]).toBe("standfast");
  });

  it("an abort lets go of the connection: the server sees the request end", async () => {
    let closed = false;
    const server = await serve((req) => req.socket.once("close", () => (closed = true)));
    await read({ url: server.url }, 200);
    await waitFor("the probe's connection to close", () => closed, 5_000);
  });
});
