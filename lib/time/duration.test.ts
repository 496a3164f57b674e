import { describe, expect, it } from "vitest";
import { formatAge, formatDuration, parseDuration } from "./duration";

describe("parseDuration", () => {
  it.each([
    ["500ms", 500],
    ["30s", 30_000],
    ["10m", 600_000],
    ["1h", 3_600_000],
    ["7d", 604_800_000],
    ["1.5s", 1_500],
  ])("reads %s", (text, ms) => expect(parseDuration(text)).toBe(ms));

  it.each(["", "30", "s", "10 minutes", "-5s", "1w"])("refuses %j", (text) =>
    expect(parseDuration(text)).toBeNull(),
  );
});

describe("formatAge and formatDuration", () => {
  it("keeps ages short", () => {
    expect(formatAge(4_200)).toBe("4 s");
    expect(formatAge(90_000)).toBe("90 s");
    expect(formatAge(120_000)).toBe("2 min");
    expect(formatAge(5 * 60_000)).toBe("5 min");
    expect(formatAge(3 * 3_600_000)).toBe("3 h");
    expect(formatAge(3 * 86_400_000)).toBe("3 d");
  });
  it("round-trips whole units", () => {
    for (const text of ["250ms", "30s", "10m", "2h", "7d"]) {
      expect(formatDuration(parseDuration(text)!)).toBe(text);
    }
  });
});
