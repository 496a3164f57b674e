/** Client-safe estate vocabulary. */
import type { ReadSpec } from "./source-spec-types";

export const EDITIONS = ["developer", "basic", "standard", "premium"] as const;
export type Edition = (typeof EDITIONS)[number];

export const SERVICE_STATES = [
  "active",
  "updating",
  "suspended",
  "stopped",
  "disabled",
  "restoring",
  "restore_failed",
  "resume_failed",
  "scale_failed",
  "config_update_failed",
] as const;
export type ServiceState = (typeof SERVICE_STATES)[number];

export const COMPONENT_KINDS = [
  "role-instances",
  "tracking-database",
  "storage",
  "access-control",
] as const;
export type ComponentKind = (typeof COMPONENT_KINDS)[number];

export const KIND_LABEL: Record<ComponentKind, string> = {
  "role-instances": "Role instances",
  "tracking-database": "Tracking database",
  storage: "Storage account",
  "access-control": "Access control",
};

export const REPLICATIONS = ["LRS", "ZRS", "GRS", "RA-GRS", "GZRS", "RA-GZRS"] as const;
export type Replication = (typeof REPLICATIONS)[number];
export const GEO_REPLICATED: readonly Replication[] = ["GRS", "RA-GRS", "GZRS", "RA-GZRS"];

export const CONTINUITY = ["geo-replication", "failover-group", "geo-restore", "none"] as const;
export type Continuity = (typeof CONTINUITY)[number];

export type Region = { id: string; name: string };

export type ComponentAttributes = {
  instances?: number;
  replication?: Replication;
  secondaryRegion?: string;
  continuity?: Continuity;
};

export type EstateComponent = {
  id: string;
  name: string;
  kind: ComponentKind;
  region: string;
  source: ReadSpec;
  intervalMs: number;
  timeoutMs: number;
  staleAfterMs: number;
  attributes: ComponentAttributes;
};

export type EstateService = {
  id: string;
  edition: Edition;
  units: number;
  region: string;
  state: ServiceState;
  stateChangedAt: string;
  stateReason: string | null;
  /** The role-instances component, then the dependencies in board order. */
  components: { id: string; role: "roles" | "dependency" }[];
};

export type Estate = {
  demo: boolean;
  source: string;
  version: number;
  regions: Region[];
  services: EstateService[];
  components: EstateComponent[];
};

/** Never more than 10 minutes, as Azure Resource Health says Unknown after 10 minutes without a signal. */
export const MAX_STALE_MS = 10 * 60_000;
export const staleLimit = (intervalMs: number, configured?: number) =>
  Math.min(configured ?? 3 * intervalMs, MAX_STALE_MS);
