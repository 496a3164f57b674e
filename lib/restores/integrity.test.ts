/**
 * A restore restores the backup that was taken, into a target it may create, exactly once: a
 * tampered archive, a target that came alive meanwhile, or a worker thought dead that wakes up
 * changes nothing it must not.
 */
import { createHash } from "node:crypto";
import fs from "node:fs";
import path from "node:path";
import { eq, sql } from "drizzle-orm";
import { afterEach, beforeEach, describe, expect, it } from "vitest";
import { readConfiguration, runOperation } from "../control-plane";
import { openDatabase, queryRows, tables, type Db } from "../db";
import { ENGINES } from "../../testing/db";
import { auditRows, backupFixture, tamperArchive, type BackupFixture } from "../../testing/backups";
import { backedUp, refusal, restoreCounts, restoreInput } from "../../testing/restores";
import {
  requestRestore,
  resumeService,
  tickChecklist,
  type RestoreDeps,
  type RestoreRecord,
} from "./requests";
import { CHECKLIST } from "./restore-types";
import { claimNextRestore, reapRestores, runRestore } from "./runner";
import { RestoreWorker } from "./worker";

const restoreRow = async (db: Db, id: string) =>
  (await db.select().from(tables.restores).where(eq(tables.restores.id, id)))[0]!;
const serviceRow = async (db: Db, id: string) =>
  (await db.select().from(tables.services).where(eq(tables.services.id, id)))[0];
const configurationHash = async (db: Db, id: string) => {
  const [row] = await queryRows<{ c: string | null }>(
    db,
    sql`select configuration::text as c from service_configurations where service_id = ${id}`,
  );
  return row?.c ? createHash("sha256").update(row.c).digest("hex") : null;
};
const backupRow = async (db: Db, id: string) =>
  (await db.select().from(tables.backups).where(eq(tables.backups.id, id)))[0]!;

/** A promise the test settles when it wants: a step, or a request, held at a known point. */
function gate() {
  let open!: () => void;
  const opened = new Promise<void>((resolve) => (open = resolve));
  let reached!: () => void;
  const arrived = new Promise<void>((resolve) => (reached = resolve));
  return { open, opened, arrived, reached };
}

