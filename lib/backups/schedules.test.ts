import fs from "node:fs";
import path from "node:path";
import { eq, sql } from "drizzle-orm";
import { afterEach, beforeEach, describe, expect, it } from "vitest";
import { runOperation } from "../control-plane";
import { openDatabase, queryRows, tables } from "../db";
import { ENGINES } from "../../testing/db";
import { isDomainError } from "../errors";
import { complianceReport } from "./report";
import { queueAfterChange } from "./enqueue";
import { requestBackup, setSchedule } from "./requests";
import { pruneService } from "./runner";
import { auditRows, backupFixture, writeCounts, type BackupFixture } from "../../testing/backups";
import { BackupWorker } from "./worker";

const DAY = 86_400_000;
const schedule = { frequency: "1d", retention: "7d", store: "local", region: "northeurope" };

describe.each(ENGINES)("schedules, retention and the after-change policy on %s", (engine) => {
  let f: BackupFixture;
  beforeEach(async () => {
    f = await backupFixture(engine);
  });
  afterEach(() => f.close());

  const operate = (serviceId: string, raw: unknown, now?: Date) =>
    runOperation(f.ctx("admin"), serviceId, raw, {
      now,
      onRecorded: async (tx, op) => void (await queueAfterChange(tx, op)),
    });

  it("validates schedules: retention must exceed the frequency; only admins set them", async () => {
    const before = await writeCounts(f.db);
    const set = (role: "operator" | "admin", raw: unknown) =>
      setSchedule(f.ctx(role), "contoso-edi", raw, { stores: f.stores }).then(
        () => "ok",
        (e) => (isDomainError(e) ? e.message : Promise.reject(e)),
      );
    expect(await set("operator", schedule)).toMatch(/needs the admin role/);
    expect(await set("admin", { ...schedule, retention: "12h" })).toMatch(
      /retention: must be longer than the frequency/,
    );
    expect(await set("admin", { ...schedule, frequency: "daily" })).toMatch(
      /frequency: expected a duration such as 500ms, 30s or 5m/,
    );
    expect(await set("admin", { ...schedule, region: "atlantis" })).toMatch(
      /not a region of this estate/,
    );
    expect(await writeCounts(f.db)).toEqual(before);
    expect(await set("admin", schedule)).toBe("ok");
    expect((await auditRows(f.db, "backups.schedule")).map((r) => r.outcome)).toEqual([
      "refused",
      "refused",
      "refused",
      "refused",
      "ok",
    ]);
  });

  it("management operations are admin-only, recorded with actor and change, and refused in a state that forbids them", async () => {
    const before = await writeCounts(f.db);
    const refused = await runOperation(f.ctx("operator"), "contoso-edi", {
      kind: "scale-units",
      units: 3,
    }).catch((e) => e.message);
    expect(refused).toMatch(/Management operations needs the admin role/);
    await f.db
      .update(tables.services)
      .set({ state: "restore_failed" })
      .where(eq(tables.services.id, "fabrikam-b2b"));
    const wrongState = await operate("fabrikam-b2b", {
      kind: "update-ssl-certificate",
      validForDays: 90,
    }).catch((e) => e.message);
    expect(wrongState).toMatch(/not allowed in state restore_failed/);
    expect(await writeCounts(f.db)).toEqual(before);

    const op = await operate("contoso-edi", { kind: "scale-units", units: 3 });
    expect(op).toMatchObject({
      kind: "scale-units",
      actorName: "admin",
      summary: "scaled from 2 to 3 units",
    });
    const [service] = await f.db
      .select()
      .from(tables.services)
      .where(eq(tables.services.id, "contoso-edi"));
    expect(service!.units).toBe(3);
  });

  it("with the after-change policy, an operation queues a backup that covers it", async () => {
    await setSchedule(
      f.ctx("admin"),
      "contoso-edi",
      { ...schedule, afterChange: true },
      { stores: f.stores },
    );
    const op = await operate("contoso-edi", { kind: "update-ssl-certificate", validForDays: 397 });
    const [queued] = await f.db
      .select()
      .from(tables.backups)
      .where(eq(tables.backups.operationId, op.id));
    expect(queued).toMatchObject({
      trigger: "after-change",
      status: "queued",
      region: "northeurope",
    });
    await new BackupWorker({ db: f.db, stores: f.stores }).pass();
    const report = await complianceReport(f.db, { rpoMs: DAY, days: 1 });
    const contoso = report.services.find((s) => s.service === "contoso-edi")!;
    expect(contoso.rules.find((r) => r.rule === "after-change")).toMatchObject({ verdict: "pass" });
    expect(contoso.rules.find((r) => r.rule === "offsite")).toMatchObject({ verdict: "pass" });
  });

  it("without the policy, the compliance report flags the operation until a backup follows", async () => {
    await requestBackup(f.ctx("operator"), { service: "fabrikam-b2b" }, { stores: f.stores });
    await new BackupWorker({ db: f.db, stores: f.stores }).pass();
    await operate("fabrikam-b2b", { kind: "remove-agreement", agreementId: "a1-1" });
    const rule = async () =>
      (await complianceReport(f.db, { rpoMs: DAY, days: 1 })).services
        .find((s) => s.service === "fabrikam-b2b")!
        .rules.find((r) => r.rule === "after-change")!;
    expect(await rule()).toMatchObject({ verdict: "fail" });
    expect((await rule()).items?.[0]).toMatch(/remove-agreement: agreement .* removed/);
    await requestBackup(
      f.ctx("operator"),
      { service: "fabrikam-b2b", name: "after-fix" },
      { stores: f.stores },
    );
    await new BackupWorker({ db: f.db, stores: f.stores }).pass();
    expect(await rule()).toMatchObject({ verdict: "pass" });
  });

  it("a due schedule runs once per slot, and retention removes old archives but keeps the last good one", async () => {
    await setSchedule(
      f.ctx("admin"),
      "fabrikam-eai",
      { ...schedule, retention: "2d" },
      { stores: f.stores },
    );
    const start = Date.now();
    for (let day = 1; day <= 4; day++) {
      const now = new Date(start + day * DAY + 60_000);
      const w = new BackupWorker({ db: f.db, stores: f.stores, now: () => now });
      await w.pass();
      await w.pass(); // a second pass in the same slot finds nothing due
    }
    const rows = await f.db
      .select()
      .from(tables.backups)
      .where(eq(tables.backups.serviceId, "fabrikam-eai"));
    expect(rows).toHaveLength(4);
    expect(rows.map((r) => r.status).sort()).toEqual([
      "pruned",
      "succeeded",
      "succeeded",
      "succeeded",
    ]);
    const files = fs.readdirSync(path.join(f.root, "northeurope"));
    expect(files.filter((n) => n.endsWith(".sfbackup"))).toHaveLength(3);

    // Far in the future every archive is past retention: the newest good one still stays.
    await pruneService(f.db, "fabrikam-eai", f.stores, new Date(start + 60 * DAY));
    const left = fs
      .readdirSync(path.join(f.root, "northeurope"))
      .filter((n) => n.endsWith(".sfbackup"));
    expect(left).toHaveLength(1);
    const newest = rows.sort((a, b) => b.finishedAt!.getTime() - a.finishedAt!.getTime())[0]!;
    expect(left[0]).toBe(`${newest.name}.sfbackup`);
  });
});

