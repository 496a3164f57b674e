/**
 * Pre-flight checks of a restore (domain brief, section 5), as pure functions of plain facts.
 * Every check must pass before the restore can be requested; the server recomputes them inside
 * the request, so what the screen showed is never trusted.
 */
import { canTransition, type Lifecycle } from "../control-plane";
import type { Edition } from "../estate/types";
import type { PreflightCheck, PreflightResult } from "./restore-types";
import { worstOf, type Status } from "../status/vocabulary";
import { isHealthyRegionStatus } from "./region-health";
import { editionsFrom, TARGET_NAME, whyNotRestorable } from "./restore-choices";

export type PreflightFacts = {
  backup: { name: string; status: string; edition: Edition; serviceId: string };
  /** The archive read from its store now: verified, or why not. */
  archive: { ok: boolean; message: string };
  store: { reachable: boolean; message: string };
  target: {
    name: string;
    region: string;
    regionKnown: boolean;
    /** The region's status on the board (operational, degraded_performance, …, unknown). */
    regionStatus: string;
    edition: Edition;
    /** The service already under that name, if any (retired services count as deleted). */
    existing: { state: string; retired: boolean } | null;
  };
  inFlight: { id: string; requestedBy: string } | null;
};

export function preflight(f: PreflightFacts): PreflightResult {
  const checks: PreflightCheck[] = [];
  const check = (id: PreflightCheck["id"], title: string, ok: boolean, detail: string) =>
    checks.push({ id, title, ok, detail });

  const unrestorable = whyNotRestorable(f.backup);
  check(
    "archive",
    "Archive checksum",
    !unrestorable && f.archive.ok,
    unrestorable ? `backup ${unrestorable}` : f.archive.message,
  );
  check("store", "Backup store reachable", f.store.reachable, f.store.message);

  const healthy = isHealthyRegionStatus(f.target.regionStatus);
  check(
    "region",
    "Target region healthy",
    f.target.regionKnown && healthy,
    !f.target.regionKnown
      ? `${f.target.region} is not a region of this estate`
      : healthy
        ? `${f.target.region} is ${f.target.regionStatus.replace(/_/g, " ")}`
        : `${f.target.region} is ${f.target.regionStatus.replace(/_/g, " ")}: restore into a healthy region`,
  );

  const e = f.target.existing;
  // The control plane's transition table decides which services a restore may create over.
  const free = canTransition(
    !e ? "absent" : e.retired ? "deleted" : (e.state as Lifecycle),
    "restoring",
  );
  check(
    "target-state",
    "Target state allows a restore",
    free,
    !e
      ? `no service named ${f.target.name} exists: it will be created`
      : e.retired
        ? `${f.target.name} was deleted: the name is free again`
        : e.state === "restore_failed"
          ? `${f.target.name} is restore_failed: it will be replaced`
          : `${f.target.name} exists and is ${e.state}: choose a new name, or delete it first (only a deleted or restore_failed service can be replaced)`,
  );

  const editionAllowed = editionsFrom(f.backup.edition).includes(f.target.edition);
  check(
    "edition",
    "Edition same or higher",
    editionAllowed,
    f.backup.edition === "developer"
      ? "the developer edition cannot be restored"
      : editionAllowed
        ? `${f.backup.edition} → ${f.target.edition}`
        : `${f.target.edition} is lower than the backup's ${f.backup.edition}: the edition may stay or go up (basic → standard → premium), never down`,
  );

  check(
    "name",
    "Target name",
    TARGET_NAME.test(f.target.name),
    TARGET_NAME.test(f.target.name)
      ? `${f.target.name}`
      : `"${f.target.name}" must be 6 to 20 characters: letters, digits and hyphens`,
  );

  check(
    "in-flight",
    "No other restore in flight for the target",
    !f.inFlight,
    f.inFlight
      ? `restore ${f.inFlight.id} by ${f.inFlight.requestedBy} is already running for ${f.target.name}`
      : "none",
  );

  return { ok: checks.every((c) => c.ok), checks };
}

/**
 * A region's health for a restore: the worst status of its components, where a component never
 * read yet (a service just restored there) says nothing about the region and is left out. A region
 * with no component read at all is unknown, never healthy.
 */
export function regionHealth(components: { status: Status; checkedAt: string | null }[]): Status {
  return worstOf(components.filter((c) => c.checkedAt !== null).map((c) => c.status));
}
