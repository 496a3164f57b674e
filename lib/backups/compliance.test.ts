import { describe, expect, it } from "vitest";
import {
  afterChangeRule,
  evaluateService,
  offsiteRule,
  restorableRule,
  rpoRule,
  storageGeoRule,
  type ComplianceInput,
} from "./compliance";

const now = new Date("2026-11-24T12:00:00Z");
const h = (n: number) => new Date(now.getTime() - n * 3_600_000);
const backup = (name: string, hoursAgo: number, region = "northeurope", isGood = true) => ({
  name,
  region,
  good: isGood,
  startedAt: h(hoursAgo),
  finishedAt: h(hoursAgo - 0.1),
});
const DAY = 86_400_000;
const drill = (
  backupName: string,
  hoursAgo: number,
  succeeded = true,
  reason: string | null = null,
) => ({
  backupName,
  succeeded,
  finishedAt: h(hoursAgo),
  rtoMs: succeeded ? 1_500 : null,
  reason,
});
const input = (over: Partial<ComplianceInput> = {}): ComplianceInput => ({
  service: { id: "contoso-edi", edition: "premium", region: "westeurope" },
  instances: 4,
  storage: { replication: "RA-GRS", secondaryRegion: "northeurope", syncLagMs: 300_000 },
  trackingContinuity: "geo-replication",
  backups: [backup("b1", 2)],
  operations: [],
  drills: [drill("b1", 5)],
  now,
  rpoMs: 24 * 3_600_000,
  drillWithinMs: 30 * DAY,
  ...over,
});

describe("compliance rules", () => {
  it("a well-run premium service passes every rule, with evidence", () => {
    const report = evaluateService(
      input({
        operations: [{ id: "1", kind: "ssl.update", summary: "new certificate", at: h(3) }],
      }),
    );
    expect(report.verdict).toBe("pass");
    expect(Object.fromEntries(report.rules.map((r) => [r.rule, r.verdict]))).toEqual({
      rpo: "pass",
      "after-change": "pass",
      offsite: "pass",
      "storage-geo": "pass",
      "tracking-continuity": "pass",
      "high-availability": "pass",
      edition: "pass",
      restorable: "pass",
    });
    expect(report.rules.find((r) => r.rule === "storage-geo")!.evidence).toBe(
      "RA-GRS to northeurope; secondary 5 min behind",
    );
  });

  it("RPO: fails past the target, and with no good backup; failed backups do not count", () => {
    expect(rpoRule(input({ backups: [backup("old", 30)] }))).toMatchObject({
      verdict: "fail",
      evidence: expect.stringContaining("old is 30 h old"),
    });
    expect(rpoRule(input({ backups: [backup("bad", 1, "northeurope", false)] })).evidence).toMatch(
      /^no good backup at all/,
    );
    expect(rpoRule(input({ rpoMs: 3_600_000, backups: [backup("b", 2)] })).verdict).toBe("fail");
  });

  it("after-change: lists each operation with no good backup after it", () => {
    const r = afterChangeRule(
      input({
        backups: [backup("b", 10), backup("failed", 1, "northeurope", false)],
        operations: [
          { id: "1", kind: "agreement.change", summary: "Fabrikam X12 agreement", at: h(12) },
          { id: "2", kind: "ssl.update", summary: "new certificate", at: h(5) },
        ],
      }),
    );
    expect(r.verdict).toBe("fail");
    expect(r.evidence).toBe("1 of 2 management operations have no good backup after them");
    expect(r.items).toEqual([`${h(5).toISOString()} ssl.update: new certificate`]);
    expect(afterChangeRule(input()).verdict).toBe("not_applicable");
  });

  it("offsite: needs a good copy outside the service's own region", () => {
    expect(offsiteRule(input({ backups: [backup("local", 1, "westeurope")] })).verdict).toBe(
      "fail",
    );
    expect(offsiteRule(input({ backups: [backup("away", 1, "eastus", false)] })).verdict).toBe(
      "fail",
    );
  });

  it("storage must be in the GRS family", () => {
    expect(
      storageGeoRule(
        input({ storage: { replication: "LRS", secondaryRegion: null, syncLagMs: null } }),
      ),
    ).toMatchObject({ verdict: "fail", evidence: expect.stringMatching(/^LRS keeps no copy/) });
    expect(
      storageGeoRule(
        input({ storage: { replication: "GZRS", secondaryRegion: null, syncLagMs: null } }),
      ).evidence,
    ).toBe("GZRS; sync lag unknown");
  });

  it("a developer service fails on edition, and the backup rules do not apply to it", () => {
    const report = evaluateService(
      input({
        service: { id: "northwind-dev", edition: "developer", region: "southeastasia" },
        instances: 1,
        backups: [],
        trackingContinuity: "none",
      }),
    );
    const v = Object.fromEntries(report.rules.map((r) => [r.rule, r.verdict]));
    expect(v).toMatchObject({
      rpo: "not_applicable",
      offsite: "not_applicable",
      "high-availability": "not_applicable",
      edition: "fail",
      "tracking-continuity": "fail",
      restorable: "not_applicable",
    });
    expect(report.verdict).toBe("fail");
  });

  it("a paid service on one instance fails high availability", () => {
    expect(
      evaluateService(input({ instances: 1 })).rules.find((r) => r.rule === "high-availability")!
        .verdict,
    ).toBe("fail");
  });

  it("restorable: passes on a drill that succeeded within the window, with its evidence", () => {
    expect(restorableRule(input())).toEqual({
      rule: "restorable",
      verdict: "pass",
      evidence:
        "a drill restored b1 5 h ago, ready in 2 s (target: a drill that succeeded within 30 d)",
    });
  });

  it("restorable: fails with no drill, with only failed drills (naming the reason), and past the window", () => {
    expect(restorableRule(input({ drills: [] }))).toMatchObject({
      verdict: "fail",
      evidence: "no restore drill has been run (target: a drill that succeeded within 30 d)",
    });
    const failed = restorableRule(
      input({ drills: [drill("b1", 2, false, "restored configuration differs")] }),
    );
    expect(failed).toMatchObject({
      verdict: "fail",
      evidence: expect.stringMatching(/^no drill has succeeded; the last one failed 2 h ago/),
    });
    expect(failed.items).toEqual([
      `${h(2).toISOString()} drill of b1 failed: restored configuration differs`,
    ]);
    expect(restorableRule(input({ drills: [drill("b0", 31 * 24)] }))).toMatchObject({
      verdict: "fail",
      evidence:
        "the last drill that succeeded was 31 d ago (target: a drill that succeeded within 30 d)",
    });
    // A drill finishing after the moment judged is not evidence yet (the trend's past days).
    expect(restorableRule(input({ drills: [drill("b1", -1)] })).verdict).toBe("fail");
  });
});
