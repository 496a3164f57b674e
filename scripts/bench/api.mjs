// Section 1: GET /api/v2/summary.json on the app next to bare node:http serving the same bytes,
// idle and while a fault flips every second; identity and gzip; app and bare alternated.
import fs from "node:fs";
import path from "node:path";
import { get } from "./app.mjs";
import { cpuMs, freePort, runJson, sleep, startProcess } from "./proc.mjs";

const PATH = "/api/v2/summary.json";
const KEEP_HEADERS = [
  "content-type",
  "cache-control",
  "etag",
  "vary",
  "access-control-allow-origin",
];

/** Bare node:http serving fixed bytes (`routes`: path → body, gzip and headers files). */
export async function startBare(root, tmp, logDir, routes) {
  const port = await freePort();
  const file = path.join(tmp, `bare-routes-${port}.json`);
  fs.writeFileSync(file, JSON.stringify(routes));
  const bare = startProcess(
    `bare-${port}`,
    process.execPath,
    [path.join(root, "scripts/bench/bare-server.mjs"), String(port), file],
    { cwd: root, logFile: path.join(logDir, `bare-${port}.log`) },
  );
  const url = `http://127.0.0.1:${port}`;
  for (let i = 0; ; i++) {
    if (bare.exited) throw new Error(`bare server exited: ${bare.tail.join("\n")}`);
    try {
      await get(`${url}/`);
      break;
    } catch {
      if (i > 100) throw new Error("bare server did not start");
      await sleep(100);
    }
  }
  return Object.assign(bare, { url });
}

/** Fetches the app's bytes for `p` (identity and gzip) and writes them for the bare server. */
export async function snapshotRoute(appUrl, p, tmp, name) {
  const plain = await get(appUrl + p);
  const gz = await get(appUrl + p, { "accept-encoding": "gzip" });
  if (plain.status !== 200) throw new Error(`${p}: HTTP ${plain.status}`);
  const body = path.join(tmp, `${name}.body`);
  fs.writeFileSync(body, plain.body);
  let gzip = null;
  if (gz.headers["content-encoding"] === "gzip") {
    gzip = path.join(tmp, `${name}.gz`);
    fs.writeFileSync(gzip, gz.body);
  }
  const headers = Object.fromEntries(
    KEEP_HEADERS.filter((h) => plain.headers[h]).map((h) => [h, plain.headers[h]]),
  );
  return { route: { body, gzip, headers }, bytes: plain.body.length, gzipBytes: gz.body.length };
}

/** A fault on one component, injected and cleared in turn every second through the admin API. */
function faultFlipper(app, component) {
  const token = app.token();
  const stats = { sent: 0, failed: 0, ms: [], errors: new Set() };
  let on = false;
  let timer = null;
  const flip = async () => {
    on = !on;
    const started = performance.now();
    try {
      const r = await fetch(`${app.url}/api/admin/faults`, {
        method: on ? "POST" : "DELETE",
        headers: { authorization: `Bearer ${token}`, "content-type": "application/json" },
        body: JSON.stringify(
          on ? { component, status: "major_outage", reason: "bench: flip" } : { component },
        ),
      });
      await r.arrayBuffer();
      stats.sent++;
      if (!r.ok) {
        stats.failed++;
        stats.errors.add(`HTTP ${r.status}`);
      }
    } catch (error) {
      stats.failed++;
      stats.errors.add(error.message);
    }
    stats.ms.push(performance.now() - started);
  };
  return {
    stats,
    start() {
      timer ??= setInterval(flip, 1_000);
    },
    async stop() {
      clearInterval(timer);
      timer = null;
      if (on) await flip(); // leave no fault behind
    },
  };
}

/** Watches what readers see: distinct summary ETags and changes of the overall indicator. */
function changeWatcher(app) {
  const seen = { etags: new Set(), indicatorChanges: 0, samples: 0 };
  let last = null;
  let timer = null;
  const sample = async () => {
    try {
      const head = await fetch(app.url + PATH, { method: "HEAD" });
      seen.etags.add(head.headers.get("etag"));
      const s = await (await fetch(`${app.url}/api/v2/status.json`)).json();
      if (last !== null && s.status.indicator !== last) seen.indicatorChanges++;
      last = s.status.indicator;
      seen.samples++;
    } catch {
      /* counted as a missing sample */
    }
  };
  return {
    seen,
    start: () => (timer ??= setInterval(sample, 250)),
    stop: () => (clearInterval(timer), (timer = null)),
  };
}

/** One autocannon run in its own process, with the CPU the target spent meanwhile. */
export async function load(root, target, { url, headers, duration, connections }) {
  const before = cpuMs(target.pid);
  const r = await runJson(
    process.execPath,
    [
      path.join(root, "scripts/bench/load.mjs"),
      JSON.stringify({ url, headers, duration, connections }),
    ],
    { cwd: root, timeoutMs: (duration + 60) * 1000 },
  );
  const serverCpuMs = cpuMs(target.pid) - before;
  return { ...r, serverCpuMs, cpuPerReqMs: r.requests ? serverCpuMs / r.requests : null };
}

