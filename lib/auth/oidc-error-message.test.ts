import { describe, expect, it } from "vitest";
import { oidcErrorMessage } from "./browser-auth";

describe("the message for an OIDC callback's ?error= code", () => {
  it("is the known text for a known code", () => {
    expect(oidcErrorMessage("NO_ROLE", "Microsoft")).toMatch(/has no Standfast role/);
  });

  it("is the general text, as text, for any other code, Object's own names included", () => {
    for (const code of ["toString", "constructor", "__proto__", "valueOf", "nope"]) {
      const message = oidcErrorMessage(code, "Microsoft");
      expect(typeof message, code).toBe("string");
      expect(message).toMatch(/^Signing in with Microsoft did not complete/);
    }
  });
});
