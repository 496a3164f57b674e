import { describe, expect, it } from "vitest";
import { overlayMaintenance } from "../health/maintenance-overlay";
import { dueTransitions, transitionRefusal } from "./maintenance-schedule";

const at = (iso: string) => new Date(`2026-11-24T${iso}:00Z`);

describe("maintenance schedule", () => {
  const windows = [
    {
      id: "later",
      status: "scheduled" as const,
      scheduledFor: at("12:00"),
      scheduledUntil: at("13:00"),
    },
    {
      id: "due",
      status: "scheduled" as const,
      scheduledFor: at("10:00"),
      scheduledUntil: at("11:00"),
    },
    {
      id: "missed",
      status: "scheduled" as const,
      scheduledFor: at("08:00"),
      scheduledUntil: at("09:00"),
    },
    {
      id: "running",
      status: "in_progress" as const,
      scheduledFor: at("09:00"),
      scheduledUntil: at("10:30"),
    },
    {
      id: "verifying",
      status: "verifying" as const,
      scheduledFor: at("09:00"),
      scheduledUntil: at("10:00"),
    },
    {
      id: "done",
      status: "completed" as const,
      scheduledFor: at("08:00"),
      scheduledUntil: at("09:00"),
    },
  ];

  it("starts what is due and completes what has passed its end, by itself", () => {
    expect(dueTransitions(windows, at("10:15"))).toEqual([
      { id: "due", to: "in_progress" },
      { id: "missed", to: "completed" },
      { id: "verifying", to: "completed" },
    ]);
    expect(dueTransitions(windows, at("10:30"))).toContainEqual({ id: "running", to: "completed" });
    expect(dueTransitions(windows, at("07:00"))).toEqual([]);
  });

  it("people move it forwards, back from verifying, or complete it early; completed is final", () => {
    expect(transitionRefusal("scheduled", "in_progress")).toBeNull();
    expect(transitionRefusal("scheduled", "completed")).toBeNull();
    expect(transitionRefusal("in_progress", "verifying")).toBeNull();
    expect(transitionRefusal("verifying", "in_progress")).toBeNull();
    expect(transitionRefusal("in_progress", "in_progress")).toBeNull();
    expect(transitionRefusal("scheduled", "verifying")).toBe(
      "A maintenance cannot go from scheduled to verifying.",
    );
    expect(transitionRefusal("in_progress", "scheduled")).toMatch(/cannot go from in progress/);
    expect(transitionRefusal("completed", "in_progress")).toMatch(/completed/);
    expect(transitionRefusal("completed", "completed")).toMatch(/completed/);
  });
});

describe("maintenance overlay", () => {
  const stored = (status: "operational" | "major_outage", since: string) => ({
    status,
    reason: status === "major_outage" ? "probe failed" : null,
    since: at(since),
    checkedAt: at("10:20"),
  });

  it("shows components in maintenance as under_maintenance with the window, and leaves others alone", () => {
    const statuses = new Map([
      ["a.roles", stored("major_outage", "10:05")],
      ["b.roles", stored("operational", "08:00")],
    ]);
    const out = overlayMaintenance(statuses, [
      {
        componentId: "a.roles",
        title: "Patch",
        startedAt: at("10:00"),
        scheduledUntil: at("11:00"),
      },
      { componentId: "gone", title: "Patch", startedAt: at("10:00"), scheduledUntil: at("11:00") },
    ]);
    expect(out.get("a.roles")).toEqual({
      status: "under_maintenance",
      reason: 'Scheduled maintenance "Patch" until 2026-11-24 11:00 UTC',
      since: at("10:05"),
      checkedAt: at("10:20"),
    });
    expect(out.get("b.roles")).toBe(statuses.get("b.roles"));
    expect(out.has("gone")).toBe(false);
    // The reading's own time is kept: a stale reading still turns unknown on the board.
    expect(statuses.get("a.roles")!.status).toBe("major_outage");
  });
});
