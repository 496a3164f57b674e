// The printed table: every figure next to its same-run baseline, the ratio, the target, a verdict.
import { kb, mb, ms, ratio } from "./stats.mjs";
import { restoreRows } from "./restore.mjs";
import { memoryRows } from "./memory.mjs";

const KUMA = { apiRatio: [0.11, 0.24], drawMs: 5_000, bytes: 6.4e6 };

const verdict = (ok) => (ok == null ? "—" : ok ? "MET" : "MISSED");
const rps = (v) => (v == null ? "—" : `${Math.round(v).toLocaleString("en-US")}/s`);
const us = (v) => (v == null ? "—" : `${Math.round(v * 1000)} µs`);

function table(rows) {
  const head = ["", "Standfast", "baseline (same run)", "ratio", "target", "verdict"];
  const all = [
    head,
    ...rows.map((r) => (typeof r === "string" ? r : r.map((c) => String(c ?? "—")))),
  ];
  const widths = head.map((_, i) =>
    Math.max(...all.filter((r) => typeof r !== "string").map((r) => r[i].length)),
  );
  const line = (r) =>
    r.map((c, i) => (i === 0 ? c.padEnd(widths[i]) : c.padStart(widths[i]))).join("  ");
  const rule = "─".repeat(widths.reduce((a, w) => a + w + 2, -2));
  return [line(head), rule, ...all.slice(1).map((r) => (typeof r === "string" ? r : line(r)))].join(
    "\n",
  );
}

function apiRows(api) {
  const rows = [];
  for (const [scenario, label] of [
    ["idle", "idle"],
    ["changing", "statuses changing each second"],
  ]) {
    const s = api.scenarios?.[scenario];
    if (!s) continue;
    for (const enc of ["identity", "gzip"]) {
      const r = s[enc];
      if (!r) continue;
      const bytes = enc === "gzip" ? kb(api.gzipBytes) : kb(api.bytes);
      rows.push([
        `summary.json ${label}, ${enc} (${bytes}): throughput`,
        rps(r.app.rps),
        `${rps(r.bare.rps)} bare node:http`,
        ratio(r.ratio),
        "≥ 0.50×",
        verdict(r.ratio >= 0.5),
      ]);
      rows.push([
        `  p99 latency (worst round) / p50`,
        `${r.app.p99} / ${r.app.p50} ms`,
        `${r.bare.p99} / ${r.bare.p50} ms`,
        ratio(r.app.p99 / Math.max(r.bare.p99, 1)),
        "",
        "",
      ]);
      rows.push([
        `  server CPU per request (capacity ratio = bare/app)`,
        us(r.app.cpuPerReqMs),
        us(r.bare.cpuPerReqMs),
        ratio(r.capacityRatio),
        "≥ 0.50×",
        verdict(r.capacityRatio >= 0.5),
      ]);
      rows.push([
        `  server CPU busy / load generator CPU`,
        `${Math.round(r.app.serverCpuPct)}% / ${Math.round(r.app.loadgenCpuPct)}%`,
        `${Math.round(r.bare.serverCpuPct)}% / ${Math.round(r.bare.loadgenCpuPct)}%`,
        "",
        "",
        "",
      ]);
      if (r.app.loopDelayP99 != null)
        rows.push([
          `  app event-loop delay p99 / max`,
          `${r.app.loopDelayP99.toFixed(0)} / ${r.app.loopDelayMax.toFixed(0)} ms`,
          "",
          "",
          "",
          "",
        ]);
      if (r.app.errors)
        rows.push([`  ERRORS or non-2xx answers from the app`, r.app.errors, "", "", "", ""]);
    }
    if (s.flips)
      rows.push(
        `  (changes: ${s.flips.sent} fault flips sent, ${s.flips.failed} failed, admin call median ${ms(s.flips.adminMsMedian)}; ` +
          `readers saw ${s.flips.distinctEtags} distinct summary ETags and ${s.flips.indicatorChanges} overall-indicator changes)`,
      );
  }
  if (api.restCpuPct != null)
    rows.push(
      `  (app CPU at rest, no requests: ${api.restCpuPct.toFixed(1)}% of a core — poller, lease, timers)`,
    );
  const best = Math.min(
    ...Object.values(api.scenarios ?? {}).flatMap((s) =>
      [s.identity?.ratio, s.gzip?.ratio].filter(Boolean),
    ),
  );
  if (Number.isFinite(best))
    rows.push([
      "summary.json worst ratio vs Uptime Kuma's status JSON",
      ratio(best),
      `${KUMA.apiRatio[0]}–${KUMA.apiRatio[1]}× (Uptime Kuma)`,
      ratio(best / KUMA.apiRatio[1]),
      "",
      "",
    ]);
  return rows;
}

