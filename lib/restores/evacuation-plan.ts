/**
 * The plan for evacuating a lost region: for each service in it, the newest good backup held in
 * another region, a healthy region to restore it into, the names to use, and what the restore
 * will not bring back. Pure: the facts are read elsewhere (evacuation-read.ts).
 */
import type { Edition } from "../estate/types";
import type { Status } from "../health/vocabulary";
import { isHealthyRegionStatus } from "./region-health";

export type EvacuationFacts = {
  /** The region being evacuated. */
  region: string;
  regions: { id: string; name: string; status: Status }[];
  /** The services whose home is that region (not retired). */
  services: { id: string; edition: Edition; units: number; state: string }[];
  /** Good backups of those services (succeeded, never found corrupted), any region. */
  backups: { id: string; name: string; serviceId: string; region: string; finishedAt: Date }[];
  /** Names already taken by services (live or retired): a target must not reuse one. */
  takenNames: Iterable<string>;
};

export type EvacuationRow = {
  serviceId: string;
  edition: Edition;
  units: number;
  state: string;
  /** The newest good backup held outside the lost region; null when there is none. */
  backup: { id: string; name: string; region: string; finishedAt: string } | null;
  /** Where and as what to restore it; null when there is nothing to restore or nowhere to. */
  target: {
    name: string;
    region: string;
    regionName: string;
    regionStatus: Status;
    trackingDatabase: string;
    storage: string;
  } | null;
  /** Why this row cannot be restored as planned, in words; null when it can. */
  risk: string | null;
  /** What the restore does not bring back, each with what to do about it. */
  notRestored: string[];
};

export type EvacuationPlan = {
  region: { id: string; name: string; status: Status };
  /** Regions a service could go to: healthy ones (operational, then degraded), best first. */
  candidates: { id: string; name: string; status: Status }[];
  rows: EvacuationRow[];
};

/** Service names: 6 to 20 letters, digits and hyphens (the domain's rule). */
const NAME_MAX = 20;

/** A free target name: the service's own with a "-dr" suffix, numbered when taken. */
export function targetName(serviceId: string, taken: Set<string>): string {
  for (let n = 1; ; n++) {
    const suffix = n === 1 ? "-dr" : `-dr${n}`;
    const stem = serviceId.slice(0, NAME_MAX - suffix.length).replace(/-+$/, "");
    const name = `${stem}${suffix}`;
    if (!taken.has(name)) return name;
  }
}

/** A storage account name for a target: 3 to 24 lower-case letters and digits. */
export const storageName = (target: string) =>
  `${target.toLowerCase().replace(/[^a-z0-9]/g, "")}store`.slice(0, 24);

function notRestored(backupAt: string | null): string[] {
  return [
    "Tracking database data: restore it with SQL Database geo-restore or fail over its geo-replica.",
    "Storage data: fail over the geo-replicated storage account, or accept its loss.",
    "The access-control namespace: it is recreated; update the credentials in client applications.",
    backupAt
      ? `EDI control numbers come back as of the backup (${backupAt}): messages processed after it can get duplicate control numbers.`
      : "EDI control numbers: nothing to restore them from.",
    "Hybrid connections and messages waiting in batches: recreate and resend them by hand.",
  ];
}

const byName = (a: { id: string }, b: { id: string }) => (a.id < b.id ? -1 : a.id > b.id ? 1 : 0);

export function planEvacuation(facts: EvacuationFacts): EvacuationPlan {
  const lost = facts.regions.find((r) => r.id === facts.region);
  if (!lost) throw new Error(`no region "${facts.region}"`);
  const candidates = facts.regions
    .filter((r) => r.id !== lost.id && isHealthyRegionStatus(r.status))
    .sort((a, b) => Number(a.status !== "operational") - Number(b.status !== "operational"));
  const taken = new Set(facts.takenNames);
  const rows: EvacuationRow[] = [...facts.services].sort(byName).map((service) => {
    const backup =
      facts.backups
        .filter((b) => b.serviceId === service.id && b.region !== lost.id)
        .sort((a, b) => b.finishedAt.getTime() - a.finishedAt.getTime())[0] ?? null;
    const base = {
      serviceId: service.id,
      edition: service.edition,
      units: service.units,
      state: service.state,
      backup: backup && {
        id: backup.id,
        name: backup.name,
        region: backup.region,
        finishedAt: backup.finishedAt.toISOString(),
      },
      notRestored: notRestored(backup?.finishedAt.toISOString() ?? null),
    };
    if (!backup)
      return {
        ...base,
        target: null,
        risk: `No good backup outside ${lost.name}: there is nothing to restore it from.`,
      };
    // Where the backup is, when that region is healthy (no copy across regions); else the first
    // healthy region.
    const region = candidates.find((r) => r.id === backup.region) ?? candidates[0];
    if (!region) return { ...base, target: null, risk: "No healthy region to restore it into." };
    const name = targetName(service.id, taken);
    taken.add(name);
    return {
      ...base,
      target: {
        name,
        region: region.id,
        regionName: region.name,
        regionStatus: region.status,
        trackingDatabase: `${name}-tracking`,
        storage: storageName(name),
      },
      risk: null,
    };
  });
  // The risks first: a service that cannot come back is what the operator must see first.
  rows.sort((a, b) => Number(b.risk !== null) - Number(a.risk !== null));
  return { region: lost, candidates, rows };
}
