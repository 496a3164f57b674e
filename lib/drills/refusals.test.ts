import { count, eq } from "drizzle-orm";
import { afterAll, afterEach, beforeAll, beforeEach, describe, expect, it } from "vitest";
import { SYSTEM } from "../roles";
import { openDatabase, tables } from "../db";
import { ENGINES } from "../../testing/db";
import { auditRows, backupFixture, type BackupFixture } from "../../testing/backups";
import { backedUp, refusal } from "../../testing/restores";
import { requestDrill, requestDueDrills, setDrillSchedule } from "./requests";

const { drills, drillSchedules } = tables;
const drillCount = async (f: BackupFixture) =>
  ((await f.db.select({ n: count() }).from(drills)) as [{ n: number }])[0].n;

describe.each(ENGINES)("drill refusals and schedules on %s", (engine) => {
  let f: BackupFixture;
  beforeEach(async () => {
    f = await backupFixture(engine);
  });
  afterEach(() => f.close());

  it("anonymous and viewer drill requests are refused, audited, and change nothing", async () => {
    await backedUp(f);
    expect(await refusal(requestDrill(f.ctx(null), "contoso-edi", {}))).toMatch(/^unauthorized/);
    expect(await refusal(requestDrill(f.ctx("viewer"), "contoso-edi", {}))).toMatch(
      /^forbidden: Running a restore drill needs the operator role/,
    );
    expect(await drillCount(f)).toBe(0);
    expect((await auditRows(f.db, "drills.request")).map((r) => r.outcome)).toEqual([
      "refused",
      "refused",
    ]);
  });

  it("bad input names what is wrong and changes nothing", async () => {
    await backedUp(f);
    expect(await refusal(requestDrill(f.ctx("operator"), "contoso-edi", { backupId: 7 }))).toMatch(
      /^validation: .*backupId/,
    );
    expect(
      await refusal(
        requestDrill(f.ctx("operator"), "contoso-edi", { backupId: crypto.randomUUID() }),
      ),
    ).toMatch(/backupId: no backup/);
    expect(await refusal(requestDrill(f.ctx("operator"), "no-such-svc", {}))).toMatch(/^not_found/);
    expect(await refusal(requestDrill(f.ctx("operator"), "fabrikam-b2b", {}))).toMatch(
      /no succeeded backup to drill/,
    );
    expect(await drillCount(f)).toBe(0);
  });

  it("only an admin sets a drill schedule; operators are refused and audited", async () => {
    expect(
      await refusal(setDrillSchedule(f.ctx("operator"), "contoso-edi", { everyDays: 7 })),
    ).toMatch(/^forbidden: Scheduling restore drills needs the admin role/);
    expect(
      await refusal(setDrillSchedule(f.ctx("admin"), "contoso-edi", { everyDays: 0 })),
    ).toMatch(/everyDays: at least 1/);
    expect(await f.db.select().from(drillSchedules)).toEqual([]);
    await setDrillSchedule(f.ctx("admin"), "contoso-edi", { everyDays: 7 });
    expect((await auditRows(f.db, "drills.schedule")).map((r) => r.outcome)).toEqual([
      "refused",
      "refused",
      "ok",
    ]);
    await setDrillSchedule(f.ctx("admin"), "contoso-edi", { everyDays: null });
    expect(await f.db.select().from(drillSchedules)).toEqual([]);
  });

  it("a due schedule requests one drill as the system, and moves to its next slot", async () => {
    await backedUp(f);
    const now = new Date();
    await setDrillSchedule(
      f.ctx("admin"),
      "contoso-edi",
      { everyDays: 7 },
      new Date(now.getTime() - 8 * 86_400_000),
    );
    expect(await requestDueDrills(f.db, SYSTEM, now)).toEqual(["contoso-edi"]);
    expect(await requestDueDrills(f.db, SYSTEM, now)).toEqual([]);
    const [drill] = await f.db.select().from(drills);
    expect(drill).toMatchObject({
      trigger: "schedule",
      requestedBy: "Standfast",
      status: "queued",
    });
    const [schedule] = await f.db
      .select()
      .from(drillSchedules)
      .where(eq(drillSchedules.serviceId, "contoso-edi"));
    expect(schedule!.nextDueAt.getTime()).toBe(now.getTime() + 7 * 86_400_000);
  });
});

describe("20 concurrent drill requests across two app instances on one PostgreSQL", () => {
  let f: BackupFixture;
  beforeAll(async () => {
    f = await backupFixture("postgres");
  });
  afterAll(() => f.close());

  it("give exactly one drill", async () => {
    await backedUp(f);
    const second = await openDatabase({ databaseUrl: f.database.url!, dataDir: null });
    try {
      const results = await Promise.all(
        Array.from({ length: 20 }, (_, i) =>
          requestDrill(
            { actor: f.ctx("operator").actor, db: i % 2 ? second.db : f.db },
            "contoso-edi",
            {},
          ),
        ),
      );
      expect(new Set(results.map((r) => r.id)).size).toBe(1);
      expect(await drillCount(f)).toBe(1);
    } finally {
      await second.close();
    }
  });
});
