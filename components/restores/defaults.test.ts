import { describe, expect, it } from "vitest";
import {
  defaultStorage,
  defaultTargetName,
  defaultTrackingDatabase,
  parseBefore,
} from "./defaults";

describe("default names of the restored service", () => {
  it("is <service>-restored when that fits in 20 characters and is free", () => {
    expect(defaultTargetName("contoso-edi", [])).toBe("contoso-edi-restored");
  });

  it("takes a shorter suffix when <service>-restored is too long", () => {
    expect(defaultTargetName("fabrikam-b2b", [])).toBe("fabrikam-b2b-rst");
    expect(defaultTargetName("abcdefghijklmnopqrst", [])).toBe("abcdefghijklmnopq-dr");
  });

  it("skips names that are taken, and never ends the service part with a hyphen", () => {
    expect(defaultTargetName("contoso-edi", ["contoso-edi-restored"])).toBe("contoso-edi-rst");
    expect(
      defaultTargetName("contoso-edi", [
        "contoso-edi-restored",
        "contoso-edi-rst",
        "contoso-edi-dr",
      ]),
    ).toBe("contoso-edi-r2");
    expect(defaultTargetName("abcdefghijklmnop-rst", [])).toBe("abcdefghijklmnop-dr");
    expect(defaultTargetName("abcdefghijklmnopqrst", ["abcdefghijklmnopq-dr"])).toBe(
      "abcdefghijklmnopq-r2",
    );
  });

  it("derives a tracking database and a storage account name from the target", () => {
    expect(defaultTrackingDatabase("contoso-edi-restored")).toBe("contoso-edi-restored-tracking");
    expect(defaultTrackingDatabase("")).toBe("");
    expect(defaultStorage("Contoso-EDI-restored")).toBe("contosoedirestored");
    expect(defaultStorage("ab")).toBe("abstore");
    expect(defaultStorage("a".repeat(30))).toHaveLength(24);
    expect(defaultStorage("---")).toBe("");
  });
});

describe("the picker's 'before' time", () => {
  it("reads a datetime-local value as UTC, and takes an ISO time with its offset", () => {
    expect(parseBefore("2026-11-24T08:30")).toEqual({ iso: "2026-11-24T08:30:00.000Z" });
    expect(parseBefore("2026-11-24T08:30:15")).toEqual({ iso: "2026-11-24T08:30:15.000Z" });
    expect(parseBefore("2026-11-24T10:30+02:00")).toEqual({ iso: "2026-11-24T08:30:00.000Z" });
    expect(parseBefore(" ")).toEqual({ iso: null });
    expect(parseBefore(undefined)).toEqual({ iso: null });
  });

  it("refuses what is not a date-time, or a day that does not exist, saying how to write it", () => {
    for (const bad of ["yesterday", "2026-11-24", "2026-13-01T00:00", "2026-02-30T10:00"]) {
      const result = parseBefore(bad);
      expect(result.iso).toBeNull();
      expect(result.error).toMatch(/write it as 2026-11-24T08:00 \(UTC\)/);
    }
  });
});
