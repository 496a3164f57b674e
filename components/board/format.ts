import type { ServiceState } from "@/lib/estate/types";
import { formatAge } from "@/lib/time";

/** "14:02 UTC", or "24 Nov 14:02 UTC" when not today (relative to `ref`). Same on server and client. */
export function formatUtc(iso: string, ref: string): string {
  const d = new Date(iso);
  const time = `${String(d.getUTCHours()).padStart(2, "0")}:${String(d.getUTCMinutes()).padStart(2, "0")} UTC`;
  if (iso.slice(0, 10) === ref.slice(0, 10)) return time;
  const month = d.toLocaleString("en-GB", { month: "short", timeZone: "UTC" });
  return `${d.getUTCDate()} ${month} ${time}`;
}

/** "Suspended", "Restore failed": a service's state in words. */
export const stateLabel = (state: ServiceState) =>
  state.charAt(0).toUpperCase() + state.slice(1).replace(/_/g, " ");

export function ageBetween(fromIso: string | null, toIso: string): string | null {
  if (!fromIso) return null;
  return formatAge(Date.parse(toIso) - Date.parse(fromIso));
}

export { formatAge };
