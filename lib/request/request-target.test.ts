import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { checkRequestTarget } from "./request-target";

describe("checkRequestTarget", () => {
  it("refuses a path segment that is not valid percent-encoded UTF-8, naming it", () => {
    for (const [target, segment] of [
      ["/api/backups/%ff", "%ff"],
      ["/api/restores/%", "%"],
      ["/services/%E0%A4%A", "%E0%A4%A"],
      ["/restores/%c0%80/x", "%c0%80"],
      ["/api/backups/%ed%a0%80", "%ed%a0%80"],
      ["http://localhost:3000/backups/a%zz", "a%zz"],
    ]) {
      expect(checkRequestTarget(target!), target).toEqual({
        field: "path",
        message: `The path segment "${segment}" is not valid percent-encoded UTF-8 (a lone or malformed % escape).`,
      });
    }
  });

  it("refuses a NUL in a path segment, a parameter's name or its value", () => {
    expect(checkRequestTarget("/api/backups/a%00b")?.message).toBe(
      'The path segment "a%00b" contains a NUL character (%00): remove it.',
    );
    expect(checkRequestTarget("/api/backups?service=a%00b")).toEqual({
      field: "service",
      message: 'The query parameter "service" contains a NUL character (%00): remove it.',
    });
    expect(checkRequestTarget("/x?a%00=1")?.field).toBe("a\\u0000");
  });

  it("lets good addresses through, malformed query escapes included (they read as U+FFFD)", () => {
    for (const target of [
      "/",
      "/api/backups?service=contoso-edi&page=2",
      "/services/contoso%2Dedi",
      "/components/%F0%9F%98%80",
      "/api/backups?service=%ff",
      "/sign-in?next=%2Fbackups%3Fx%3D1",
      "//double/slash",
      "http://localhost:3000/api/v2/status.json?_=123",
    ])
      expect(checkRequestTarget(target), target).toBeNull();
  });

  it("never throws, whatever the target", () => {
    fc.assert(
      fc.property(fc.string({ unit: "binary" }), (raw) => {
        const result = checkRequestTarget(`/${raw}`);
        expect(result === null || typeof result.message === "string").toBe(true);
      }),
      { numRuns: 2_000 },
    );
  });
});
