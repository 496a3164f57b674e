import { randomUUID } from "node:crypto";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { ANONYMOUS, type Actor } from "../roles";
import { tables } from "../db";
import { ENGINES, openEstateDatabase, type TestDatabase } from "../../testing/fixtures";
import { readEvacuationPlan } from "./evacuation-read";

const viewer: Actor = { kind: "user", id: "u-v", name: "Vera Viewer", role: "viewer" };
const healthy = (region: string) => (region === "eastus" ? "major_outage" : "operational");

describe.each(ENGINES)("reading the plan for evacuating a region, on %s", (engine) => {
  let database: TestDatabase;
  const ids: Record<string, string> = {};

  beforeAll(async () => {
    database = await openEstateDatabase(engine);
    const at = (day: number) => new Date(Date.UTC(2026, 11, day, 2));
    const rows = [
      // fabrikam-b2b lives in East US: a copy at home, one in West US, and newer ones that are
      // not restorable (found corrupted; pruned).
      { key: "home", region: "eastus", day: 3, status: "succeeded", checksum: "verified" },
      { key: "westus", region: "westus", day: 2, status: "succeeded", checksum: "verified" },
      { key: "corrupt", region: "northeurope", day: 4, status: "succeeded", checksum: "corrupted" },
      { key: "pruned", region: "northeurope", day: 5, status: "pruned", checksum: "verified" },
      { key: "failed", region: "westeurope", day: 6, status: "failed", checksum: "unverified" },
    ];
    for (const r of rows) {
      ids[r.key] = randomUUID();
      await database.db.insert(tables.backups).values({
        id: ids[r.key]!,
        name: `fabrikam-b2b-${r.key}`,
        serviceId: "fabrikam-b2b",
        storeId: "local",
        region: r.region,
        trigger: "manual",
        status: r.status,
        checksum: r.checksum,
        requestedBy: "test",
        requestedAt: at(r.day),
        startedAt: at(r.day),
        finishedAt: r.status === "failed" ? null : at(r.day),
      });
    }
  });
  afterAll(async () => {
    await database?.close();
  });

  it("plans each service of the region from its newest restorable backup held elsewhere", async () => {
    const plan = await readEvacuationPlan({ actor: viewer, db: database.db }, "eastus", healthy);
    expect(plan.region).toEqual({ id: "eastus", name: "East US", status: "major_outage" });
    expect(plan.rows.map((r) => r.serviceId)).toEqual(["fabrikam-b2b"]);
    const row = plan.rows[0]!;
    expect(row.backup).toMatchObject({ id: ids.westus, region: "westus" });
    expect(row.target).toMatchObject({
      name: "fabrikam-b2b-dr",
      region: "westus",
      regionStatus: "operational",
      trackingDatabase: "fabrikam-b2b-dr-tracking",
      storage: "fabrikamb2bdrstore",
    });
    expect(row.risk).toBeNull();
    expect(plan.candidates.map((r) => r.id)).not.toContain("eastus");
  });

  it("lists a service with no backup outside its region as a risk", async () => {
    const plan = await readEvacuationPlan(
      { actor: viewer, db: database.db },
      "westeurope",
      healthy,
    );
    expect(plan.rows.map((r) => [r.serviceId, r.risk])).toEqual([
      ["contoso-edi", "No good backup outside West Europe: there is nothing to restore it from."],
    ]);
  });

  it("refuses an unknown region and an anonymous reader", async () => {
    await expect(
      readEvacuationPlan({ actor: viewer, db: database.db }, "mars", healthy),
    ).rejects.toMatchObject({ kind: "not_found" });
    await expect(
      readEvacuationPlan({ actor: ANONYMOUS, db: database.db }, "eastus", healthy),
    ).rejects.toMatchObject({ kind: "unauthorized" });
  });
});