function boardRows(b) {
  const t = b.app.timeline;
  return [
    [
      `board drawn, ${b.expected} components, cold load (median of ${b.runs})`,
      ms(t.drawn),
      `${ms(b.baseline.timeline.drawn)} static copy`,
      ratio(b.ratio),
      "≤ 1000 ms",
      verdict(t.drawn <= 1_000),
    ],
    [
      `  vs Uptime Kuma, 1,000 monitors`,
      ms(t.drawn),
      `${ms(KUMA.drawMs)} Uptime Kuma`,
      ratio(t.drawn / KUMA.drawMs),
      "",
      "",
    ],
    `  (app timeline, ms from navigation: HTML first byte ${ms(t.responseStart)}, last byte ${ms(t.responseEnd)}, ` +
      `first paint ${ms(t.fcp)}, all cells in DOM ${ms(t.cells)}, DOMContentLoaded ${ms(t.domContentLoaded)}, ` +
      `load ${ms(t.load)}, React on last cell ${ms(t.fiber)}, hydrated ${ms(t.hydrated)}; DOM ${b.app.domNodes} elements)`,
    `  (every load, app: ${b.app.drawnAll.join(", ")} ms; static: ${b.baseline.drawnAll.join(", ")} ms)`,
    [
      `bytes the board fetches (all responses, cold)`,
      kb(b.app.bytes),
      `${kb(b.baseline.bytes)} static copy`,
      ratio(b.app.bytes / b.baseline.bytes),
      "≤ 300 kB",
      verdict(b.app.bytes <= 300_000),
    ],
    [
      `  vs Uptime Kuma's 6.4 MB`,
      kb(b.app.bytes),
      mb(KUMA.bytes),
      ratio(b.app.bytes / KUMA.bytes),
      "",
      "",
    ],
    `  (by type: ${Object.entries(b.app.bytesByType)
      .map(([k, v]) => `${k} ${kb(v)}`)
      .join(", ")}; ` + `HTML ${kb(b.app.htmlGzipBytes)} gzip of ${mb(b.app.htmlBytes)})`,
  ];
}

const freshStart = (r) => (r.big.fresh ? r.big.readyMs : r.defaultPoller?.readyMs);

function renderRows(r) {
  const rows = [];
  if (r.big && r.demo) {
    const big = `${r.big.estate?.components ?? "?"} comp./${r.big.estate?.regions ?? "?"} regions`;
    rows.push(
      [
        `render / (full HTML, gzip; median of ${r.big.render.all.length}), ${big}`,
        ms(r.big.render.median),
        `${ms(r.demo.render.median)} demo (15)`,
        ratio(r.renderRatio),
        "",
        "",
      ],
      [
        `  HTML size (gzip)`,
        `${mb(r.big.render.htmlBytes)} (${mb(r.big.render.gzipBytes)})`,
        `${kb(r.demo.render.htmlBytes)} (${kb(r.demo.render.gzipBytes)})`,
        ratio(r.big.render.htmlBytes / r.demo.render.htmlBytes),
        "",
        "",
      ],
      [
        `server RSS after the first full poll`,
        mb(r.big.afterPass.rss),
        mb(r.demo.afterPass.rss),
        ratio(r.rssRatio),
        "",
        "",
      ],
      [
        `  JS heap used after GC`,
        mb(r.big.afterPass.heapUsed),
        mb(r.demo.afterPass.heapUsed),
        ratio(r.heapRatio),
        "",
        "",
      ],
      [
        `  of which outside the JS heap (PGlite WASM, buffers)`,
        mb(r.big.afterPass.external),
        mb(r.demo.afterPass.external),
        ratio(r.big.afterPass.external / r.demo.afterPass.external),
        "",
        "",
      ],
      [
        `  peak RSS while rendering${r.big.peakReset ? "" : " (since start)"}`,
        mb(r.big.afterRenders.peakRss),
        mb(r.demo.afterRenders.peakRss),
        ratio(r.big.afterRenders.peakRss / r.demo.afterRenders.peakRss),
        "",
        "",
      ],
      `  (10k estate: first start with a fresh data folder serves after ${ms(freshStart(r))}; first full poll took ` +
        `${ms(r.big.firstPassMs)} with STANDFAST_POLL_CONCURRENCY=${r.concurrency}, set on both sides; demo serves after ${ms(r.demo.readyMs)})`,
    );
  }
  if (r.defaultPoller) {
    const last = r.defaultPoller.series.at(-1);
    rows.push([
      `poller, default concurrency (16), ${r.defaultPoller.total} components: read after ${last.s} s`,
      `${last.read}`,
      `${r.defaultPoller.total} all`,
      ratio(last.read / r.defaultPoller.total),
      "all, within 30 s",
      verdict(last.read === r.defaultPoller.total),
    ]);
    rows.push(`  (series: ${r.defaultPoller.series.map((p) => `${p.s}s:${p.read}`).join(" ")})`);
  }
  return rows;
}

