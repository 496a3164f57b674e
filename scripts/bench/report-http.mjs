// Report rows of the HTTP load sections: the summary API and the board page under a crowd.
import { kb, ms, ratio } from "./stats.mjs";
import { KUMA, rps, us, verdict } from "./report-format.mjs";

export function apiRows(api) {
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

export function pageRows(p) {
  const row = (label, r, b, target, ok) => [
    label,
    `${rps(r.rps)}, p99 ${r.p99} ms`,
    `${rps(b.rps)}, p99 ${b.p99} ms bare node:http`,
    ratio(r.rps / b.rps),
    target,
    verdict(ok),
  ];
  const failures = (r) => r.errors + r.timeouts + r.non2xx;
  return [
    `  (page: ${kb(p.bytes)}, ${kb(p.gzipBytes)} gzip; ETag ${p.etag ? "yes" : "NO"}, revalidated with it: HTTP ${p.revalidated ?? "—"}; ${p.serverTiming ?? "no server timing"})`,
    row(
      "/ at 100 connections (gzip): throughput",
      p.at100.app,
      p.at100.bare,
      "≥ 0.30×",
      p.at100.ratio >= 0.3 && failures(p.at100.app) === 0,
    ),
    row(
      `/ at ${p.crowd} connections for ${p.crowdDuration} s: throughput`,
      p.crowdRun.app,
      p.crowdRun.bare,
      "",
      null,
    ),
    [
      `  errors / timeouts / non-2xx at ${p.crowd} connections`,
      `${p.crowdRun.app.errors} / ${p.crowdRun.app.timeouts} / ${p.crowdRun.app.non2xx}`,
      `${p.crowdRun.bare.errors} / ${p.crowdRun.bare.timeouts} / ${p.crowdRun.bare.non2xx}`,
      "",
      "0 errors",
      verdict(failures(p.crowdRun.app) === 0),
    ],
    `  (server CPU per request at 100 connections: app ${us(p.at100.app.cpuPerReqMs)}, bare ${us(p.at100.bare.cpuPerReqMs)}; ` +
      `load generator CPU ${Math.round(p.at100.app.loadgenCpuPct)}% / ${Math.round(p.crowdRun.app.loadgenCpuPct)}%)`,
  ];
}
