// Section 7: memory and start-up on the embedded store. For 1,000 and 10,000 components: the
// app's first start on a fresh data folder (serving after), the poller's first full pass, a
// little of everything (renders of /, the board JSON, the summary API), then its RSS; next to
// a bare Node process holding PGlite (its defaults) with the same data folder, and to Uptime
// Kuma's published figure. Start-up with 10,000 components is set against a bare PGlite doing
// the least the app must: create the cluster, apply the migrations, insert the estate set-based.
import path from "node:path";
import { get, startApp, waitAllRead } from "./app.mjs";
import { freePort, memory, runJson, sleep, startProcess } from "./proc.mjs";

// Uptime Kuma 2.5.3, measured beside Standfast (issue 10): RSS at 50 and 1,000 monitors.
export const KUMA_RSS = { 50: 168e6, 1000: 316e6 };
const BARE = (root) => path.join(root, "scripts/bench/bare-store.mjs");

async function workload(app) {
  for (let i = 0; i < 3; i++) await get(`${app.url}/`, { "accept-encoding": "gzip" });
  for (let i = 0; i < 3; i++) await get(`${app.url}/api/board`, { "accept-encoding": "gzip" });
  for (let i = 0; i < 100; i++) await get(`${app.url}/api/v2/summary.json`);
}

async function holdBaseline({ root, dataDir, name, logDir }) {
  const proc = startProcess(
    name,
    process.execPath,
    [BARE(root), "hold", path.join(dataDir, "pg")],
    {
      cwd: root,
      logFile: path.join(logDir, `${name}.log`),
    },
  );
  try {
    const ready = new Promise((resolve) => proc.onLine((l) => l === "holding" && resolve()));
    await Promise.race([
      ready,
      proc.exit.then(() => Promise.reject(new Error(proc.tail.join("\n")))),
    ]);
    await sleep(500);
    return memory(proc.pid);
  } finally {
    await proc.stop();
  }
}

async function measure({ root, tmp, logDir, log, estate, concurrency }) {
  const name = `mem-${estate.components}`;
  const dataDir = path.join(tmp, `data-${name}`);
  const app = await startApp({
    root,
    name,
    port: await freePort(),
    dataDir,
    estateFile: estate.file,
    logDir,
    env: { STANDFAST_POLL_CONCURRENCY: String(concurrency) },
  });
  let figures;
  try {
    log(`  ${name}: serving after ${(app.readyMs / 1000).toFixed(1)} s on a fresh data folder`);
    const pass = await waitAllRead(app, { timeoutMs: 300_000 });
    await workload(app);
    const afterBench = memory(app.pid);
    const probe = await app.ask("memory", { gc: true });
    figures = {
      components: estate.components,
      readyMs: app.readyMs,
      startupSteps: app.startupSteps,
      firstPassMs: pass.ms,
      rss: afterBench.rss,
      peakRss: afterBench.peakRss,
      rssAfterGc: memory(app.pid).rss,
      heapUsed: probe.heapUsed,
      external: probe.external,
    };
  } finally {
    await app.stop(30_000);
  }
  figures.bare = await holdBaseline({ root, dataDir, name: `${name}-bare`, logDir });
  log(
    `  ${name}: RSS ${(figures.rss / 1e6).toFixed(0)} MB (peak ${(figures.peakRss / 1e6).toFixed(0)} MB), ` +
      `bare PGlite on the same data ${(figures.bare.rss / 1e6).toFixed(0)} MB`,
  );
  return figures;
}

export async function benchMemory({ root, tmp, logDir, log, estates, concurrency }) {
  const out = { kuma: KUMA_RSS };
  out.mid = await measure({ root, tmp, logDir, log, estate: estates.mid, concurrency });
  out.big = await measure({ root, tmp, logDir, log, estate: estates.big, concurrency });
  const bare = await runJson(
    process.execPath,
    [BARE(root), "startup", path.join(tmp, "bare-startup-pg"), estates.big.file],
    { cwd: root, timeoutMs: 600_000 },
  );
  out.startupBaselineMs = bare.ms;
  log(
    `  start-up with ${estates.big.components} components: app ${(out.big.readyMs / 1000).toFixed(1)} s, ` +
      `bare PGlite + migrations + set-based insert ${(bare.ms / 1000).toFixed(1)} s; ` +
      `the app's boot: ${out.big.startupSteps ?? "?"}`,
  );
  return out;
}

/** Report rows, in the shape report.mjs's table takes. */
export function memoryRows(r, { mb, ms, ratio, verdict }) {
  const rows = [];
  for (const [key, target] of [
    ["mid", 300e6],
    ["big", 400e6],
  ]) {
    const m = r[key];
    if (!m) continue;
    rows.push(
      [
        `RSS after the bench, ${m.components.toLocaleString("en-US")} components (embedded store)`,
        mb(m.rss),
        `${mb(m.bare.rss)} bare node + PGlite, same data`,
        ratio(m.rss / m.bare.rss),
        `≤ ${mb(target)}`,
        verdict(m.rss <= target),
      ],
      [
        `  peak RSS since start / after a GC / JS heap / outside the heap`,
        `${mb(m.peakRss)} / ${mb(m.rssAfterGc)} / ${mb(m.heapUsed)} / ${mb(m.external)}`,
        `${mb(m.bare.peakRss)} peak`,
        "",
        "",
        "",
      ],
    );
    if (r.kuma?.[m.components])
      rows.push([
        `  vs Uptime Kuma 2.5.3, ${m.components.toLocaleString("en-US")} monitors`,
        mb(m.rss),
        `${mb(r.kuma[m.components])} Uptime Kuma`,
        ratio(m.rss / r.kuma[m.components]),
        "",
        "",
      ]);
  }
  if (r.big && r.startupBaselineMs)
    rows.push([
      `start-up, ${r.big.components.toLocaleString("en-US")} components, fresh data folder (until it serves)`,
      ms(r.big.readyMs),
      `${ms(r.startupBaselineMs)} bare PGlite: create, migrate, insert`,
      ratio(r.big.readyMs / r.startupBaselineMs),
      "≤ 30 s",
      verdict(r.big.readyMs <= 30_000),
    ]);
  if (r.big?.startupSteps)
    rows.push(`  (the app's boot, before Next prepares and it listens: ${r.big.startupSteps})`);
  if (r.kuma)
    rows.push(
      `  (Uptime Kuma 2.5.3 measured beside it: ${mb(r.kuma[50])} at 50 monitors, ${mb(r.kuma[1000])} at 1,000)`,
    );
  return rows;
}
