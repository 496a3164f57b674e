import { describe, expect, it } from "vitest";
import { backupName, nextSlot, planRetention, type RetentionCandidate } from "./retention";

const DAY = 86_400_000;
const now = new Date("2026-11-24T12:00:00Z");
const ago = (days: number) => new Date(now.getTime() - days * DAY);
const b = (id: string, daysAgo: number, extra: Partial<RetentionCandidate> = {}) => ({
  id,
  trigger: "scheduled",
  status: "succeeded",
  finishedAt: ago(daysAgo),
  ...extra,
});

describe("planRetention", () => {
  const options = { retentionMs: 7 * DAY, keepAtLeastOne: true, now };

  it("removes automatic backups older than the retention, and nothing younger", () => {
    expect(
      planRetention([b("new", 1), b("edge", 6.9), b("old", 8), b("older", 30)], options),
    ).toEqual(["old", "older"]);
  });

  it("never removes the last good backup, however old", () => {
    expect(planRetention([b("only", 40)], options)).toEqual([]);
    expect(planRetention([b("a", 40), b("b", 50)], { ...options, keepAtLeastOne: false })).toEqual([
      "b",
    ]);
  });

  it("does not count failed backups as the one to keep", () => {
    const rows = [b("failed", 1, { status: "failed" }), b("good", 20), b("older", 30)];
    expect(planRetention(rows, options)).toEqual(["older"]);
  });

  it("keeps the newest automatic backup too when keepAtLeastOne is set, even if an on-demand one is newer", () => {
    const rows = [b("manual", 1, { trigger: "on-demand" }), b("auto", 20), b("auto-old", 30)];
    expect(planRetention(rows, options)).toEqual(["auto-old"]);
    expect(planRetention(rows, { ...options, keepAtLeastOne: false })).toEqual([
      "auto",
      "auto-old",
    ]);
  });

  it("never removes on-demand backups", () => {
    expect(planRetention([b("a", 1), b("m", 90, { trigger: "on-demand" })], options)).toEqual([]);
  });
});

describe("nextSlot", () => {
  it("is one frequency later when on time", () => {
    expect(nextSlot(ago(0.5), DAY, now)).toEqual(new Date(ago(0.5).getTime() + DAY));
  });
  it("skips missed slots after downtime, keeping the cadence", () => {
    const slot = new Date("2026-11-20T02:00:00Z");
    expect(nextSlot(slot, DAY, now)).toEqual(new Date("2026-11-25T02:00:00Z"));
  });
});

describe("backupName", () => {
  it("is <service>-<UTC timestamp>, in lower case", () => {
    expect(backupName("contoso-edi", new Date("2026-11-24T18:45:07.123Z"))).toBe(
      "contoso-edi-20261124-184507z",
    );
  });
});
