import fs from "node:fs";
import path from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { tables } from "../db";
import { seedDemoBackups } from "./demo";
import { listBackups } from "./queries";
import { complianceReport } from "./report";
import { backupFixture, type BackupFixture } from "../../testing/backups";
import { seedDemoDrills } from "../drills/demo";

const verdicts = (report: Awaited<ReturnType<typeof complianceReport>>, service: string) =>
  Object.fromEntries(
    report.services.find((s) => s.service === service)!.rules.map((r) => [r.rule, r.verdict]),
  );

describe("the demo estate's backup history", () => {
  let f: BackupFixture;
  let report: Awaited<ReturnType<typeof complianceReport>>;
  beforeAll(async () => {
    f = await backupFixture("pglite");
    expect((await seedDemoBackups(f.db, f.stores)).seeded).toBe(true);
    expect(await seedDemoDrills(f.db, f.stores)).toEqual({ ran: 2, recorded: 4 });
    report = await complianceReport(f.db, { rpoMs: 86_400_000, days: 90 });
  }, 120_000);
  afterAll(() => f.close());

  it("is made once, with real archives for the last week", async () => {
    expect(await seedDemoBackups(f.db, f.stores)).toEqual({ seeded: false, backups: 0 });
    const files = fs.readdirSync(path.join(f.root, "northeurope"));
    expect(files.length).toBeGreaterThanOrEqual(7);
    const page = await listBackups(f.db, { page: 1, pageSize: 100, status: "succeeded" }, f.stores);
    expect(page.rows.every((r) => r.checksum === "verified")).toBe(true);
    const triggers = new Set(page.rows.map((r) => r.trigger));
    expect(triggers).toEqual(new Set(["scheduled", "after-change"]));
  });

  it("logs every step of a backup between its request and its finish; retention at its pruning, checks after", async () => {
    const rows = await f.db.select().from(tables.backups);
    expect(rows.length).toBeGreaterThan(90);
    const misplaced: string[] = [];
    for (const b of rows) {
      for (const e of b.log as { at: string; message: string }[]) {
        const at = new Date(e.at).getTime();
        // Later checks (a verification, a drill reading the archive back) come after its finish.
        const inWindow = /^removed by retention/.test(e.message)
          ? at === b.prunedAt!.getTime()
          : /^verification:/.test(e.message)
            ? at >= b.finishedAt!.getTime()
            : at >= b.requestedAt.getTime() && at <= b.finishedAt!.getTime();
        if (!inWindow) misplaced.push(`${b.name}: ${e.at} ${e.message}`);
      }
      expect(b.startedAt!.getTime()).toBeGreaterThanOrEqual(b.requestedAt.getTime());
      expect(b.finishedAt!.getTime()).toBeGreaterThan(b.startedAt!.getTime());
    }
    expect(misplaced).toEqual([]);
  });

  it("gives each service a different compliance story", () => {
    expect(report.summary).toMatchObject({ services: 4, compliant: 1, failing: 3 });
    expect(verdicts(report, "contoso-edi")).toMatchObject({
      rpo: "pass",
      "after-change": "pass",
      offsite: "pass",
      restorable: "pass",
    });
    expect(verdicts(report, "fabrikam-b2b")).toMatchObject({
      rpo: "pass",
      "after-change": "fail",
      offsite: "fail",
    });
    expect(verdicts(report, "fabrikam-eai")).toMatchObject({
      restorable: "fail",
      rpo: "fail",
      "after-change": "fail",
      "storage-geo": "fail",
    });
    expect(verdicts(report, "northwind-dev")).toMatchObject({
      edition: "fail",
      rpo: "not_applicable",
    });
  });

  it("has a 90-day trend from the recorded history", () => {
    expect(report.trend).toHaveLength(90);
    expect(report.trend.every((p) => p.total === 4)).toBe(true);
    // contoso-edi missed its RPO when two scheduled backups failed, six weeks ago.
    const failing = report.trend.map((p) => p.failing);
    expect(Math.max(...failing)).toBe(4);
    expect(failing.at(-1)).toBe(3);
    // Its monthly drills kept it restorable on every day of the 90.
    expect(
      report.trend.every(
        (p) => (p.failingByRule.restorable ?? 0) === (p === report.trend.at(-1) ? 1 : 2),
      ),
    ).toBe(true);
  });
});
