import { randomUUID } from "node:crypto";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { makeEstate } from "../../scripts/bench/estate.mjs";
import type { Actor } from "../roles";
import { tables } from "../db";
import { createTestDatabase, ENGINES } from "../../testing/db";
import type { Database } from "../db/types";
import { parseEstate } from "../estate/load";
import { syncEstate } from "../control-plane/estate-sync";
import { readEvacuationPlan } from "./evacuation-read";

const viewer: Actor = { kind: "user", id: "u-v", name: "Vera Viewer", role: "viewer" };

/**
 * A figure, not a speed test: how long planning the evacuation of a region with 50 services
 * takes (the issue asks for it), printed to the log; what is asserted is the plan's shape.
 */
describe.each(ENGINES)("planning the evacuation of a region with 50 services on %s", (engine) => {
  let database: Database;
  let region = "";
  beforeAll(async () => {
    database = await createTestDatabase(engine);
    const estate = makeEstate({ services: 100, regions: 2 });
    await syncEstate(
      database.db,
      parseEstate(estate, "estate.yaml", { intervalMs: 30_000, timeoutMs: 5_000 }),
    );
    region = estate.regions[0]!.id;
    const other = estate.regions[1]!.id;
    const at = new Date();
    // Every service but the developer editions keeps a good backup in the other region.
    await database.db.insert(tables.backups).values(
      estate.services
        .filter((s) => s.region === region && s.edition !== "developer")
        .map((s) => ({
          id: randomUUID(),
          name: `${s.name}-x`,
          serviceId: s.name,
          storeId: "local",
          region: other,
          trigger: "manual",
          status: "succeeded",
          checksum: "verified",
          requestedBy: "test",
          requestedAt: at,
          startedAt: at,
          finishedAt: at,
        })),
    );
  }, 120_000);
  afterAll(async () => {
    await database?.close();
  });

  it("plans all 50, the ones without an off-region backup first, and says how long it took", async () => {
    const times: number[] = [];
    let rows = 0;
    for (let i = 0; i < 5; i++) {
      const started = performance.now();
      const plan = await readEvacuationPlan({ actor: viewer, db: database.db }, region, (r) =>
        r === region ? "major_outage" : "operational",
      );
      times.push(performance.now() - started);
      rows = plan.rows.length;
      const firstSafe = plan.rows.findIndex((r) => r.risk === null);
      expect(plan.rows.slice(firstSafe).every((r) => r.risk === null)).toBe(true);
    }
    expect(rows).toBe(50);
    times.sort((a, b) => a - b);
    console.log(
      `[evacuation ${engine}] plan for a region with ${rows} services: median ${times[2]!.toFixed(1)} ms (5 runs, ${times.map((t) => t.toFixed(0)).join("/")} ms)`,
    );
  });
});
