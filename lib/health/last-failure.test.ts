import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { SYSTEM } from "../roles";
import { createTestDatabase, ENGINES } from "../../testing/db";
import type { Database } from "../db/types";
import { loadDemoEstate } from "../estate/load";
import { syncEstate } from "../control-plane/estate-sync";
import { componentsDocument } from "../statuspage";
import { waitFor } from "../../testing/wait";
import { toLiveBoard } from "./board-types";
import { clearFaults, injectFault } from "./faults";
import { Poller } from "./poller";
import { getSnapshot, invalidateSnapshot } from "./snapshot";

// Reads every 2 s, time out after 200 ms, stale after 6 s: room to see a failing read before it is stale.
const estate = loadDemoEstate({ intervalMs: 2_000, timeoutMs: 200 });
const ACS = "northwind-dev.acs";

describe.each(ENGINES)("a read that fails, on %s", (engine) => {
  let database: Database;
  let poller: Poller;
  const board = async () => {
    invalidateSnapshot();
    return (await getSnapshot(database.db, { refreshMs: 1_000 })).view;
  };

  beforeAll(async () => {
    database = await createTestDatabase(engine);
    await syncEstate(database.db, estate);
    poller = new Poller({
      db: database.db,
      concurrency: 8,
      sampleRetentionMs: 86_400_000,
      tickMs: 50,
      flushEveryMs: 100,
    });
    poller.start();
    await waitFor("every component read", async () =>
      Object.values((await board()).components).every((c) => c.checkedAt !== null),
    );
  });
  afterAll(async () => {
    await poller.stop();
    await database.close();
  });

  it("shows from the first failure, with when and why, and turns unknown at the limit", async () => {
    await injectFault({ actor: SYSTEM, db: database.db }, { component: ACS, status: "silent" });
    const failing = await waitFor("the first failed read", async () => {
      const v = await board();
      return v.components[ACS]!.lastFailure && v;
    });
    const acs = failing.components[ACS]!;
    // The last good reading still stands, and the failure is said beside it, not hidden.
    expect(acs).toMatchObject({ status: "operational", stale: false });
    expect(acs.lastFailure!.error).toBe("no answer within 200 ms");
    expect(Date.parse(acs.lastFailure!.at)).toBeGreaterThan(Date.parse(acs.checkedAt!));
    expect(toLiveBoard(failing).components[ACS]!.lastFailure).toEqual(acs.lastFailure);
    const api = componentsDocument(failing, "https://status.example.com").components.find(
      (c) => c.id === ACS,
    )!;
    expect(api.status).toBe("operational");
    expect(api.description).toMatch(
      /^Access control in southeastasia: last read failed at \d{4}-\d\d-\d\d \d\d:\d\d:\d\d UTC: no answer within 200 ms$/,
    );

    const stale = await waitFor("unknown at the staleness limit", async () => {
      const v = await board();
      return v.components[ACS]!.status === "unknown" && v;
    });
    expect(stale.components[ACS]!.reason).toMatch(/last read failed: no answer within 200 ms$/);

    await clearFaults({ actor: SYSTEM, db: database.db }, {});
    const back = await waitFor("a good read again", async () => {
      const v = await board();
      return v.components[ACS]!.status === "operational" && v;
    });
    expect(back.components[ACS]!.lastFailure).toBeNull();
  });
});
