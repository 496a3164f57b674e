/** Pure helpers of the new-restore screen: default names and the picker's time. */
import { TARGET_NAME } from "@/lib/restores/restore-types";

const SUFFIXES = ["-restored", "-rst", "-dr"];

/**
 * A free name for the restored service: `<service>-restored`, or a shorter suffix when that is
 * past 20 characters, or `-r2`, `-r3`, … when those are taken. Only when no suffix fits whole is
 * the service part cut.
 */
export function defaultTargetName(service: string, taken: Iterable<string>): string {
  const used = new Set(taken);
  const suffixes = [...SUFFIXES, ...Array.from({ length: 98 }, (_, i) => `-r${i + 2}`)];
  const cut = (suffix: string) =>
    `${service.slice(0, 20 - suffix.length).replace(/-+$/, "")}${suffix}`;
  // Cut, the shortest suffix keeps the most of the service's name.
  const shortestFirst = [...suffixes].sort((a, b) => a.length - b.length);
  for (const name of [...suffixes.map((s) => service + s), ...shortestFirst.map(cut)])
    if (TARGET_NAME.test(name) && !used.has(name)) return name;
  return "";
}

/** `<target>-tracking`, cut to a database name's length. */
export const defaultTrackingDatabase = (target: string) =>
  target ? `${target.slice(0, 119)}-tracking` : "";

/** A storage account name from the target: lower-case letters and digits, 3 to 24 of them. */
export function defaultStorage(target: string): string {
  const name = target.toLowerCase().replace(/[^a-z0-9]/g, "");
  if (!name) return "";
  return (name.length < 3 ? `${name}store` : name).slice(0, 24);
}

/**
 * The picker's "before" time: a `datetime-local` value (read as UTC) or an ISO date-time.
 * Returns the ISO time, or a message that says what is wrong and how to write it.
 */
export function parseBefore(
  text: string | undefined,
): { iso: string | null; error?: undefined } | { iso: null; error: string } {
  const value = (text ?? "").trim();
  if (!value) return { iso: null };
  const local = /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}(:\d{2}(\.\d{1,3})?)?$/.test(value);
  const zoned = /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}(:\d{2}(\.\d{1,3})?)?(Z|[+-]\d{2}:\d{2})$/.test(
    value,
  );
  let time = local ? Date.parse(`${value}Z`) : zoned ? Date.parse(value) : NaN;
  // Date.parse rolls 30 February over into March; a date that does not exist is refused.
  if (
    local &&
    !Number.isNaN(time) &&
    new Date(time).toISOString().slice(0, 16) !== value.slice(0, 16)
  )
    time = NaN;
  if (Number.isNaN(time))
    return {
      iso: null,
      error: `"${value}" is not a date-time: write it as 2026-11-24T08:00 (UTC) or pick it from the calendar.`,
    };
  return { iso: new Date(time).toISOString() };
}

/** An ISO time as the `datetime-local` field shows it (UTC, to the minute). */
export const toLocalField = (iso: string) => iso.slice(0, 16);
