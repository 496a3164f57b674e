// Report rows of the board as a browser and the server see it: the draw in Chromium, the
// server render and its memory, and the JavaScript the page loads.
import { kb, mb, ms, ratio } from "./stats.mjs";
import { KUMA, verdict } from "./report-format.mjs";

export function boardRows(b) {
  const t = b.app.timeline;
  return [
    [
      `board drawn, ${b.expected} components, cold load (median of ${b.runs})`,
      ms(t.drawn),
      `${ms(b.baseline.timeline.drawn)} static copy`,
      ratio(b.ratio),
      "≤ 800 ms, ≤ 2.00×",
      verdict(t.drawn <= 800 && b.ratio <= 2),
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
      `first paint ${ms(t.fcp)}, whole board in DOM ${ms(t.cells)}, DOMContentLoaded ${ms(t.domContentLoaded)}, ` +
      `load ${ms(t.load)}, live board running ${ms(t.hydrated)}; DOM ${b.app.domNodes} elements)`,
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
      `  vs Uptime Kuma's 7.19 MB`,
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

export function renderRows(r) {
  const rows = [];
  if (r.big && r.demo) {
    const big = `${r.big.estate?.components ?? "?"} comp./${r.big.estate?.regions ?? "?"} regions`;
    rows.push(
      [
        `render / per snapshot version (Server-Timing, median of ${r.big.render.renderAll?.length ?? 0} versions), ${big}`,
        ms(r.big.render.renderMedian),
        `${ms(r.demo.render.renderMedian)} demo (15)`,
        ratio(r.makeRatio),
        "p50 ≤ 150 ms",
        verdict(r.big.render.renderMedian == null ? null : r.big.render.renderMedian <= 150),
      ],
      [
        `  GET / response time (full HTML, gzip; median of ${r.big.render.all.length})`,
        ms(r.big.render.median),
        `${ms(r.demo.render.median)} demo (15)`,
        ratio(r.renderRatio),
        "",
        "",
      ],
      [
        `  HTML size (gzip)`,
        `${mb(r.big.render.htmlBytes)} (${kb(r.big.render.gzipBytes)})`,
        `${kb(r.demo.render.htmlBytes)} (${kb(r.demo.render.gzipBytes)})`,
        ratio(r.big.render.htmlBytes / r.demo.render.htmlBytes),
        "≤ 300 kB gzip",
        verdict(r.big.render.gzipBytes <= 300_000),
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

export function jsRows(b) {
  const js = b.js;
  const loaded = [
    `JS loaded by / (bodies as sent, Chromium; ${js.browser.scripts.length} files${js.inline?.gzip ? ` + ${kb(js.inline.gzip)} inline, gzip` : ""})`,
    kb(js.browser.encodedBody),
    "",
    "",
    "≤ 150 kB",
    verdict(js.browser.encodedBody <= 150_000),
  ];
  if (js.build.error)
    return [loaded, `  cross-check with the build output FAILED: ${js.build.error}`];
  return [
    loaded,
    [
      `  cross-check: build output for ${js.build.page} as sent (build's Brotli, else gzip -6; ${js.build.files.length} files)`,
      kb(js.build.sent),
      `${kb(js.build.gzip)} gzip -6, ${kb(js.build.raw)} raw`,
      ratio(js.build.sent / js.build.gzip),
      "≤ 150 kB",
      verdict(js.build.sent <= 150_000),
    ],
    `  (encodings: ${Object.entries(js.browser.encodings ?? {})
      .map(([e, n]) => `${e} ×${n}`)
      .join(", ")}; transfer incl. headers ${kb(js.browser.transfer)}; ` +
      `decoded ${kb(js.browser.decoded)}; only in browser: ${js.build.onlyInBrowser.join(" ") || "none"}; ` +
      `only in build: ${js.build.onlyInBuild.join(" ") || "none"})`,
  ];
}
