import { randomUUID } from "node:crypto";
import { eq, sql } from "drizzle-orm";
import { afterEach, beforeEach, describe, expect, it } from "vitest";
import { queryRows, tables } from "../db";
import { ENGINES } from "../../testing/db";
import { backupFixture, type BackupFixture } from "../../testing/backups";
import { complianceReport, existedDuring } from "./report";

const DAY = 86_400_000;
const now = new Date("2026-11-24T12:00:00Z");
const daysAgo = (n: number) => new Date(now.getTime() - n * DAY);

describe.each(ENGINES)("the compliance trend on %s", (engine) => {
  let f: BackupFixture;
  beforeEach(async () => {
    f = await backupFixture(engine);
    // The estate's services have been watched for 60 days.
    await f.db.execute(sql`update services set created_at = ${daysAgo(60).toISOString()}`);
  });
  afterEach(() => f.close());

  /** A good backup of contoso-edi, stored outside its region, finished on the given day. */
  const goodBackup = (at: Date) =>
    f.db.insert(tables.backups).values({
      id: randomUUID(),
      name: `contoso-edi-${at.getTime()}`,
      serviceId: "contoso-edi",
      storeId: "local",
      region: "northeurope",
      trigger: "manual",
      status: "succeeded",
      checksum: "verified",
      requestedAt: at,
      requestedBy: "test",
      startedAt: at,
      finishedAt: new Date(at.getTime() + 60_000),
    });
  /** A drill of contoso-edi that succeeded at the given moment. */
  const goodDrill = (at: Date) =>
    f.db.insert(tables.drills).values({
      id: randomUUID(),
      serviceId: "contoso-edi",
      backupId: randomUUID(),
      backupName: "contoso-edi-drilled",
      status: "succeeded",
      requestedBy: "test",
      requestedAt: at,
      readyAt: at,
      finishedAt: at,
      rtoMs: 900,
      sandbox: "drill-test",
    });
  /** contoso-edi's storage account as recorded at a moment. */
  const storageFactsAt = async (validFrom: Date, replication: string) => {
    const [row] = await queryRows<{ id: string; attributes: Record<string, unknown> }>(
      f.db,
      sql`select c.id, c.attributes from components c join service_components sc on sc.component_id = c.id
          where sc.service_id = 'contoso-edi' and c.kind = 'storage'`,
    );
    await f.db.insert(tables.estateFactHistory).values({
      subject: "component",
      subjectId: row!.id,
      facts: { ...row!.attributes, replication },
      validFrom,
    });
    return row!.id;
  };
  const report = () => complianceReport(f.db, { rpoMs: 30 * DAY, days: 30, now });
  const pointOn = async (r: Awaited<ReturnType<typeof report>>, n: number) =>
    r.trend.find((p) => p.day === daysAgo(n).toISOString().slice(0, 10))!;

  it("leaves a service created today out of every past day, and counts it today", async () => {
    await f.db.insert(tables.services).values({
      id: "contoso-restored",
      edition: "premium",
      units: 2,
      region: "northeurope",
      state: "suspended",
      origin: "restore",
      createdAt: new Date(now.getTime() - 3_600_000),
    });
    const r = await report();
    expect(r.trend).toHaveLength(30);
    expect(r.trend.slice(0, -1).every((p) => p.total === 4)).toBe(true);
    expect(r.trend.at(-1)!.total).toBe(5);
    expect(r.services.map((s) => s.service)).toContain("contoso-restored");
  });

  it("judges each day by the backups of that day: failing before the first good one, passing after", async () => {
    await goodBackup(daysAgo(10));
    await goodDrill(daysAgo(20));
    const r = await report();
    const contoso = (day: number) =>
      pointOn(r, day).then((p) => ({ compliant: p.compliant, total: p.total }));
    // contoso-edi is the only service that can pass every rule in the demo estate.
    expect(await contoso(11)).toEqual({ compliant: 0, total: 4 });
    expect(await contoso(10)).toEqual({ compliant: 1, total: 4 });
    expect(await contoso(1)).toEqual({ compliant: 1, total: 4 });
    expect(r.services.find((s) => s.service === "contoso-edi")!.verdict).toBe("pass");
  });

  it("judges a past day by the storage replication of that day, not today's (LRS until yesterday, then GRS)", async () => {
    await goodBackup(daysAgo(10));
    await goodDrill(daysAgo(20));
    await storageFactsAt(daysAgo(60), "LRS");
    await storageFactsAt(daysAgo(1), "GRS");
    const r = await report();
    const [before, after] = [await pointOn(r, 5), await pointOn(r, 0)];
    expect(before.failingByRule["storage-geo"]).toBe((after.failingByRule["storage-geo"] ?? 0) + 1);
    expect([before.compliant, after.compliant]).toEqual([0, 1]);
    const rule = r.services
      .find((s) => s.service === "contoso-edi")!
      .rules.find((x) => x.rule === "storage-geo")!;
    expect(rule).toMatchObject({ verdict: "pass", evidence: expect.stringMatching(/^GRS/) });
  });

  it("judges a past day by the drills finished by then: restorable only from the first drill", async () => {
    await goodBackup(daysAgo(10));
    await goodDrill(daysAgo(8));
    const r = await report();
    expect((await pointOn(r, 9)).failingByRule.restorable).toBe(
      ((await pointOn(r, 7)).failingByRule.restorable ?? 0) + 1,
    );
    expect([(await pointOn(r, 9)).compliant, (await pointOn(r, 7)).compliant]).toEqual([0, 1]);
  });

  it("says when the estate's facts were first recorded, if a day needed facts from before then", async () => {
    const r = await report();
    // The fixture's facts were recorded when it was made, after the report's `now`.
    expect(r.trendNote).toMatch(/Estate facts were first recorded after 2026-11-24/);
    await f.db.execute(
      sql`update estate_fact_history set valid_from = ${daysAgo(90).toISOString()}`,
    );
    expect((await report()).trendNote).not.toMatch(/first recorded/);
  });

  it("records each change of a component's facts and of a service's units, and only changes", async () => {
    const id = await storageFactsAt(daysAgo(60), "LRS");
    const rows = () =>
      queryRows<{ subject: string; facts: Record<string, unknown> }>(
        f.db,
        sql`select subject, facts from estate_fact_history
            where subject_id in (${id}, 'contoso-edi') order by id`,
      );
    const before = (await rows()).length;
    await f.db.execute(sql`update components set attributes = attributes where id = ${id}`);
    await f.db.execute(sql`update services set units = units where id = 'contoso-edi'`);
    expect((await rows()).length).toBe(before);
    await f.db.execute(
      sql`update components set attributes = attributes || '{"replication":"ZRS"}' where id = ${id}`,
    );
    await f.db.execute(sql`update services set units = units + 1 where id = 'contoso-edi'`);
    const after = await rows();
    expect(
      after.slice(before).map((r) => [r.subject, r.facts.replication ?? r.facts.units]),
    ).toEqual([
      ["component", "ZRS"],
      ["service", expect.any(Number)],
    ]);
  });

  it("counts a deleted service on the days it existed, and not after", async () => {
    await f.db
      .update(tables.services)
      .set({ retiredAt: daysAgo(5) })
      .where(eq(tables.services.id, "northwind-dev"));
    const r = await report();
    expect((await pointOn(r, 6)).total).toBe(4);
    expect((await pointOn(r, 4)).total).toBe(3);
    expect(r.trend.at(-1)!.total).toBe(3);
    expect(r.services.map((s) => s.service)).not.toContain("northwind-dev");
  });
});

describe("which services a day of the trend counts", () => {
  const day = { from: daysAgo(3), to: new Date(daysAgo(2).getTime() - 1) };
  const during = (createdAt: Date, retiredAt: Date | null = null) =>
    existedDuring({ createdAt, retiredAt }, day.from, day.to);

  it("counts a service created by the day's end and not deleted before its start", () => {
    expect(during(daysAgo(10))).toBe(true);
    expect(during(new Date(daysAgo(3).getTime() + 3_600_000))).toBe(true);
    expect(during(daysAgo(10), new Date(daysAgo(3).getTime() + 3_600_000))).toBe(true);
  });

  it("leaves out one created later, or deleted before the day", () => {
    expect(during(daysAgo(2))).toBe(false);
    expect(during(now)).toBe(false);
    expect(during(daysAgo(10), daysAgo(3))).toBe(false);
  });
});
