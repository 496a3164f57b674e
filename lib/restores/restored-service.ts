/** What a restore makes of a backup: the target's components and its configuration. Pure. */
import type { Manifest } from "../backups";
import type { ServiceConfiguration, ServicePart } from "../control-plane";
import type { RestoreRecord } from "./requests";

/** Components of a restored service in the local fabric: simulated, like the fabric itself. */
export function restoredComponents(r: RestoreRecord, manifest: Manifest): ServicePart[] {
  const timing = {
    intervalMs: 30_000,
    timeoutMs: 5_000,
    staleAfterMs: 90_000,
    region: r.region,
    source: { type: "simulated", latencyMs: 60, jitterMs: 30, status: "operational" },
  };
  return [
    {
      id: `${r.target}.roles`,
      name: `${r.target} role instances`,
      kind: "role-instances",
      attributes: { instances: manifest.units * 2 },
      role: "roles",
    },
    {
      id: `${r.target}.tracking-db`,
      name: r.trackingDatabase,
      kind: "tracking-database",
      attributes: { continuity: "none" },
      role: "dependency",
    },
    {
      id: `${r.target}.storage`,
      name: r.storage,
      kind: "storage",
      // Restores requested before the choice existed made LRS, as the fabric always had.
      attributes: { replication: r.storageReplication ?? "LRS" },
      role: "dependency",
    },
    {
      id: `${r.target}.acs`,
      name: `${r.target}-acs`,
      kind: "access-control",
      attributes: {},
      role: "dependency",
    },
  ].map((c) => ({ ...c, ...timing }));
}

/** The backup's configuration as the target runs it: its edition, region, database and storage. */
export function restoredConfiguration(
  configuration: ServiceConfiguration,
  r: RestoreRecord,
): ServiceConfiguration {
  const { settings } = configuration;
  return {
    ...configuration,
    settings: {
      ...settings,
      edition: r.edition as ServiceConfiguration["settings"]["edition"],
      region: r.region,
      trackingDatabase: settings.trackingDatabase.replace(
        /Database=[^;]*/,
        `Database=${r.trackingDatabase}`,
      ),
      monitoringStorage: settings.monitoringStorage.replace(
        /AccountName=[^;]*/,
        `AccountName=${r.storage}`,
      ),
      archivingStorage: settings.archivingStorage.replace(
        /AccountName=[^;]*/,
        `AccountName=${r.storage}`,
      ),
    },
  };
}
