import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { tables } from "../db";
import { createTestDatabase } from "../../testing/db";
import type { Database } from "../db/types";
import { parseEstate } from "../estate/load";
import { syncEstate } from "../control-plane/estate-sync";
import { waitFor } from "../../testing/wait";
import { Poller } from "./poller";

const sim = { type: "simulated" };
const estateOf = (services: number) =>
  parseEstate(
    {
      regions: [{ id: "westeurope", name: "West Europe" }],
      services: Array.from({ length: services }, (_, i) => ({
        name: `svc-${String(i).padStart(4, "0")}`,
        edition: "standard",
        region: "westeurope",
        roles: { source: sim },
        trackingDatabase: { name: "db", source: sim },
        storage: { name: "st", replication: "GRS", source: sim },
        accessControl: { name: "acs", source: sim },
      })),
    },
    "generated",
    { intervalMs: 1_000, timeoutMs: 500 },
  );

describe("poller on a big estate", () => {
  let database: Database;
  let poller: Poller;
  const estate = estateOf(250);
  beforeAll(async () => {
    database = await createTestDatabase("pglite");
    await syncEstate(database.db, estate);
    poller = new Poller({
      db: database.db,
      concurrency: 4,
      sampleRetentionMs: 86_400_000,
      tickMs: 100,
      flushEveryMs: 250,
    });
    poller.start();
  });
  afterAll(async () => {
    await poller.stop();
    await database.close();
  });

  it("reads every one of 1,000 components even when the first ones keep coming due again", async () => {
    expect(estate.components).toHaveLength(1_000);
    // With a 1 s interval, the components at the front are due again long before a naive scan reaches the back.
    await waitFor(
      "every component read at least once",
      async () =>
        (
          await database.db
            .select({ id: tables.componentStatus.componentId })
            .from(tables.componentStatus)
        ).length === 1_000,
      60_000,
      250,
    );
    const last = estate.components.at(-1)!.id;
    const rows = await database.db.select().from(tables.componentStatus);
    expect(rows.find((r) => r.componentId === last)?.status).toBe("operational");
  });
});
