import type { EstateFileInput } from "./config";

const sim = (latencyMs: number, jitterMs = latencyMs / 2) => ({
  type: "simulated" as const,
  latencyMs,
  jitterMs,
});

/**
 * The built-in demo estate: four integration services over five regions, read by the
 * simulated source. It goes through the same validation and code paths as a real estate file.
 */
export const DEMO_ESTATE: EstateFileInput = {
  regions: [
    { id: "westeurope", name: "West Europe" },
    { id: "northeurope", name: "North Europe" },
    { id: "eastus", name: "East US" },
    { id: "westus", name: "West US" },
    { id: "southeastasia", name: "Southeast Asia" },
  ],
  shared: [
    {
      kind: "access-control",
      id: "fabrikam-shared-acs",
      name: "fabrikam-identity (shared namespace)",
      region: "eastus",
      source: sim(55),
    },
  ],
  services: [
    {
      name: "contoso-edi",
      edition: "premium",
      units: 2,
      region: "westeurope",
      roles: { source: sim(85, 40) },
      trackingDatabase: {
        name: "contoso-edi-tracking",
        source: sim(12, 6),
        continuity: "geo-replication",
      },
      storage: {
        name: "contosoedistore",
        replication: "RA-GRS",
        secondaryRegion: "northeurope",
        source: sim(22),
      },
      accessControl: { name: "contoso-edi-acs", source: sim(48) },
    },
    {
      name: "fabrikam-b2b",
      edition: "standard",
      units: 1,
      region: "eastus",
      roles: { source: sim(120, 60) },
      trackingDatabase: {
        name: "fabrikam-b2b-tracking",
        source: sim(15, 8),
        continuity: "geo-restore",
      },
      storage: {
        name: "fabrikamb2bstore",
        replication: "GRS",
        secondaryRegion: "westus",
        source: sim(26),
      },
      accessControl: { use: "fabrikam-shared-acs" },
    },
    {
      name: "fabrikam-eai",
      edition: "basic",
      units: 1,
      region: "westus",
      state: "suspended",
      roles: { source: sim(95, 40) },
      trackingDatabase: {
        name: "fabrikam-eai-tracking",
        source: sim(14, 7),
        continuity: "geo-restore",
      },
      storage: { name: "fabrikameaistore", replication: "ZRS", source: sim(24) },
      accessControl: { use: "fabrikam-shared-acs" },
    },
    {
      name: "northwind-dev",
      edition: "developer",
      units: 1,
      region: "southeastasia",
      roles: { source: sim(140, 70) },
      trackingDatabase: { name: "northwind-dev-tracking", source: sim(18, 9) },
      storage: { name: "northwinddevstore", replication: "LRS", source: sim(30) },
      accessControl: { name: "northwind-dev-acs", source: sim(60) },
    },
  ],
};