describe.each(ENGINES)("restore integrity on %s", (engine) => {
  let f: BackupFixture;
  let deps: RestoreDeps;
  beforeEach(async () => {
    f = await backupFixture(engine);
    deps = { stores: f.stores, regionStatus: async () => "operational" };
  });
  afterEach(() => f.close());
  const archiveOf = (name: string, region = "eastus") =>
    path.join(f.root, region, `${name}.sfbackup`);

  it.each([
    ["with another size", (c: Record<string, unknown>) => void (c.agreements = [])],
    [
      "of the same size",
      (c: Record<string, unknown>) => {
        const settings = c.settings as Record<string, string>;
        settings.productVersion = settings.productVersion!.replace(/.$/, (d) =>
          d === "9" ? "8" : String(Number(d) + 1 || 1),
        );
      },
    ],
  ])(
    "an archive rewritten %s while the restore waits in the queue is refused: the target is never created, the backup is marked corrupted, it is audited",
    async (_, change) => {
      const backup = await backedUp(f, "fabrikam-b2b");
      const restore = await requestRestore(
        f.ctx("operator"),
        restoreInput(backup.id, { edition: "standard" }),
        deps,
      );
      const file = archiveOf(backup.name);
      const size = fs.statSync(file).size;
      tamperArchive(file, change);
      if (_ === "of the same size") expect(fs.statSync(file).size).toBe(size);

      await new RestoreWorker({ db: f.db, stores: f.stores }).pass();
      const done = await restoreRow(f.db, restore.id);
      expect(done.status).toBe("failed");
      expect(done.error).toMatch(/corrupted archive: .* recorded when it was taken/);
      expect(await serviceRow(f.db, "contoso-dr")).toBeUndefined();
      expect(await readConfiguration(f.db, "contoso-dr")).toBeNull();
      expect((await backupRow(f.db, backup.id)).checksum).toBe("corrupted");
      expect(await auditRows(f.db, "backups.integrity")).toEqual([
        expect.objectContaining({ outcome: "failed", detail: expect.stringMatching(/corrupted/) }),
      ]);
      expect((await auditRows(f.db, "restores.complete")).map((r) => r.outcome)).toEqual([
        "failed",
      ]);
    },
  );

  it("an archive tampered with while a crashed restore waits to resume is refused on resume; the half-made target is left restore_failed", async () => {
    const backup = await backedUp(f, "fabrikam-b2b");
    const { id } = await requestRestore(
      f.ctx("operator"),
      restoreInput(backup.id, { edition: "standard" }),
      deps,
    );
    const claimed = (await claimNextRestore(f.db, "doomed"))!;
    void runRestore(f.db, claimed, f.stores, {
      beforeStep: (step) => (step === "apply" ? new Promise(() => {}) : Promise.resolve()),
    });
    await expect.poll(async () => (await restoreRow(f.db, id)).step).toBe("apply");
    const planted = tamperArchive(archiveOf(backup.name), (c) => void (c.bridges = []));
    expect(planted.bridges).toEqual([]);

    expect(await reapRestores(f.db, 60_000, new Date(Date.now() + 120_000))).toBe(1);
    await new RestoreWorker({ db: f.db, stores: f.stores }).pass();
    const done = await restoreRow(f.db, id);
    expect(done).toMatchObject({ status: "failed", attempts: 2 });
    expect(done.error).toMatch(/recorded when it was taken/);
    expect(await serviceRow(f.db, "contoso-dr")).toMatchObject({ state: "restore_failed" });
    expect(await readConfiguration(f.db, "contoso-dr")).toBeNull();
    expect((await backupRow(f.db, backup.id)).checksum).toBe("corrupted");
    expect((await auditRows(f.db, "backups.integrity"))[0]).toMatchObject({ outcome: "failed" });
  });

  it("a queued restore whose target came alive meanwhile is refused by the worker, and the live service is untouched", async () => {
    const backup = await backedUp(f);
    // As a request accepted before the target existed would be: queued for fabrikam-b2b, active.
    await f.db.insert(tables.restores).values({
      id: "00000000-0000-4000-8000-000000000001",
      idempotencyKey: "stalled-request-1",
      backupId: backup.id,
      target: "fabrikam-b2b",
      region: "northeurope",
      edition: "premium",
      trackingDatabase: "fabrikam-tracking",
      storage: "fabrikamstore",
      requestedBy: "operator",
    });
    const before = {
      service: await serviceRow(f.db, "fabrikam-b2b"),
      configuration: await configurationHash(f.db, "fabrikam-b2b"),
    };
    await new RestoreWorker({ db: f.db, stores: f.stores }).pass();
    const done = await restoreRow(f.db, "00000000-0000-4000-8000-000000000001");
    expect(done.status).toBe("failed");
    expect(done.error).toMatch(
      /fabrikam-b2b exists and is active: a restore may create its target only when it is absent, deleted or restore_failed/,
    );
    expect(await serviceRow(f.db, "fabrikam-b2b")).toEqual(before.service);
    expect(await configurationHash(f.db, "fabrikam-b2b")).toBe(before.configuration);
    expect((await auditRows(f.db, "restores.complete"))[0]).toMatchObject({ outcome: "failed" });
  });

  it("a target that changes hands between two steps is left as it is: the restore stops", async () => {
    const backup = await backedUp(f);
    const { id } = await requestRestore(f.ctx("operator"), restoreInput(backup.id), deps);
    await new RestoreWorker({
      db: f.db,
      stores: f.stores,
      beforeStep: async (step) => {
        // Someone else takes the half-made service over before the configuration is applied.
        if (step === "apply")
          await f.db
            .update(tables.services)
            .set({ state: "active", restoreId: null, stateReason: "taken over" })
            .where(eq(tables.services.id, "contoso-dr"));
      },
    }).pass();
    const done = await restoreRow(f.db, id);
    expect(done.status).toBe("failed");
    expect(done.error).toMatch(/contoso-dr is now active.*the restore stops without changing it/);
    expect(await serviceRow(f.db, "contoso-dr")).toMatchObject({
      state: "active",
      stateReason: "taken over",
    });
    expect(await readConfiguration(f.db, "contoso-dr")).toBeNull();
  });
});

