import { describe, expect, it } from "vitest";
import { statusSteps } from "./status-steps";

const at = (hms: string) => `2026-12-03T${hms}.000Z`;

describe("an affected component's status over the incident", () => {
  it("drops the starting status when the first change came at the incident's start", () => {
    expect(
      statusSteps({ at: at("12:00:00"), status: "operational" }, [
        { at: at("12:00:00"), status: "degraded_performance" },
        { at: at("12:05:00"), status: "operational" },
      ]),
    ).toEqual([
      { at: at("12:00:00"), status: "degraded_performance" },
      { at: at("12:05:00"), status: "operational" },
    ]);
  });

  it("keeps the starting status when it lasted, and orders the changes", () => {
    expect(
      statusSteps({ at: at("12:00:00"), status: "degraded_performance" }, [
        { at: at("12:09:00"), status: "operational" },
        { at: at("12:03:00"), status: "partial_outage" },
      ]).map((s) => s.status),
    ).toEqual(["degraded_performance", "partial_outage", "operational"]);
  });

  it("merges a change that repeats the status before it", () => {
    expect(
      statusSteps(null, [
        { at: at("12:01:00"), status: "degraded_performance" },
        { at: at("12:02:00"), status: "degraded_performance" },
        { at: at("12:04:00"), status: "operational" },
      ]),
    ).toEqual([
      { at: at("12:01:00"), status: "degraded_performance" },
      { at: at("12:04:00"), status: "operational" },
    ]);
  });

  it("shows nothing when nothing is known", () => {
    expect(statusSteps(null, [])).toEqual([]);
  });
});
