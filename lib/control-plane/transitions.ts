/**
 * A service's life in the control plane, as one table: which state may follow which. Every verb
 * that changes a service's state (create, suspend, fail, resume, delete) is checked against it, in
 * the transaction that makes the change. Pure and client-safe.
 *
 * The estate file's own services are declared rather than moved: they appear in the state the file
 * gives and are retired when the file drops them (estate sync); the table covers everything else.
 */
import type { ServiceState } from "../estate/types";

/** Where a service can be: a state, or no service of that name (never was, or deleted). */
export type Lifecycle = ServiceState | "absent" | "deleted";
/** What a service can become: a state, or deleted. */
export type Destination = ServiceState | "deleted";

/** The allowed transitions, from each place to the places it may go next (domain brief, §2, §5). */
export const TRANSITIONS: Readonly<Record<Lifecycle, readonly Destination[]>> = {
  // A restore creates its target under a free name…
  absent: ["restoring"],
  deleted: ["restoring"],
  // …which comes up suspended for its checklist, or is left restore_failed.
  restoring: ["suspended", "restore_failed"],
  // Resumed once the checklist is done.
  suspended: ["active"],
  // In restore_failed only delete is allowed, or a new restore replacing it.
  restore_failed: ["restoring", "deleted"],
  active: [],
  updating: [],
  stopped: [],
  disabled: [],
  resume_failed: [],
  scale_failed: [],
  config_update_failed: [],
};

export function canTransition(from: Lifecycle, to: Destination): boolean {
  return TRANSITIONS[from].includes(to);
}

/** The places a service may reach `to` from, in the table's order. */
export function sourcesOf(to: Destination): Lifecycle[] {
  return (Object.keys(TRANSITIONS) as Lifecycle[]).filter((from) => canTransition(from, to));
}

/** Where a service row (or its absence) is. */
export function lifecycleOf(
  service: { state: string; retiredAt: Date | null } | null | undefined,
): Lifecycle {
  if (!service) return "absent";
  if (service.retiredAt) return "deleted";
  return service.state as ServiceState;
}

const orList = (items: string[]) =>
  items.length > 1 ? `${items.slice(0, -1).join(", ")} or ${items.at(-1)}` : (items[0] ?? "");

/** Why `serviceId` may not go from `from` to `to`, or null when the table allows it. */
export function transitionRefusal(
  serviceId: string,
  from: Lifecycle,
  to: Destination,
): string | null {
  if (canTransition(from, to)) return null;
  const sources = orList(sourcesOf(to));
  if (to === "restoring")
    return `${serviceId} exists and is ${from}: a restore may create its target only when it is ${sources}`;
  if (to === "deleted")
    return `${serviceId} is ${from}: only a service in ${sources} can be deleted here.`;
  return sources
    ? `${serviceId} is ${from}: only a service that is ${sources} can become ${to}.`
    : `${serviceId} is ${from}: no service can be made ${to} by Standfast.`;
}

/** Why a restore may not create a service over this one, or null when it may (domain brief, §5). */
export function restoreTargetRefusal(
  serviceId: string,
  existing: { state: string; retiredAt: Date | null } | null | undefined,
): string | null {
  return transitionRefusal(serviceId, lifecycleOf(existing), "restoring");
}
