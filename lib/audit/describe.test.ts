import { describe, expect, it } from "vitest";
import { actorText, describeInput } from "./describe";

describe("an audit row in words", () => {
  it("lists each input field as label and value, nested keys joined, secrets left masked", () => {
    expect(
      describeInput({
        kind: "update-ssl-certificate",
        validForDays: 397,
        certificate: { password: "[redacted]", thumbprint: "AB12" },
        passwordChanged: true,
        pipeline: ["decode", "encode"],
        region: null,
      }),
    ).toEqual([
      { label: "kind", value: "update-ssl-certificate" },
      { label: "valid for days", value: "397" },
      { label: "certificate › password", value: "[redacted]" },
      { label: "certificate › thumbprint", value: "AB12" },
      { label: "password changed", value: "yes" },
      { label: "pipeline", value: "decode, encode" },
      { label: "region", value: "none" },
    ]);
    expect(describeInput(null)).toEqual([]);
    expect(describeInput({ items: [{ id: "a" }, "b"] })).toEqual([
      { label: "items 1 › id", value: "a" },
      { label: "items 2", value: "b" },
    ]);
  });

  it("names people by name and e-mail; others by what they are", () => {
    const row = { actorKind: "user", actorId: "u_123", actorName: null, actorEmail: null };
    expect(
      actorText({ ...row, actorName: "Demo admin", actorEmail: "admin@demo.standfast.test" }),
    ).toEqual({ primary: "Demo admin", secondary: "admin@demo.standfast.test" });
    expect(actorText(row)).toEqual({ primary: "u_123", secondary: "person" });
    expect(actorText({ ...row, actorKind: "api-token", actorName: "ci-bot" })).toEqual({
      primary: "ci-bot",
      secondary: "API token",
    });
    expect(actorText({ ...row, actorKind: "system", actorId: "system" }).primary).toBe("Standfast");
    expect(actorText({ ...row, actorKind: "anonymous", actorId: "anonymous" }).secondary).toBe(
      "not signed in",
    );
  });
});
