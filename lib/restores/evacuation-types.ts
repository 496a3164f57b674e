/**
 * The evacuation plan's shapes and naming rules, client-safe: the page's form derives the
 * tracking database and storage names from a target name the same way the plan does.
 */
import type { Edition } from "../estate/types";
import type { Status } from "../status/vocabulary";

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