function combine(runs) {
  const requests = runs.reduce((a, r) => a + r.requests, 0);
  const duration = runs.reduce((a, r) => a + r.duration, 0);
  const cpu = runs.reduce((a, r) => a + r.serverCpuMs, 0);
  return {
    rps: requests / duration,
    requests,
    p50: Math.max(...runs.map((r) => r.latency.p50)),
    p99: Math.max(...runs.map((r) => r.latency.p99)),
    max: Math.max(...runs.map((r) => r.latency.max)),
    serverCpuPct: (100 * cpu) / (duration * 1000),
    cpuPerReqMs: cpu / requests,
    loadgenCpuPct: Math.max(...runs.map((r) => r.loadgenCpuPct)),
    errors: runs.reduce((a, r) => a + r.errors + r.non2xx + r.timeouts, 0),
    mbPerSec: runs.reduce((a, r) => a + r.bytesPerSec * r.duration, 0) / duration / 1e6,
    loopDelayP99: runs[0].loopDelay ? Math.max(...runs.map((r) => r.loopDelay.p99)) : null,
    loopDelayMax: runs[0].loopDelay ? Math.max(...runs.map((r) => r.loopDelay.max)) : null,
  };
}

export async function benchApi({ root, app, tmp, logDir, quick, profileDir, log }) {
  const cfg = quick
    ? { warmup: 1, duration: 3, rounds: 1, connections: 10 }
    : { warmup: 2, duration: 6, rounds: 2, connections: 10 };
  const snap = await snapshotRoute(app.url, PATH, tmp, "summary");
  const bare = await startBare(root, tmp, logDir, { [PATH]: snap.route });
  const board = JSON.parse((await get(`${app.url}/api/board`)).body.toString("utf8"));
  const flipTarget = board.services[0].components[0].id;
  // What the app burns with no requests at all (poller, lease, timers), for reading CPU per request.
  const rest0 = cpuMs(app.pid);
  await sleep(quick ? 3_000 : 5_000);
  const restCpuPct = (100 * (cpuMs(app.pid) - rest0)) / (quick ? 3_000 : 5_000);
  const out = {
    path: PATH,
    bytes: snap.bytes,
    gzipBytes: snap.gzipBytes,
    components: Object.keys(board.components).length,
    flipTarget,
    restCpuPct,
    ...cfg,
    scenarios: {},
  };
  try {
    for (const scenario of ["idle", "changing"]) {
      out.scenarios[scenario] = {};
      const flipper = scenario === "changing" ? faultFlipper(app, flipTarget) : null;
      const watcher = scenario === "changing" ? changeWatcher(app) : null;
      for (const encoding of ["identity", "gzip"]) {
        const headers = encoding === "gzip" ? { "accept-encoding": "gzip" } : {};
        const runs = { app: [], bare: [] };
        for (let round = 0; round < cfg.rounds; round++) {
          const order = round % 2 === 0 ? ["app", "bare"] : ["bare", "app"];
          for (const side of order) {
            const target = side === "app" ? app : bare;
            const url = side === "app" ? app.url + PATH : bare.url + PATH;
            // Statuses change only while the app is measured; the bare side runs on a quiet machine.
            if (side === "app") flipper?.start();
            if (side === "app") watcher?.start();
            await load(root, target, {
              url,
              headers,
              duration: cfg.warmup,
              connections: cfg.connections,
            });
            if (side === "app") await app.ask("delayStart");
            const r = await load(root, target, {
              url,
              headers,
              duration: cfg.duration,
              connections: cfg.connections,
            });
            if (side === "app") r.loopDelay = await app.ask("delayStop");
            // A profiled run comes after the measured one and is not counted: profiling slows the app.
            if (profileDir && side === "app" && round === 0) {
              await app.ask("profileStart");
              await load(root, target, {
                url,
                headers,
                duration: cfg.duration,
                connections: cfg.connections,
              });
              await app.ask("profileStop", {
                file: path.join(profileDir, `api-${scenario}-${encoding}.cpuprofile`),
              });
            }
            if (side === "app") watcher?.stop();
            if (side === "app") await flipper?.stop();
            runs[side].push(r);
            log(
              `  ${scenario}/${encoding} ${side}: ${Math.round(r.rps)} req/s, p99 ${r.latency.p99} ms, ` +
                `server CPU ${(r.cpuPerReqMs * 1000).toFixed(0)} µs/req, load generator CPU ${Math.round(r.loadgenCpuPct)}%` +
                (r.loopDelay ? `, event-loop delay p99 ${r.loopDelay.p99.toFixed(0)} ms` : ""),
            );
          }
        }
        const a = combine(runs.app);
        const b = combine(runs.bare);
        out.scenarios[scenario][encoding] = {
          app: a,
          bare: b,
          ratio: a.rps / b.rps,
          capacityRatio: b.cpuPerReqMs / a.cpuPerReqMs,
        };
      }
      if (flipper) {
        const ms = flipper.stats.ms.sort((x, y) => x - y);
        out.scenarios[scenario].flips = {
          sent: flipper.stats.sent,
          failed: flipper.stats.failed,
          errors: [...flipper.stats.errors],
          adminMsMedian: ms[Math.floor(ms.length / 2)] ?? null,
          adminMsMax: ms.at(-1) ?? null,
          distinctEtags: watcher.seen.etags.size,
          indicatorChanges: watcher.seen.indicatorChanges,
          samples: watcher.seen.samples,
        };
      }
    }
  } finally {
    await bare.stop();
  }
  return out;
}
