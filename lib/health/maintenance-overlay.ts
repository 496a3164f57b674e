/**
 * Pure: maintenance in progress shown on component statuses. A component under maintenance reads
 * `under_maintenance` with the maintenance as its reason, whatever its probe says; its reading's
 * age still counts, so a component with no fresh reading stays `unknown` (never a false claim).
 */
import type { Status } from "../status/vocabulary";

export type MaintenanceInForce = {
  componentId: string;
  title: string;
  startedAt: Date;
  scheduledUntil: Date;
};

type Overlayable = { status: Status; reason: string | null; since: Date };

const clock = (d: Date) => `${d.toISOString().slice(0, 16).replace("T", " ")} UTC`;

export function overlayMaintenance<T extends Overlayable>(
  statuses: Map<string, T>,
  inForce: MaintenanceInForce[],
): Map<string, T> {
  if (inForce.length === 0) return statuses;
  const out = new Map(statuses);
  for (const m of inForce) {
    const stored = out.get(m.componentId);
    if (!stored) continue;
    out.set(m.componentId, {
      ...stored,
      status: "under_maintenance",
      reason: `Scheduled maintenance "${m.title}" until ${clock(m.scheduledUntil)}`,
      since: m.startedAt > stored.since ? m.startedAt : stored.since,
    });
  }
  return out;
}
