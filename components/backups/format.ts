import { formatAge } from "@/lib/time";
import { fullUtc } from "../detail/format";

/** "812 B", "14.2 KB", "3.1 MB": archive sizes. */
export function formatBytes(bytes: number | null): string {
  if (bytes === null) return "not known yet";
  if (bytes < 1024) return `${bytes} B`;
  const units = ["KB", "MB", "GB", "TB"];
  let value = bytes / 1024;
  let unit = 0;
  while (value >= 1024 && unit < units.length - 1) {
    value /= 1024;
    unit++;
  }
  return `${value < 10 ? value.toFixed(1) : Math.round(value)} ${units[unit]}`;
}

/** "7.2 s", "3 min 12 s", "1 h 4 min": how long a backup took. */
export function formatTook(ms: number | null): string {
  if (ms === null) return "–";
  if (ms < 1_000) return `${ms} ms`;
  if (ms < 60_000) return `${(ms / 1_000).toFixed(ms < 10_000 ? 1 : 0)} s`;
  const s = Math.round(ms / 1_000);
  if (s < 3_600) return `${Math.floor(s / 60)} min${s % 60 ? ` ${s % 60} s` : ""}`;
  const m = Math.round(s / 60);
  return `${Math.floor(m / 60)} h${m % 60 ? ` ${m % 60} min` : ""}`;
}

/** "3 h ago", or "in 5 h" for times after `now`. */
export function ago(iso: string, now: string): string {
  const diff = Date.parse(now) - Date.parse(iso);
  return diff >= 0 ? `${formatAge(diff)} ago` : `in ${formatAge(-diff)}`;
}

/** "24 Nov 2026 14:02 UTC (3 h ago)". */
export function utcWithAge(iso: string, now: string): string {
  return `${fullUtc(iso)} (${ago(iso, now)})`;
}

/** A whole number of days, hours or minutes as the schedule form writes it: "1d", "12h", "90m". */
export function durationText(ms: number): string {
  for (const [unit, size] of [
    ["d", 86_400_000],
    ["h", 3_600_000],
    ["m", 60_000],
  ] as const)
    if (ms % size === 0) return `${ms / size}${unit}`;
  return `${Math.round(ms / 1_000)}s`;
}

/** "every day", "every 12 hours", "7 days". */
export function spelledDuration(ms: number): string {
  const text = durationText(ms);
  const n = Number(text.slice(0, -1));
  const word = { d: "day", h: "hour", m: "minute", s: "second" }[text.slice(-1)] ?? "";
  return `${n} ${word}${n === 1 ? "" : "s"}`;
}
