// The printed table: every figure next to its same-run baseline, the ratio, the target, a verdict.
// Each section's rows come from its own module; this puts them in order under one header.
import { mb, ms, ratio } from "./stats.mjs";
import { restoreRows } from "./restore.mjs";
import { memoryRows } from "./memory.mjs";
import { table, verdict } from "./report-format.mjs";
import { apiRows, pageRows } from "./report-http.mjs";
import { boardRows, jsRows, renderRows } from "./report-browser.mjs";
import { archiveRows } from "./report-archive.mjs";

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
  section("1b. Board page / under a crowd (anonymous readers)", pageRows, results.page, "page");
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
