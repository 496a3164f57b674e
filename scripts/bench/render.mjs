// Section 3: server render time of `/` and server memory for a 10,000-component estate in 20
// regions next to the 15-component demo estate, once the poller has read every component.
// Also: how far the poller gets with its default concurrency on the big estate.
import fs from "node:fs";
import path from "node:path";
import { coverage, get, startApp, waitAllRead } from "./app.mjs";
import { freePort, memory, resetPeakRss, sleep } from "./proc.mjs";
import { median } from "./stats.mjs";

// Enough read slots for 10,000 components every 30 s (see the poller finding in the report).
export const BIG_CONCURRENCY = 512;

async function memoryOf(app) {
  const probe = await app.ask("memory", { gc: true });
  const m = memory(app.pid);
  return {
    rss: m.rss,
    peakRss: m.peakRss,
    heapUsed: probe.heapUsed,
    heapTotal: probe.heapTotal,
    external: probe.external,
    arrayBuffers: probe.arrayBuffers,
  };
}

/** How long the server took to make the version of the page it sent (its Server-Timing). */
const renderDuration = (headers) =>
  Number(/\brender;dur=([\d.]+)/.exec(headers["server-timing"] ?? "")?.[1] ?? NaN);

async function renders(app, { warmup, runs, profile }) {
  const times = [];
  // The page is made once per snapshot of the board: each version's own render time, by its tag.
  const versions = new Map();
  let gzipBytes = 0;
  for (let i = 0; i < warmup + runs; i++) {
    const r = await get(`${app.url}/`, { "accept-encoding": "gzip" });
    if (r.status !== 200) throw new Error(`GET / on ${app.name}: HTTP ${r.status}`);
    if (i >= warmup) times.push(r.ms);
    const made = renderDuration(r.headers);
    if (i >= warmup && r.headers.etag && Number.isFinite(made)) versions.set(r.headers.etag, made);
    gzipBytes = r.body.length;
    // The poller's readings make a new snapshot about every second: most requests get a new one.
    await sleep(1_100);
  }
  const plain = await get(`${app.url}/`);
  if (profile) {
    await app.ask("profileStart");
    await get(`${app.url}/`, { "accept-encoding": "gzip" });
    await app.ask("profileStop", { file: profile });
  }
  const made = [...versions.values()];
  return {
    median: median(times),
    renderMedian: made.length ? median(made) : null,
    renderAll: made.map(Math.round),
    min: Math.min(...times),
    max: Math.max(...times),
    all: times.map(Math.round),
    htmlBytes: plain.body.length,
    gzipBytes,
  };
}

async function measureEstate({ name, root, logDir, estateFile, dataDir, quick, profileDir, log }) {
  const port = await freePort();
  const fresh = !fs.existsSync(dataDir);
  const app = await startApp({
    root,
    name,
    port,
    dataDir,
    estateFile,
    logDir,
    env: { STANDFAST_POLL_CONCURRENCY: String(BIG_CONCURRENCY) },
  });
  try {
    log(
      `  ${name}: serving after ${(app.readyMs / 1000).toFixed(1)} s; waiting for the poller's first full pass…`,
    );
    const pass = await waitAllRead(app, { timeoutMs: 300_000 });
    await sleep(1_500); // let the last flush and snapshot settle
    const afterPass = await memoryOf(app);
    // Peak RSS from here on is the renders' own, not the store's first-start initialisation.
    const peakReset = resetPeakRss(app.pid);
    const r = await renders(app, {
      warmup: 2,
      runs: quick ? 3 : 7,
      profile: profileDir ? path.join(profileDir, `render-${name}.cpuprofile`) : null,
    });
    const afterRenders = await memoryOf(app);
    log(
      `  ${name}: response median ${Math.round(r.median)} ms (${r.all.join(", ")}), ` +
        `render per version ${r.renderAll.join(", ")} ms, ` +
        `HTML ${(r.htmlBytes / 1e6).toFixed(2)} MB, RSS ${(afterPass.rss / 1e6).toFixed(0)} MB → ${(afterRenders.rss / 1e6).toFixed(0)} MB`,
    );
    return {
      estate: app.estate,
      fresh,
      readyMs: app.readyMs,
      firstPassMs: pass.ms,
      render: r,
      afterPass,
      afterRenders,
      peakReset,
    };
  } finally {
    await app.stop(30_000);
  }
}

/** Starts the big estate with default settings and watches how many components ever get read. */
async function defaultCoverage({ root, logDir, estateFile, dataDir, observeMs, log }) {
  const port = await freePort();
  const app = await startApp({ root, name: "app-10k-defaults", port, dataDir, estateFile, logDir });
  try {
    const series = [];
    const started = Date.now();
    while (Date.now() - started < observeMs) {
      await sleep(5_000);
      const { read, total } = await coverage(app);
      series.push({ s: Math.round((Date.now() - started) / 1000), read });
      log(`  default poller: ${read}/${total} components read after ${series.at(-1).s} s`);
    }
    return {
      readyMs: app.readyMs,
      fresh: true,
      series,
      total: app.estate?.components ?? null,
      observeMs,
    };
  } finally {
    await app.stop(30_000);
  }
}

export async function benchRender({ root, tmp, logDir, quick, profileDir, log, bigEstate }) {
  const out = {};
  const bigDir = path.join(tmp, "data-10k");
  if (!quick) {
    out.defaultPoller = await defaultCoverage({
      root,
      logDir,
      estateFile: bigEstate.file,
      dataDir: bigDir,
      observeMs: 45_000,
      log,
    });
  }
  const common = { root, tmp, logDir, quick, profileDir, log };
  out.big = await measureEstate({
    ...common,
    name: "app-10k",
    estateFile: bigEstate.file,
    dataDir: bigDir,
  });
  out.demo = await measureEstate({
    ...common,
    name: "app-demo",
    estateFile: null,
    dataDir: path.join(tmp, "data-demo"),
  });
  out.concurrency = BIG_CONCURRENCY;
  out.renderRatio = out.big.render.median / out.demo.render.median;
  out.makeRatio = out.big.render.renderMedian / out.demo.render.renderMedian;
  out.rssRatio = out.big.afterPass.rss / out.demo.afterPass.rss;
  out.heapRatio = out.big.afterPass.heapUsed / out.demo.afterPass.heapUsed;
  fs.rmSync(bigDir, { recursive: true, force: true });
  return out;
}