describe("two app instances on one PostgreSQL", () => {
  it("take each due scheduled backup exactly once", async () => {
    const f = await backupFixture("postgres");
    const second = await openDatabase({ databaseUrl: f.database.url!, dataDir: null });
    try {
      for (const service of ["contoso-edi", "fabrikam-b2b", "fabrikam-eai"])
        await setSchedule(f.ctx("admin"), service, schedule, { stores: f.stores });
      const due = new Date(Date.now() + DAY + 1_000);
      const workers = [f.db, second.db, f.db, second.db].map(
        (db) => new BackupWorker({ db, stores: f.stores, now: () => due }),
      );
      await Promise.all(workers.map((w) => w.pass()));
      await Promise.all(workers.map((w) => w.pass()));
      const rows = await queryRows<{ service_id: string; n: number; ok: number; workers: number }>(
        f.db,
        sql`select service_id, count(*)::int as n, count(*) filter (where status = 'succeeded')::int as ok,
                   count(distinct worker_id)::int as workers
            from backups where trigger = 'scheduled' group by service_id order by service_id`,
      );
      expect(rows).toEqual([
        { service_id: "contoso-edi", n: 1, ok: 1, workers: 1 },
        { service_id: "fabrikam-b2b", n: 1, ok: 1, workers: 1 },
        { service_id: "fabrikam-eai", n: 1, ok: 1, workers: 1 },
      ]);
      expect(fs.readdirSync(path.join(f.root, "northeurope"))).toHaveLength(3);
    } finally {
      await second.close();
      await f.close();
    }
  });
});
