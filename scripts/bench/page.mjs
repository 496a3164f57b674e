// Section 1b: GET / (the board page, as an anonymous reader's browser asks for it: gzip) under a
// crowd, next to bare node:http serving the same bytes at the same concurrency: throughput at 100
// connections, then 1,000 connections for 15 s (errors, timeouts, p99).
import { get } from "./app.mjs";
import { load, snapshotRoute, startBare } from "./api.mjs";

const PATH = "/";
const HEADERS = { accept: "text/html", "accept-encoding": "gzip" };

function figures(r) {
  return {
    rps: r.rps,
    requests: r.requests,
    p50: r.latency.p50,
    p99: r.latency.p99,
    max: r.latency.max,
    errors: r.errors,
    timeouts: r.timeouts,
    non2xx: r.non2xx,
    cpuPerReqMs: r.cpuPerReqMs,
    loadgenCpuPct: r.loadgenCpuPct,
  };
}

export async function benchPage({ root, app, tmp, logDir, quick, log }) {
  const cfg = quick
    ? { warmup: 2, duration: 5, crowd: 1_000, crowdDuration: 15 }
    : { warmup: 3, duration: 10, crowd: 1_000, crowdDuration: 15 };
  const first = await get(app.url + PATH, HEADERS);
  if (first.status !== 200) throw new Error(`GET /: HTTP ${first.status}`);
  const snap = await snapshotRoute(app.url, PATH, tmp, "board-page");
  // A reader who already has this version asks with its tag and gets a 304.
  const etag = first.headers.etag ?? null;
  const revalidated = etag
    ? (await get(app.url + PATH, { ...HEADERS, "if-none-match": etag })).status
    : null;
  const bare = await startBare(root, tmp, logDir, { [PATH]: snap.route });
  const out = {
    bytes: snap.bytes,
    gzipBytes: snap.gzipBytes,
    etag,
    revalidated,
    serverTiming: first.headers["server-timing"] ?? null,
    ...cfg,
  };
  try {
    const run = async (target, url, connections, duration) => {
      await load(root, target, { url, headers: HEADERS, duration: cfg.warmup, connections });
      return figures(await load(root, target, { url, headers: HEADERS, duration, connections }));
    };
    const show = (label, r) =>
      log(
        `  ${label}: ${Math.round(r.rps)} req/s, p99 ${r.p99} ms, ` +
          `${r.errors} errors, ${r.timeouts} timeouts, ${r.non2xx} non-2xx, load generator CPU ${Math.round(r.loadgenCpuPct)}%`,
      );
    // App and bare in turn at 100 connections, then the crowd on each.
    out.at100 = { app: await run(app, app.url + PATH, 100, cfg.duration) };
    show("100 connections, app", out.at100.app);
    out.at100.bare = await run(bare, bare.url + PATH, 100, cfg.duration);
    show("100 connections, bare", out.at100.bare);
    out.at100.ratio = out.at100.app.rps / out.at100.bare.rps;
    out.crowdRun = { app: await run(app, app.url + PATH, cfg.crowd, cfg.crowdDuration) };
    show(`${cfg.crowd} connections, app`, out.crowdRun.app);
    out.crowdRun.bare = await run(bare, bare.url + PATH, cfg.crowd, cfg.crowdDuration);
    show(`${cfg.crowd} connections, bare`, out.crowdRun.bare);
  } finally {
    await bare.stop();
  }
  return out;
}
