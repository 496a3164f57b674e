import { describe, expect, it } from "vitest";
import { RULES } from "./compliance-types";
import { NEXT_STEPS, nextSteps, stepForViewer, stepText } from "./next-steps";

const active = { id: "fabrikam-b2b", state: "active" };

describe("the next steps of failing compliance rules", () => {
  it("every rule has a step; each is a form a role may use, or says what to do outside Standfast", () => {
    for (const rule of RULES) {
      expect(NEXT_STEPS[rule].length, rule).toBeGreaterThan(0);
      for (const step of NEXT_STEPS[rule]) {
        if (step.target) expect(step.role, `${rule} ${step.action}`).not.toBeNull();
        else expect(step.outside, `${rule} ${step.action}`).toMatch(/\S/);
      }
    }
  });

  it("links the backup rules to the service's forms: taking a backup (operator), the schedule (admin)", () => {
    expect(nextSteps("rpo", active)).toEqual([
      {
        action: "take-backup",
        label: "Take a backup now",
        role: "operator",
        href: "/services/fabrikam-b2b#take-backup",
        note: null,
      },
      {
        action: "set-schedule",
        label: "Schedule a daily backup",
        role: "admin",
        href: "/services/fabrikam-b2b#schedule-settings",
        note: null,
      },
    ]);
    expect(nextSteps("offsite", active).map((s) => [s.action, s.role, s.href])).toEqual([
      ["copy-to-another-region", "operator", "/services/fabrikam-b2b#take-backup"],
      ["schedule-to-another-region", "admin", "/services/fabrikam-b2b#schedule-settings"],
    ]);
    expect(nextSteps("after-change", active).map((s) => s.role)).toEqual(["operator", "admin"]);
  });

  it("gives no link while the service's state forbids backups, and says why", () => {
    for (const step of nextSteps("rpo", { id: "x-restored", state: "restore_failed" })) {
      expect(step.href).toBeNull();
      expect(step.note).toBe(
        "Not while x-restored is restore failed: backups and schedules need it active, suspended or stopped.",
      );
    }
    expect(nextSteps("rpo", { id: "eai", state: "suspended" })[0]!.href).toBe(
      "/services/eai#take-backup",
    );
  });

  it("a viewer is told the role needed; an operator gets the backup link; an admin gets both", () => {
    const [take, schedule] = nextSteps("rpo", active);
    expect(stepForViewer(take!, "viewer")).toEqual({ kind: "needs-role", role: "operator" });
    expect(stepForViewer(take!, null)).toEqual({ kind: "needs-role", role: "operator" });
    expect(stepForViewer(take!, "operator")).toEqual({
      kind: "link",
      href: "/services/fabrikam-b2b#take-backup",
    });
    expect(stepForViewer(schedule!, "operator")).toEqual({ kind: "needs-role", role: "admin" });
    expect(stepForViewer(schedule!, "admin")).toMatchObject({ kind: "link" });
  });

  it("steps done outside Standfast are the same words for every role", () => {
    const [geo] = nextSteps("storage-geo", active);
    for (const role of [null, "viewer", "operator", "admin"] as const)
      expect(stepForViewer(geo!, role)).toEqual({ kind: "note", text: geo!.note });
    expect(geo!.note).toMatch(/in Azure/);
  });

  it("reads as one line of text for the CSV", () => {
    const [take] = nextSteps("rpo", active);
    expect(stepText(take!)).toBe(
      "Take a backup now (operator): /services/fabrikam-b2b#take-backup",
    );
    expect(stepText(nextSteps("edition", active)[0]!)).toMatch(
      /^Move to the basic edition or higher: Change the edition in Azure/,
    );
  });
});