describe("two app instances on one PostgreSQL", () => {
  let f: BackupFixture;
  let second: Awaited<ReturnType<typeof openDatabase>>;
  beforeEach(async () => {
    f = await backupFixture("postgres");
    second = await openDatabase({ databaseUrl: f.database.url!, dataDir: null });
  });
  afterEach(async () => {
    await second.close();
    await f.close();
  });
  const ctx = (db: Db) => ({ ...f.ctx("operator"), db });

  it("a request stalled between its pre-flight and its insert is refused once another restore has made the target live, and changes nothing", async () => {
    const backup = await backedUp(f);
    // Instance 1's request passes its pre-flight, then stalls before its insert.
    const stall = gate();
    const stalled = requestRestore(ctx(f.db), restoreInput(backup.id), {
      ...deps(),
      regionStatus: async () => {
        stall.reached();
        await stall.opened;
        return "operational";
      },
    });
    await stall.arrived;

    // Instance 2 restores the same target, resumes it and changes its configuration.
    const other = await requestRestore(ctx(second.db), restoreInput(backup.id), deps());
    await new RestoreWorker({ db: second.db, stores: f.stores }).pass();
    for (const item of CHECKLIST)
      await tickChecklist(ctx(second.db), other.id, { item: item.id, done: true });
    await resumeService(ctx(second.db), other.id);
    await runOperation({ ...f.ctx("admin"), db: second.db }, "contoso-dr", {
      kind: "scale-units",
      units: 3,
    });
    const live = {
      service: await serviceRow(f.db, "contoso-dr"),
      configuration: await configurationHash(f.db, "contoso-dr"),
      counts: await restoreCounts(f.db),
    };
    expect(live.service).toMatchObject({ state: "active", units: 3 });

    stall.open();
    expect(await refusal(stalled)).toMatch(
      /^invalid_state: contoso-dr exists and is active: a restore may create its target only when it is absent, deleted or restore_failed\. Nothing was changed\./,
    );
    await new RestoreWorker({ db: f.db, stores: f.stores }).pass();
    expect(await serviceRow(f.db, "contoso-dr")).toEqual(live.service);
    expect(await configurationHash(f.db, "contoso-dr")).toBe(live.configuration);
    expect(await restoreCounts(f.db)).toEqual(live.counts);
    expect((await auditRows(f.db, "restores.request")).map((r) => r.outcome)).toEqual([
      "ok",
      "refused",
    ]);
  });

  it("a worker lost mid-restore is taken over by the other instance after two missed beats, and when it wakes up it changes nothing", async () => {
    const backup = await backedUp(f);
    const { id } = await requestRestore(ctx(f.db), restoreInput(backup.id), deps());
    // Instance 1's worker claims the job, then stops beating and hangs before applying: lost.
    const claimed = (await claimNextRestore(f.db, "instance-1"))!;
    const wake = gate();
    const lost = runRestore(f.db, claimed, f.stores, {
      beforeStep: async (step) => {
        if (step !== "apply") return;
        wake.reached();
        await wake.opened;
      },
    });
    await wake.arrived;

    const takeover = new RestoreWorker({ db: second.db, stores: f.stores, heartbeatMs: 100 });
    await expect.poll(() => takeover.pass(), { interval: 100 }).toBe(1);
    const done = await restoreRow(f.db, id);
    expect(done).toMatchObject({ status: "succeeded", attempts: 2, workerId: takeover.id });
    expect(done.workerLostAt).not.toBeNull();
    const messages = (done.log as RestoreRecord["log"] & { message: string }[]).map(
      (l) => l.message,
    );
    expect(messages.join("\n")).toMatch(/the worker instance-1 was lost at step "apply"/);
    const configuration = await configurationHash(f.db, "contoso-dr");

    wake.open();
    expect(await lost).toMatchObject({ status: "succeeded", workerId: takeover.id });
    expect(await restoreRow(f.db, id)).toEqual(done);
    expect(await serviceRow(f.db, "contoso-dr")).toMatchObject({ state: "suspended" });
    expect(await configurationHash(f.db, "contoso-dr")).toBe(configuration);
  });

  it("a worker that keeps beating is never taken over, however long its step takes", async () => {
    const backup = await backedUp(f);
    const { id } = await requestRestore(ctx(f.db), restoreInput(backup.id), deps());
    const slow = gate();
    const alive = new RestoreWorker({
      db: f.db,
      stores: f.stores,
      heartbeatMs: 50,
      beforeStep: async (step) => {
        if (step !== "apply") return;
        slow.reached();
        await slow.opened;
      },
    });
    const running = alive.pass();
    await slow.arrived;
    const beats = new Set<number>();
    await expect
      .poll(
        async () => {
          beats.add((await restoreRow(f.db, id)).heartbeatAt!.getTime());
          // The other instance looks for lost workers (silent for 2 s) while this one beats.
          expect(await reapRestores(second.db, 2_000)).toBe(0);
          return beats.size;
        },
        { interval: 50 },
      )
      .toBeGreaterThanOrEqual(4);
    slow.open();
    expect(await running).toBe(1);
    expect(await restoreRow(f.db, id)).toMatchObject({ status: "succeeded", attempts: 1 });
  });

  function deps(): RestoreDeps {
    return { stores: f.stores, regionStatus: async () => "operational" };
  }
});
