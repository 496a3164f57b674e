/** The local fabric moves a service only along TRANSITIONS; a refused change writes nothing. */
import { sql } from "drizzle-orm";
import { afterEach, beforeEach, describe, expect, it } from "vitest";
import { queryRows, type Db } from "../db";
import { createTestDatabase, ENGINES } from "../../testing/db";
import type { Database } from "../db/types";
import { loadDemoEstate } from "../estate/load";
import { syncEstate } from "./estate-sync";
import { demoConfiguration } from "./demo-config";
import { createControlPlane } from "./registry";
import type { NewService } from "./types";

const controlPlane = createControlPlane();

/** Everything the control plane owns, as text, to compare before and after. */
const owned = async (db: Db) =>
  JSON.stringify(
    await Promise.all(
      ["services", "components", "service_components", "service_configurations"].map((table) =>
        queryRows(db, sql`select * from ${sql.identifier(table)} order by 1, 2`),
      ),
    ),
  );

const failure = (promise: Promise<unknown>) =>
  promise.then(
    () => "no error",
    (error: Error & { kind?: string }) => `${error.kind}: ${error.message}`,
  );

const newService = (serviceId: string, restoreId: string): NewService => ({
  serviceId,
  restoreId,
  edition: "standard",
  units: 1,
  region: "eastus",
  reason: "restoring from a test",
  components: [
    {
      id: `${serviceId}.roles`,
      name: `${serviceId} role instances`,
      kind: "role-instances",
      region: "eastus",
      source: { type: "simulated", status: "operational" },
      intervalMs: 30_000,
      timeoutMs: 5_000,
      staleAfterMs: 90_000,
      attributes: {},
      role: "roles",
    },
  ],
});

describe.each(ENGINES)("service transitions in the local fabric on %s", (engine) => {
  let database: Database;
  let db: Db;
  beforeEach(async () => {
    database = await createTestDatabase(engine);
    db = database.db;
    await syncEstate(db, loadDemoEstate({ intervalMs: 30_000, timeoutMs: 5_000 }));
    await controlPlane.ensureConfigurations(db, { demo: false });
  });
  afterEach(() => database.close());

  const inTx = <T>(work: (tx: Db) => Promise<T>) => db.transaction(work);

  it("a forbidden transition is refused with the reason and changes nothing", async () => {
    const before = await owned(db);
    // fabrikam-b2b is active in the demo estate.
    expect(
      await failure(
        inTx((tx) => controlPlane.setState(tx, "fabrikam-b2b", { to: "suspended", reason: "x" })),
      ),
    ).toBe(
      "invalid_state: fabrikam-b2b is active: only a service that is restoring can become suspended.",
    );
    expect(
      await inTx((tx) =>
        controlPlane.setState(tx, "fabrikam-b2b", {
          to: "restore_failed",
          reason: "x",
          ifRefused: "skip",
        }),
      ),
    ).toBe(false);
    expect(await failure(inTx((tx) => controlPlane.retire(tx, "fabrikam-b2b")))).toBe(
      "invalid_state: fabrikam-b2b is active: only a service in restore_failed can be deleted here.",
    );
    expect(
      await failure(inTx((tx) => controlPlane.createService(tx, newService("fabrikam-b2b", "r1")))),
    ).toBe(
      "invalid_state: fabrikam-b2b exists and is active: a restore may create its target only when it is absent, deleted or restore_failed",
    );
    expect(
      await failure(
        inTx((tx) => controlPlane.setState(tx, "no-such-service", { to: "active", reason: "x" })),
      ),
    ).toBe("invalid_state: no-such-service no longer exists: nothing was changed");
    expect(await owned(db)).toBe(before);
  });

  it("a restore's target goes restoring → suspended → active, each step checked, and no further", async () => {
    const configuration = demoConfiguration({
      id: "contoso-dr",
      edition: "standard",
      units: 1,
      region: "eastus",
    });
    await inTx((tx) => controlPlane.createService(tx, newService("contoso-dr", "r1")));
    const state = async () =>
      (await controlPlane.readConfiguration(db, "contoso-dr"))?.version ?? null;
    const row = async () =>
      (
        await queryRows<{ state: string; restore_id: string }>(
          db,
          sql`select state, restore_id from services where id = 'contoso-dr'`,
        )
      )[0];
    expect(await row()).toEqual({ state: "restoring", restore_id: "r1" });

    // Another restore may not touch it.
    const before = await owned(db);
    expect(
      await failure(
        inTx((tx) =>
          controlPlane.applyConfiguration(tx, "contoso-dr", configuration, {
            restoreId: "r2",
            name: "another restore",
          }),
        ),
      ),
    ).toBe(
      "invalid_state: contoso-dr is now restoring, owned by another restore or by the estate: the restore stops without changing it",
    );
    expect(await owned(db)).toBe(before);

    await inTx((tx) =>
      controlPlane.applyConfiguration(tx, "contoso-dr", configuration, {
        restoreId: "r1",
        name: "the restore",
      }),
    );
    expect(await state()).toBe(1);
    await inTx((tx) =>
      controlPlane.setState(tx, "contoso-dr", { to: "suspended", reason: "done", restoreId: "r1" }),
    );
    await inTx((tx) =>
      controlPlane.setState(tx, "contoso-dr", { to: "active", reason: "resumed", restoreId: "r1" }),
    );
    expect(await row()).toEqual({ state: "active", restore_id: "r1" });

    const active = await owned(db);
    expect(
      await failure(
        inTx((tx) =>
          controlPlane.setState(tx, "contoso-dr", {
            to: "restore_failed",
            reason: "late failure",
            restoreId: "r1",
          }),
        ),
      ),
    ).toBe(
      "invalid_state: contoso-dr is active: only a service that is restoring can become restore_failed.",
    );
    expect(await owned(db)).toBe(active);
  });
});
