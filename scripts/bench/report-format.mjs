// What every section of the report shares: the verdict and unit formats, the figures measured
// beside Uptime Kuma, and the table they are all printed in.

// Uptime Kuma 2.5.3 measured beside Standfast: its status-page JSON against bare node:http, the
// time to draw 1,000 monitors with their bars, and the bytes one load of that page sends.
export const KUMA = { apiRatio: [0.15, 0.38], drawMs: 9_900, bytes: 7.19e6 };

export const verdict = (ok) => (ok == null ? "—" : ok ? "MET" : "MISSED");
export const rps = (v) => (v == null ? "—" : `${Math.round(v).toLocaleString("en-US")}/s`);
export const us = (v) => (v == null ? "—" : `${Math.round(v * 1000)} µs`);

export function table(rows) {
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