function jsRows(b) {
  const js = b.js;
  if (js.build.error)
    return [
      [
        `JS loaded by / (gzip bodies, Chromium; ${js.browser.scripts.length} files)`,
        kb(js.browser.encodedBody),
        "",
        "",
        "≤ 150 kB",
        verdict(js.browser.encodedBody <= 150_000),
      ],
      `  cross-check with the build output FAILED: ${js.build.error}`,
    ];
  return [
    [
      `JS loaded by / (gzip bodies, Chromium; ${js.browser.scripts.length} files)`,
      kb(js.browser.encodedBody),
      "",
      "",
      "≤ 150 kB",
      verdict(js.browser.encodedBody <= 150_000),
    ],
    [
      `  cross-check: build output for ${js.build.page}, gzip -6 (${js.build.files.length} files)`,
      kb(js.build.gzip),
      `${kb(js.build.raw)} raw`,
      ratio(js.build.gzip / js.build.raw),
      "≤ 150 kB",
      verdict(js.build.gzip <= 150_000),
    ],
    `  (all scripts gzip: ${js.browser.allGzip ? "yes" : "NO"}; transfer incl. headers ${kb(js.browser.transfer)}; ` +
      `decoded ${kb(js.browser.decoded)}; only in browser: ${js.build.onlyInBrowser.join(" ") || "none"}; ` +
      `only in build: ${js.build.onlyInBuild.join(" ") || "none"})`,
  ];
}

const mbps = (v) => (v == null ? "—" : `${Math.round(v).toLocaleString("en-US")} MB/s`);

function archiveRows(a) {
  const m = a.medians;
  const sha = (a.payloadBytes / 1e6 / (m.sha256 / 1000) / 1000).toFixed(1);
  const pair = (x, y) => `${ms(x)} / ${ms(y)}`;
  return [
    [
      `archive write: build from the JSON text + atomic store write, SHA-256 while writing, ${mb(a.bytes)} (${a.runs} runs; ratio: median of paired runs)`,
      mbps(a.writeMBps),
      `${mbps(a.durableCopyMBps)} durable copy`,
      ratio(a.writeRatio),
      "≥ 0.70×",
      verdict(a.writeRatio >= 0.7),
    ],
    `  (judged against a durable copy: copy to a temp name, fsync, rename, fsync the folder. A backup that is not on disk is not a backup; copyFile without fsync measures the page cache.)`,
    [
      `  build (UTF-8, ASCII escapes) / store write with SHA-256 (temp file, fsync, link, fsync folder); ratio of medians`,
      pair(m.prepare, m.write - m.prepare),
      `${ms(m.durableCopy)} durable copy`,
      ratio(a.writeRatioOfMedians),
      "",
      "",
    ],
    [
      `  the same write vs fs.copyFile (no fsync)`,
      ms(m.write),
      `${ms(m.copy)} fs.copyFile`,
      ratio(a.writeVsCopyFileRatio),
      "",
      "",
    ],
    [
      `  the same, SHA-256 wholly before the write (no overlap)`,
      ms(m.hashFirstWrite),
      `${ms(m.durableCopy)} durable copy`,
      ratio(a.hashFirstWriteRatio),
      "",
      "",
    ],
    [
      `  sealed first (runner's one-line change): encodeArchiveFromJson / store write; ratio of both / store write alone`,
      pair(m.encodeJson, m.storeWrite),
      `${ms(m.durableCopy)} durable copy`,
      `${ratio(a.sealedWriteRatio)} / ${ratio(a.storeWriteVsDurableCopy)}`,
      "",
      "",
    ],
    [
      `  floor without overlap: UTF-8 + SHA-256 + durable copy`,
      ms(a.writeFloorMs),
      `${ms(m.durableCopy)} durable copy`,
      ratio(m.durableCopy / a.writeFloorMs),
      "",
      "",
    ],
    [
      `archive read: store read + verify (manifest + SHA-256)`,
      mbps(a.readMBps),
      `${mbps(a.plainReadMBps)} fs.readFile`,
      ratio(a.readRatio),
      "≥ 0.70×",
      verdict(a.readRatio >= 0.7),
    ],
    [
      `  store read / verify; ratio of medians`,
      pair(m.storeRead, m.verify),
      `${ms(m.plainRead)} fs.readFile`,
      ratio(a.readRatioOfMedians),
      "",
      "",
    ],
    [
      `  floor: readFile + SHA-256 / with SHA-256 wholly overlapped: max(readFile, SHA-256)`,
      pair(a.readFloorMs, a.readOverlapFloorMs),
      `${ms(m.plainRead)} fs.readFile`,
      `${ratio(m.plainRead / a.readFloorMs)} / ${ratio(m.plainRead / a.readOverlapFloorMs)}`,
      "best possible",
      "",
    ],
    [
      `  end to end, not judged: write from the configuration value (JSON encode) / read + JSON decode`,
      pair(m.e2eWrite, m.e2eRead),
      pair(m.durableCopy, m.plainRead),
      `${ratio(a.e2eWriteRatio)} / ${ratio(a.e2eReadRatio)}`,
      "",
      "",
    ],
    `  (in memory, on this CPU: JSON.stringify ${m.stringify.toFixed(1)} ms, UTF-8 encode ${m.utf8.toFixed(1)} ms, SHA-256 ${m.sha256.toFixed(1)} ms (${sha} GB/s), ` +
      `JSON.parse ${m.parse.toFixed(1)} ms; every write: ${a.all.write.join(", ")} ms; every durable copy: ${a.all.durableCopy.join(", ")} ms; ` +
      `every read: ${a.all.read.join(", ")} ms; every readFile: ${a.all.plainRead.join(", ")} ms)`,
  ];
}

