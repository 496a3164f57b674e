import { ageBetween, formatUtc } from "../board/format";

const pad = (n: number) => String(n).padStart(2, "0");
const MONTHS = "Jan Feb Mar Apr May Jun Jul Aug Sep Oct Nov Dec".split(" ");

/** "14:02 UTC (3 h ago)", or "24 Nov 14:02 UTC (2 d ago)" when not on the day of `ref`. */
export function whenWithAge(iso: string, ref: string): string {
  return `${formatUtc(iso, ref)} (${ageBetween(iso, ref)} ago)`;
}

/** "10 Mar 2026 14:02 UTC": unambiguous, for lists that span months. */
export function fullUtc(iso: string): string {
  const d = new Date(iso);
  return `${d.getUTCDate()} ${MONTHS[d.getUTCMonth()]} ${d.getUTCFullYear()} ${pad(d.getUTCHours())}:${pad(d.getUTCMinutes())} UTC`;
}

/** "2026-11-24 14:02:37 UTC": a log's or a job's times, to the second. */
export function utcSeconds(iso: string): string {
  const text = new Date(iso).toISOString();
  return `${text.slice(0, 10)} ${text.slice(11, 19)} UTC`;
}

/** "10 Mar 2026" from "2026-03-10". */
export function dayLabel(day: string): string {
  const [y, m, d] = day.split("-").map(Number);
  return `${d} ${MONTHS[(m ?? 1) - 1]} ${y}`;
}

export function percent(value: number | null): string {
  if (value === null) return "no data";
  return `${value >= 99.995 && value < 100 ? "99.99" : Number(value.toFixed(2))} %`;
}
