import { eq } from "drizzle-orm";
import { afterEach, beforeEach, describe, expect, it } from "vitest";
import type { Ctx } from "../auth";
import { requestBackup } from "../backups/requests";
import { BackupWorker } from "../backups/worker";
import { tables } from "../db";
import { ENGINES } from "../../testing/db";
import { auditRows, backupFixture, type BackupFixture } from "../../testing/backups";
import { refusal, restoreCounts } from "../../testing/restores";
import { readEvacuationPlan } from "./evacuation-read";
import { startEvacuation } from "./evacuation-start";
import { requestRestore } from "./requests";
import { RestoreWorker } from "./worker";

// West Europe is lost; everything else is healthy.
const statusOf = (region: string) =>
  region === "westeurope" ? ("major_outage" as const) : ("operational" as const);

describe.each(ENGINES)("starting a region's evacuation on %s", (engine) => {
  let f: BackupFixture;
  let backupId: string;
  beforeEach(async () => {
    f = await backupFixture(engine);
    // contoso-edi lives in West Europe; its backup is kept in North Europe.
    const row = await requestBackup(
      f.ctx("operator"),
      { service: "contoso-edi", region: "northeurope" },
      { stores: f.stores },
    );
    await new BackupWorker({ db: f.db, stores: f.stores }).pass();
    backupId = row.id;
  });
  afterEach(() => f.close());

  const deps = () => ({
    request: (ctx: Ctx, raw: unknown) =>
      requestRestore(ctx, raw, { stores: f.stores, regionStatus: async (r) => statusOf(r) }),
    statusOf,
  });
  const planned = async () => {
    const plan = await readEvacuationPlan(f.ctx("viewer"), "westeurope", statusOf);
    return plan.rows.map((r) => ({
      serviceId: r.serviceId,
      backupId: r.backup!.id,
      target: r.target!.name,
      region: r.target!.region,
      trackingDatabase: r.target!.trackingDatabase,
      storage: r.target!.storage,
    }));
  };

  it("starts one ordinary restore per row, and a second start finds the same restores", async () => {
    const rows = await planned();
    expect(rows).toEqual([
      {
        serviceId: "contoso-edi",
        backupId,
        target: "contoso-edi-dr",
        region: "northeurope",
        trackingDatabase: "contoso-edi-dr-tracking",
        storage: "contosoedidrstore",
      },
    ]);
    const first = await startEvacuation(
      f.ctx("operator"),
      "westeurope",
      { confirm: "westeurope", rows },
      deps(),
    );
    expect(first).toEqual([
      {
        serviceId: "contoso-edi",
        target: "contoso-edi-dr",
        restoreId: expect.any(String),
        error: null,
      },
    ]);
    const again = await startEvacuation(
      f.ctx("operator"),
      "westeurope",
      { confirm: "westeurope", rows },
      deps(),
    );
    expect(again[0]!.restoreId).toBe(first[0]!.restoreId);
    expect((await restoreCounts(f.db)).restores).toBe(1);

    expect(await new RestoreWorker({ db: f.db, stores: f.stores }).pass()).toBe(1);
    const [service] = await f.db
      .select()
      .from(tables.services)
      .where(eq(tables.services.id, "contoso-edi-dr"));
    expect(service).toMatchObject({
      state: "suspended",
      region: "northeurope",
      edition: "premium",
    });
    // Planned again, the name is taken now and the plan offers another: still the same restore.
    const replanned = await planned();
    expect(replanned[0]!.target).toBe("contoso-edi-dr2");
    const third = await startEvacuation(
      f.ctx("operator"),
      "westeurope",
      { confirm: "westeurope", rows: replanned },
      deps(),
    );
    expect(third[0]).toMatchObject({ restoreId: first[0]!.restoreId, target: "contoso-edi-dr" });
    expect((await restoreCounts(f.db)).restores).toBe(1);
    expect((await auditRows(f.db, "restores.evacuate")).map((r) => r.outcome)).toEqual([
      "ok",
      "ok",
      "ok",
    ]);
  });

  it("refuses a viewer, a wrong confirmation, a service of another region and another backup, changing nothing", async () => {
    const rows = await planned();
    const before = await restoreCounts(f.db);
    const start = (role: "viewer" | "operator", body: unknown) =>
      refusal(startEvacuation(f.ctx(role), "westeurope", body, deps()));
    expect(await start("viewer", { confirm: "westeurope", rows })).toMatch(
      /^forbidden: Evacuating a region needs the operator role/,
    );
    expect(await start("operator", { confirm: "west", rows })).toMatch(
      /confirm: type the region "westeurope"/,
    );
    expect(
      await start("operator", {
        confirm: "westeurope",
        rows: [{ ...rows[0]!, serviceId: "fabrikam-b2b" }],
      }),
    ).toMatch(/fabrikam-b2b is not a service in westeurope/);
    expect(
      await start("operator", {
        confirm: "westeurope",
        rows: [{ ...rows[0]!, backupId: "00000000-0000-4000-8000-000000000000" }],
      }),
    ).toMatch(/must be restored from its newest good backup held outside westeurope/);
    expect(await start("operator", { confirm: "westeurope", rows: [] })).toMatch(
      /choose at least one service/,
    );
    expect(await restoreCounts(f.db)).toEqual(before);
    expect((await auditRows(f.db, "restores.evacuate")).map((r) => r.outcome)).toEqual(
      Array(5).fill("refused"),
    );
  });

  it("a row whose restore is refused is reported on its row; the others start", async () => {
    const rows = await planned();
    // The target name is already a live service: the request verb refuses it.
    const outcomes = await startEvacuation(
      f.ctx("operator"),
      "westeurope",
      { confirm: "westeurope", rows: [{ ...rows[0]!, target: "fabrikam-b2b" }] },
      deps(),
    );
    expect(outcomes).toEqual([
      {
        serviceId: "contoso-edi",
        target: "fabrikam-b2b",
        restoreId: null,
        error: expect.stringMatching(/fabrikam-b2b exists and is active/),
      },
    ]);
    expect((await restoreCounts(f.db)).restores).toBe(0);
  });
});