export function printReport(results) {
  const { specs } = results;
  const out = [];
  out.push("");
  out.push(`Standfast bench — ${results.startedAt}${results.quick ? " (--quick)" : ""}`);
  out.push(
    `machine: ${specs.cores} × ${specs.cpu}, ${mb(specs.memory)} RAM, ${specs.os}; Node ${specs.node}; ` +
      `Next ${specs.next}; Chromium ${results.board?.browserVersion ?? "?"}; commit ${specs.commit}`,
  );
  out.push(
    `load average at start ${specs.loadStart.map((v) => v.toFixed(2)).join(" ")}, at end ${results.specs.loadEnd?.map((v) => v.toFixed(2)).join(" ") ?? "?"}` +
      (specs.loadStart[0] > specs.cores / 2
        ? "  ⚠ the machine was busy with other work: absolute figures are noisy, ratios less so"
        : ""),
  );
  if (results.build)
    out.push(
      `build: ${results.build.built ? `rebuilt into .next-bench in ${(results.build.ms / 1000).toFixed(0)} s` : "up to date"}; type check: ${results.build.typeCheck}`,
    );
  if (results.api)
    out.push(
      `load: autocannon, ${results.api.connections} connections, ${results.api.duration} s × ${results.api.rounds} round(s) per side after ${results.api.warmup} s warm-up, ` +
        `app and bare alternated; estate ${results.api.components} components`,
    );
  const rows = [];
  const section = (title, fn, data, key) => {
    rows.push(`\n${title}`);
    if (results.errors[key]) rows.push(`  FAILED: ${results.errors[key]}`);
    else if (data) rows.push(...fn(data));
    else rows.push("  (not run)");
  };
  section("1. Summary API: GET /api/v2/summary.json", apiRows, results.api, "api");
  section("2. Board draw in Chromium", boardRows, results.board, "board");
  section("3. Server render of / and memory", renderRows, results.render, "render");
  section("4. JavaScript that / loads", jsRows, results.board?.js ? results.board : null, "board");
  section(
    "5. Backup archive (premium demo configuration)",
    archiveRows,
    results.archive,
    "archive",
  );
  section(
    "6. Restore request latency",
    (r) => restoreRows(r, { ratio, verdict, ms }),
    results.restore,
    "restore",
  );
  section(
    "7. Memory and start-up (embedded store)",
    (r) => memoryRows(r, { mb, ms, ratio, verdict }),
    results.memory,
    "memory",
  );
  out.push("");
  out.push(table(rows.flatMap((r) => (typeof r === "string" ? [r] : [r]))));
  out.push("");
  out.push(`Written: ${results.outFile}`);
  console.log(out.join("\n"));
}
