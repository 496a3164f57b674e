import fs from "node:fs";
import path from "node:path";
import { eq } from "drizzle-orm";
import { afterEach, beforeEach, describe, expect, it } from "vitest";
import { readConfiguration } from "../control-plane";
import { tables } from "../db";
import { ENGINES } from "../../testing/db";
import { auditRows, backupFixture, type BackupFixture } from "../../testing/backups";
import { backedUp, refusal, restoreCounts, restoreInput } from "../../testing/restores";
import {
  checkRestore,
  deleteFailedService,
  requestRestore,
  resumeService,
  tickChecklist,
  type RestoreDeps,
} from "./requests";
import { CHECKLIST } from "./restore-types";
import { claimNextRestore, reapRestores, runRestore } from "./runner";
import { RestoreWorker } from "./worker";

describe.each(ENGINES)("restores on %s", (engine) => {
  let f: BackupFixture;
  let deps: RestoreDeps;
  beforeEach(async () => {
    f = await backupFixture(engine);
    deps = { stores: f.stores, regionStatus: async () => "operational" };
  });
  afterEach(() => f.close());
  const worker = () => new RestoreWorker({ db: f.db, stores: f.stores });

  it("restores a backup into another region, suspended, then resumes after the checklist", async () => {
    const backup = await backedUp(f);
    const restore = await requestRestore(f.ctx("operator"), restoreInput(backup.id), deps);
    expect(restore).toMatchObject({ status: "queued", step: "verify", target: "contoso-dr" });
    expect(await worker().pass()).toBe(1);

    const [done] = await f.db
      .select()
      .from(tables.restores)
      .where(eq(tables.restores.id, restore.id));
    expect(done).toMatchObject({ status: "succeeded", step: "done", progress: 1 });
    const [service] = await f.db
      .select()
      .from(tables.services)
      .where(eq(tables.services.id, "contoso-dr"));
    expect(service).toMatchObject({
      state: "suspended",
      region: "northeurope",
      origin: "restore",
      edition: "premium",
    });
    const original = (await readConfiguration(f.db, "contoso-edi"))!.configuration;
    const restored = (await readConfiguration(f.db, "contoso-dr"))!.configuration;
    expect(restored.agreements).toEqual(original.agreements);
    expect(restored.bridges).toEqual(original.bridges);
    expect(restored.settings).toMatchObject({ region: "northeurope" });
    expect(restored.settings.trackingDatabase).toMatch(/Database=contoso-dr-tracking/);

    expect(await refusal(resumeService(f.ctx("operator"), restore.id))).toMatch(
      /Tick the checklist first/,
    );
    for (const item of CHECKLIST)
      await tickChecklist(f.ctx("operator"), restore.id, { item: item.id, done: true });
    await resumeService(f.ctx("operator"), restore.id);
    const [active] = await f.db
      .select()
      .from(tables.services)
      .where(eq(tables.services.id, "contoso-dr"));
    expect(active!.state).toBe("active");
    expect((await auditRows(f.db, "restores.resume")).map((r) => r.outcome)).toEqual([
      "refused",
      "ok",
    ]);
  });

  it("anonymous and viewer requests are refused and change nothing", async () => {
    const backup = await backedUp(f);
    const before = await restoreCounts(f.db);
    expect(await refusal(requestRestore(f.ctx(null), restoreInput(backup.id), deps))).toMatch(
      /^unauthorized/,
    );
    expect(await refusal(requestRestore(f.ctx("viewer"), restoreInput(backup.id), deps))).toMatch(
      /^forbidden: Restoring a backup needs the operator role/,
    );
    expect(await restoreCounts(f.db)).toEqual(before);
  });

  it("refuses a failed pre-flight, a wrong confirmation and a lower edition, changing nothing", async () => {
    const backup = await backedUp(f);
    const before = await restoreCounts(f.db);
    const ask = (over: Record<string, unknown>, d = deps) =>
      refusal(requestRestore(f.ctx("operator"), restoreInput(backup.id, over), d));
    expect(await ask({ confirm: "contoso" })).toMatch(/confirm: type the target name "contoso-dr"/);
    expect(await ask({ edition: "standard" })).toMatch(
      /Edition same or higher: standard is lower than the backup's premium/,
    );
    expect(await ask({ target: "fabrikam-b2b", confirm: "fabrikam-b2b" })).toMatch(
      /fabrikam-b2b exists and is active/,
    );
    expect(await ask({}, { ...deps, regionStatus: async () => "major_outage" })).toMatch(
      /Target region healthy/,
    );
    expect(await ask({ storage: "Bad_Name" })).toMatch(/storage: a storage account name/);
    expect(await restoreCounts(f.db)).toEqual(before);
  });

  it("a double click is one restore, and a second restore into the same target is refused", async () => {
    const backup = await backedUp(f);
    const input = restoreInput(backup.id);
    const [a, b] = await Promise.all([
      requestRestore(f.ctx("operator"), input, deps),
      requestRestore(f.ctx("operator"), input, deps),
    ]);
    expect(a.id).toBe(b.id);
    expect(await refusal(requestRestore(f.ctx("operator"), restoreInput(backup.id), deps))).toMatch(
      /No other restore in flight for the target|already in flight/,
    );
    expect((await restoreCounts(f.db)).restores).toBe(1);
  });

  it("a worker that dies mid-restore is resumed from its step by another", async () => {
    const backup = await backedUp(f);
    const { id } = await requestRestore(f.ctx("operator"), restoreInput(backup.id), deps);
    const claimed = (await claimNextRestore(f.db, "doomed"))!;
    // The first worker hangs forever before applying the configuration: it has died.
    void runRestore(f.db, claimed, f.stores, {
      beforeStep: (step) => (step === "apply" ? new Promise(() => {}) : Promise.resolve()),
    });
    await expect
      .poll(
        async () =>
          (await f.db.select().from(tables.restores).where(eq(tables.restores.id, id)))[0]!.step,
      )
      .toBe("apply");
    const [service] = await f.db
      .select()
      .from(tables.services)
      .where(eq(tables.services.id, "contoso-dr"));
    expect(service!.state).toBe("restoring");

    expect(await reapRestores(f.db, 60_000, new Date(Date.now() + 120_000))).toBe(1);
    await worker().pass();
    const [row] = await f.db.select().from(tables.restores).where(eq(tables.restores.id, id));
    expect(row).toMatchObject({ status: "succeeded", attempts: 2 });
    expect(JSON.stringify(row!.log)).toMatch(/resuming at step \\"apply\\"/);
  });

  it("a restore that fails after creating the target leaves it restore_failed with the reason; delete frees the name", async () => {
    const backup = await backedUp(f);
    const { id } = await requestRestore(f.ctx("operator"), restoreInput(backup.id), deps);
    await new RestoreWorker({
      db: f.db,
      stores: f.stores,
      beforeStep: async (step) => {
        if (step === "apply") throw new Error("the tracking database refused the connection");
      },
    }).pass();
    const [row] = await f.db.select().from(tables.restores).where(eq(tables.restores.id, id));
    expect(row).toMatchObject({
      status: "failed",
      error: "the tracking database refused the connection",
    });
    const [service] = await f.db
      .select()
      .from(tables.services)
      .where(eq(tables.services.id, "contoso-dr"));
    expect(service).toMatchObject({ state: "restore_failed" });
    expect(service!.stateReason).toMatch(/tracking database refused/);

    expect(await refusal(deleteFailedService(f.ctx("viewer"), "contoso-dr"))).toMatch(/^forbidden/);
    expect(await refusal(deleteFailedService(f.ctx("operator"), "fabrikam-b2b"))).toMatch(
      /only a service in restore_failed/,
    );
    // restore_failed may be replaced directly, or deleted first.
    await deleteFailedService(f.ctx("operator"), "contoso-dr");
    const again = await requestRestore(f.ctx("operator"), restoreInput(backup.id), deps);
    await worker().pass();
    const [second] = await f.db
      .select()
      .from(tables.restores)
      .where(eq(tables.restores.id, again.id));
    expect(second!.status).toBe("succeeded");
  });

  // The pre-flight asks of the backup store what a restore needs of it: that it gives the
  // archive. Reading the archive is the store check, so the checks write nothing to the store.
  describe("the pre-flight's store and archive checks", () => {
    const checks = async (backupId: string) => {
      const { confirm: _c, idempotencyKey: _k, ...target } = restoreInput(backupId);
      return Object.fromEntries(
        (await checkRestore(f.ctx("operator"), target, deps)).checks
          .filter((c) => c.id === "store" || c.id === "archive")
          .map((c) => [c.id, { ok: c.ok, detail: c.detail }]),
      );
    };
    /** The region folder's entries and modification time: any file made or removed changes it. */
    const folderState = (region: string) => {
      const dir = path.join(f.root, region);
      return {
        entries: fs.readdirSync(dir).sort(),
        mtimeNs: fs.statSync(dir, { bigint: true }).mtimeNs,
      };
    };

    it("pass by reading the archive, and write nothing to the store", async () => {
      const backup = await backedUp(f);
      const before = folderState(backup.region);
      expect(await checks(backup.id)).toEqual({
        archive: { ok: true, detail: expect.stringMatching(/verified: checksum matches/) },
        store: { ok: true, detail: expect.stringMatching(/answers for/) },
      });
      await requestRestore(f.ctx("operator"), restoreInput(backup.id), deps);
      expect(folderState(backup.region)).toEqual(before);
    });

    it("say the store answered but the archive is missing when it is gone", async () => {
      const backup = await backedUp(f);
      fs.rmSync(path.join(f.root, backup.region, `${backup.name}.sfbackup`));
      expect(await checks(backup.id)).toEqual({
        archive: { ok: false, detail: expect.stringMatching(/is missing from/) },
        store: { ok: true, detail: expect.stringMatching(/answers for/) },
      });
    });

    it("fail both, saying why, when the store cannot be read, and a request is refused changing nothing", async () => {
      const backup = await backedUp(f);
      const dir = path.join(f.root, backup.region);
      fs.rmSync(dir, { recursive: true });
      fs.writeFileSync(dir, "not a folder");
      const found = await checks(backup.id);
      expect(found.store).toEqual({
        ok: false,
        detail: expect.stringMatching(/could not read the archive/),
      });
      expect(found.archive).toEqual(found.store);
      const counts = await restoreCounts(f.db);
      expect(
        await refusal(requestRestore(f.ctx("operator"), restoreInput(backup.id), deps)),
      ).toMatch(/Pre-flight checks failed: .*Backup store reachable: could not read the archive/);
      expect(await restoreCounts(f.db)).toEqual(counts);
    });
  });
});
