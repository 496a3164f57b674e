import { eq } from "drizzle-orm";
import { afterEach, beforeEach, describe, expect, it } from "vitest";
import { setSchedule } from "../backups/requests";
import { complianceReport } from "../backups/report";
import { tables } from "../db";
import { ENGINES } from "../../testing/db";
import { auditRows, backupFixture, type BackupFixture } from "../../testing/backups";
import { backedUp, refusal, restoreCounts, restoreInput } from "../../testing/restores";
import { resumeService, tickChecklist } from "./after-restore";
import { checkedItems } from "./checked-items";
import { requestRestore, type RestoreDeps } from "./requests";
import { CHECKLIST } from "./restore-types";
import { RestoreWorker } from "./worker";

describe.each(ENGINES)("restore choices and the checked checklist on %s", (engine) => {
  let f: BackupFixture;
  let deps: RestoreDeps;
  beforeEach(async () => {
    f = await backupFixture(engine);
    deps = { stores: f.stores, regionStatus: async () => "operational" };
  });
  afterEach(() => f.close());

  async function restored(over: Record<string, unknown> = {}, backupId?: string) {
    // One backup per test: two taken in the same second would share a name.
    const backup = backupId ? { id: backupId } : await backedUp(f);
    const restore = await requestRestore(f.ctx("operator"), restoreInput(backup.id, over), deps);
    expect(await new RestoreWorker({ db: f.db, stores: f.stores }).pass()).toBe(1);
    const [row] = await f.db
      .select()
      .from(tables.restores)
      .where(eq(tables.restores.id, restore.id));
    expect(row!.status).toBe("succeeded");
    return row!;
  }
  const schedule = async (service: string) =>
    (
      await f.db
        .select()
        .from(tables.backupSchedules)
        .where(eq(tables.backupSchedules.serviceId, service))
    )[0];
  const storageRule = async (service: string) => {
    const report = await complianceReport(f.db, { rpoMs: 86_400_000, days: 0 });
    const mine = report.services.find((s) => s.service === service)!;
    return mine.rules.find((r) => r.rule === "storage-geo")!;
  };

  it("by default the new service gets GRS and a daily off-region schedule, recorded and audited", async () => {
    const row = await restored();
    expect(row.storageReplication).toBe("GRS");
    expect(row.backupSchedule).toMatchObject({ kind: "daily", frequencyMs: 86_400_000 });
    const s = (await schedule("contoso-dr"))!;
    expect(s).toMatchObject({ enabled: true, frequencyMs: 86_400_000, afterChange: true });
    expect(s.region).not.toBe("northeurope");
    expect((await storageRule("contoso-dr")).verdict).toBe("pass");
    const checks = await checkedItems(f.db, "contoso-dr");
    expect(checks.map((c) => [c.id, c.ok])).toEqual([
      ["automated-backups", true],
      ["storage-replication", true],
    ]);
    expect(checks[0]!.found).toBe("every 24 h to local in westeurope, kept 14 d");
    const [audit] = await f.db
      .select()
      .from(tables.auditLog)
      .where(eq(tables.auditLog.action, "restores.request"));
    expect(audit!.input).toMatchObject({ storageReplication: "GRS", backupSchedule: "daily" });
  });

  it("LRS and no schedule are applied as chosen, and the checked items say so", async () => {
    await restored({ storageReplication: "LRS", backupSchedule: "none" });
    expect(await schedule("contoso-dr")).toBeUndefined();
    expect((await storageRule("contoso-dr")).verdict).toBe("fail");
    const checks = await checkedItems(f.db, "contoso-dr");
    expect(checks.map((c) => [c.id, c.ok, c.found])).toEqual([
      ["automated-backups", false, "no backup schedule on contoso-dr"],
      ["storage-replication", false, "LRS keeps no copy in another region"],
    ]);
  });

  it("'source' copies the source service's schedule", async () => {
    await setSchedule(
      f.ctx("admin"),
      "contoso-edi",
      { frequency: "12h", retention: "3d", store: "local", region: "eastus" },
      { stores: f.stores },
    );
    await restored({ backupSchedule: "source" });
    expect(await schedule("contoso-dr")).toMatchObject({
      frequencyMs: 12 * 3_600_000,
      retentionMs: 3 * 86_400_000,
      region: "eastus",
    });
  });

  it("the backups item follows the store: disabling the schedule unchecks it and blocks resume", async () => {
    const row = await restored();
    for (const item of CHECKLIST)
      await tickChecklist(f.ctx("operator"), row.id, { item: item.id, done: true });
    const s = (await schedule("contoso-dr"))!;
    await setSchedule(
      f.ctx("admin"),
      "contoso-dr",
      { enabled: false, frequency: "1d", retention: "14d", store: s.storeId, region: s.region },
      { stores: f.stores },
    );
    expect((await checkedItems(f.db, "contoso-dr"))[0]).toMatchObject({
      ok: false,
      found: "the schedule on contoso-dr is disabled",
    });
    expect(await refusal(resumeService(f.ctx("operator"), row.id))).toMatch(
      /Not yet true on contoso-dr: Automated backups are scheduled.*disabled/,
    );
  });

  it("refuses bad choices naming the field, and a tick of a checked item, changing nothing", async () => {
    const backup = await backedUp(f);
    const before = await restoreCounts(f.db);
    const ask = (over: Record<string, unknown>) =>
      refusal(requestRestore(f.ctx("operator"), restoreInput(backup.id, over), deps));
    expect(await ask({ storageReplication: "XYZ" })).toMatch(
      /^validation: .*storageReplication: expected one of LRS, ZRS, GRS/,
    );
    expect(await ask({ storageReplication: 3 })).toMatch(/storageReplication/);
    expect(await ask({ backupSchedule: "hourly" })).toMatch(
      /backupSchedule: expected one of daily, source, none/,
    );
    expect(await ask({ backupSchedule: "source" })).toMatch(
      /backupSchedule: contoso-edi has no backup schedule to copy/,
    );
    expect(await restoreCounts(f.db)).toEqual(before);
    expect(await schedule("contoso-dr")).toBeUndefined();

    const row = await restored({}, backup.id);
    expect(
      await refusal(
        tickChecklist(f.ctx("operator"), row.id, { item: "automated-backups", done: true }),
      ),
    ).toMatch(/item: "automated-backups" is checked against the store, not ticked by hand/);
    expect((await auditRows(f.db, "restores.checklist")).map((r) => r.outcome)).toEqual([
      "refused",
    ]);
  });
});
