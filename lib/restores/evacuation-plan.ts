/**
 * The plan for evacuating a lost region: for each service in it, the newest good backup held in
 * another region, a healthy region to restore it into, the names to use, and what the restore
 * will not bring back. Pure: the facts are read elsewhere (evacuation-read.ts).
 */
import { isHealthyRegionStatus } from "./region-health";
import {
  storageName,
  targetName,
  type EvacuationFacts,
  type EvacuationPlan,
  type EvacuationRow,
} from "./evacuation-types";

export { storageName, targetName };
export type { EvacuationFacts, EvacuationPlan, EvacuationRow };

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
