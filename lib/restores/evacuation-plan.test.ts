import { describe, expect, it } from "vitest";
import { planEvacuation, storageName, targetName, type EvacuationFacts } from "./evacuation-plan";

const day = (d: number) => new Date(Date.UTC(2026, 11, d, 2));

const facts = (over: Partial<EvacuationFacts> = {}): EvacuationFacts => ({
  region: "westeurope",
  regions: [
    { id: "westeurope", name: "West Europe", status: "major_outage" },
    { id: "northeurope", name: "North Europe", status: "operational" },
    { id: "eastus", name: "East US", status: "partial_outage" },
    { id: "westus", name: "West US", status: "operational" },
  ],
  services: [
    { id: "contoso-edi", edition: "premium", units: 2, state: "active" },
    { id: "adatum-eai", edition: "standard", units: 1, state: "active" },
    { id: "zeta-b2b", edition: "basic", units: 1, state: "suspended" },
  ],
  backups: [
    // contoso-edi: the newest copy at home (lost with the region), then North Europe, then West US.
    {
      id: "b1",
      name: "contoso-edi-1",
      serviceId: "contoso-edi",
      region: "northeurope",
      finishedAt: day(1),
    },
    {
      id: "b2",
      name: "contoso-edi-2",
      serviceId: "contoso-edi",
      region: "westeurope",
      finishedAt: day(2),
    },
    {
      id: "b0",
      name: "contoso-edi-0",
      serviceId: "contoso-edi",
      region: "westus",
      finishedAt: day(0),
    },
    // adatum-eai: only in East US, which has a partial outage.
    {
      id: "b3",
      name: "adatum-eai-1",
      serviceId: "adatum-eai",
      region: "eastus",
      finishedAt: day(2),
    },
    // zeta-b2b: only at home.
    {
      id: "b4",
      name: "zeta-b2b-1",
      serviceId: "zeta-b2b",
      region: "westeurope",
      finishedAt: day(2),
    },
  ],
  takenNames: ["contoso-edi", "adatum-eai", "zeta-b2b", "contoso-edi-dr"],
  ...over,
});

describe("the plan for evacuating a lost region", () => {
  it("lists a service without a backup outside the region first, as the risk it is", () => {
    const plan = planEvacuation(facts());
    expect(plan.rows.map((r) => r.serviceId)).toEqual(["zeta-b2b", "adatum-eai", "contoso-edi"]);
    expect(plan.rows[0]).toMatchObject({ backup: null, target: null });
    expect(plan.rows[0]!.risk).toBe(
      "No good backup outside West Europe: there is nothing to restore it from.",
    );
  });

  it("takes the newest good backup held in another region, never one in the lost region", () => {
    const row = planEvacuation(facts()).rows.find((r) => r.serviceId === "contoso-edi")!;
    expect(row.backup).toMatchObject({ id: "b1", region: "northeurope" });
  });

  it("restores where the backup is when that region is healthy, else into the first healthy one", () => {
    const rows = planEvacuation(facts()).rows;
    expect(rows.find((r) => r.serviceId === "contoso-edi")!.target).toMatchObject({
      region: "northeurope",
      regionStatus: "operational",
    });
    // East US holds adatum-eai's backup but has a partial outage: North Europe is healthy.
    expect(rows.find((r) => r.serviceId === "adatum-eai")!.target).toMatchObject({
      region: "northeurope",
      regionName: "North Europe",
    });
    expect(planEvacuation(facts()).candidates.map((r) => r.id)).toEqual(["northeurope", "westus"]);
  });

  it("names each target with a free name, its tracking database and storage account", () => {
    const row = planEvacuation(facts()).rows.find((r) => r.serviceId === "contoso-edi")!;
    // contoso-edi-dr is taken.
    expect(row.target).toMatchObject({
      name: "contoso-edi-dr2",
      trackingDatabase: "contoso-edi-dr2-tracking",
      storage: "contosoedidr2store",
    });
    expect(row.edition).toBe("premium");
  });

  it("says what the restore will not bring back, with the backup's time for EDI control numbers", () => {
    const row = planEvacuation(facts()).rows.find((r) => r.serviceId === "contoso-edi")!;
    expect(row.notRestored.join("\n")).toMatch(/Tracking database data/);
    expect(row.notRestored.join("\n")).toMatch(/access-control namespace/);
    expect(row.notRestored.join("\n")).toContain(
      "EDI control numbers come back as of the backup (2026-12-01T02:00:00.000Z)",
    );
  });

  it("counts a degraded region as healthy, after the operational ones", () => {
    const plan = planEvacuation(
      facts({
        regions: [
          { id: "westeurope", name: "West Europe", status: "major_outage" },
          { id: "eastus", name: "East US", status: "degraded_performance" },
          { id: "westus", name: "West US", status: "operational" },
        ],
      }),
    );
    expect(plan.candidates.map((r) => r.id)).toEqual(["westus", "eastus"]);
    // The backup is in East US, which may take it.
    expect(plan.rows.find((r) => r.serviceId === "adatum-eai")!.target!.region).toBe("eastus");
  });

  it("has nowhere to go when no other region is healthy", () => {
    const plan = planEvacuation(
      facts({
        regions: [
          { id: "westeurope", name: "West Europe", status: "major_outage" },
          { id: "northeurope", name: "North Europe", status: "unknown" },
        ],
      }),
    );
    const row = plan.rows.find((r) => r.serviceId === "contoso-edi")!;
    expect(row.target).toBeNull();
    expect(row.risk).toBe("No healthy region to restore it into.");
  });

  it("refuses a region that does not exist", () => {
    expect(() => planEvacuation(facts({ region: "mars" }))).toThrow('no region "mars"');
  });
});

describe("target names", () => {
  it("fit the 20-character rule and never repeat a taken name", () => {
    expect(targetName("a-very-long-service-name", new Set())).toBe("a-very-long-servi-dr");
    expect(targetName("northwind", new Set(["northwind-dr", "northwind-dr2"]))).toBe(
      "northwind-dr3",
    );
    for (const name of [targetName("a-very-long-service-name", new Set()), "northwind-dr3"])
      expect(name).toMatch(/^[A-Za-z0-9-]{6,20}$/);
  });

  it("storage names are 3 to 24 lower-case letters and digits", () => {
    expect(storageName("Contoso-EDI-dr")).toBe("contosoedidrstore");
    expect(storageName("a-very-long-servi-dr")).toMatch(/^[a-z0-9]{3,24}$/);
  });
});
