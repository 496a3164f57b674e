import { afterEach, beforeEach, describe, expect, it } from "vitest";
import { ENGINES } from "../../testing/db";
import type { Role } from "../roles";
import { backupFixture, type BackupFixture } from "../../testing/backups";
import { backedUp } from "../../testing/restores";
import { requestDrill, setDrillSchedule } from "../drills/requests";
import { NEXT_STEPS, STEP_TARGETS } from "./next-steps";
import { complianceReport } from "./report";
import { requestBackup, setSchedule } from "./requests";

const BELOW: Record<Role, Role | null> = { viewer: null, operator: "viewer", admin: "operator" };

describe.each(ENGINES)("next steps against the verbs behind them, on %s", (engine) => {
  let f: BackupFixture;
  beforeEach(async () => {
    f = await backupFixture(engine);
  });
  afterEach(() => f.close());

  let n = 0;
  /** The verb each target's form calls, as the given role. */
  const verbs: Record<keyof typeof STEP_TARGETS, (role: Role | null) => Promise<unknown>> = {
    "take-backup": (role) =>
      requestBackup(
        f.ctx(role),
        { service: "contoso-edi", region: "northeurope", name: `step-${++n}` },
        {
          stores: f.stores,
        },
      ),
    schedule: (role) =>
      setSchedule(
        f.ctx(role),
        "contoso-edi",
        { frequency: "1d", retention: "7d", store: "local", region: "northeurope" },
        { stores: f.stores },
      ),
    drill: (role) => requestDrill(f.ctx(role), "contoso-edi", {}),
    "drill-schedule": (role) =>
      setDrillSchedule(f.ctx(role), "contoso-edi", { everyDays: 30 }).then(() => "saved"),
  };

  it("each step's role is the least role its form's verb accepts", async () => {
    await backedUp(f); // a drill needs a good backup to restore
    const steps = Object.values(NEXT_STEPS)
      .flat()
      .filter((s) => s.target !== null);
    expect(steps.length).toBeGreaterThan(0);
    for (const step of steps) {
      const verb = verbs[step.target!];
      await expect(verb(BELOW[step.role!]), step.action).rejects.toThrow(
        new RegExp(`needs the ${step.role} role`),
      );
      await expect(verb(step.role), step.action).resolves.toBeDefined();
    }
  });

  it("the report gives each failing rule its next steps, and passing rules none", async () => {
    const report = await complianceReport(f.db, { rpoMs: 86_400_000, days: 1 });
    const b2b = report.services.find((s) => s.service === "fabrikam-b2b")!;
    const rpo = b2b.rules.find((r) => r.rule === "rpo")!;
    expect(rpo.verdict).toBe("fail");
    expect(rpo.nextSteps?.map((s) => s.href)).toEqual([
      "/services/fabrikam-b2b#take-backup",
      "/services/fabrikam-b2b#schedule-settings",
    ]);
    for (const r of report.services.flatMap((s) => s.rules))
      expect(Boolean(r.nextSteps?.length), r.rule).toBe(r.verdict === "fail");
  });
});
