import { describe, expect, it } from "vitest";
import {
  editionsFrom,
  TARGET_NAME,
  TARGET_NAME_PATTERN,
  whyNotRestorable,
} from "./restore-choices";

describe("editions a backup may be restored as", () => {
  it("offers the backup's own edition and higher ones, never lower", () => {
    expect(editionsFrom("basic")).toEqual(["basic", "standard", "premium"]);
    expect(editionsFrom("standard")).toEqual(["standard", "premium"]);
    expect(editionsFrom("premium")).toEqual(["premium"]);
  });
  it("offers none for the developer edition, which cannot be restored", () => {
    expect(editionsFrom("developer")).toEqual([]);
  });
});

describe("which backups can be restored", () => {
  it("takes a succeeded backup only, and says why not for any other", () => {
    expect(whyNotRestorable({ name: "edi-1", status: "succeeded" })).toBeNull();
    for (const status of ["queued", "running", "failed", "pruned"])
      expect(whyNotRestorable({ name: "edi-1", status })).toBe(
        `edi-1 is ${status}: only a succeeded backup can be restored`,
      );
  });
});

describe("the restored service's name", () => {
  it("is 6 to 20 letters, digits and hyphens, alike as a RegExp and as a form pattern", () => {
    const pattern = new RegExp(`^(?:${TARGET_NAME_PATTERN})$`, "v");
    for (const [name, ok] of [
      ["contoso-edi", true],
      ["abcdef", true],
      ["a".repeat(20), true],
      ["abcde", false],
      ["a".repeat(21), false],
      ["contoso_edi", false],
      ["contoso edi", false],
    ] as const) {
      expect(TARGET_NAME.test(name)).toBe(ok);
      expect(pattern.test(name)).toBe(ok);
    }
  });
});
