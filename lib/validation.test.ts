import { z } from "zod";
import { describe, expect, it } from "vitest";
import { isDomainError } from "./errors";
import { parseOrThrow } from "./validation";

const Schema = z.strictObject({
  name: z.string().min(3, "at least 3 characters"),
  nested: z.strictObject({ n: z.number() }).optional(),
});

function refusal(input: unknown) {
  try {
    parseOrThrow(Schema, input, "Invalid thing");
  } catch (error) {
    if (isDomainError(error)) return error;
  }
  throw new Error("expected a validation error");
}

describe("parseOrThrow", () => {
  it("names each bad field and what it expects", () => {
    const e = refusal({ name: "ab" });
    expect(e.kind).toBe("validation");
    expect(e.fieldErrors).toEqual({ name: ["at least 3 characters"] });
    expect(e.message).toBe("Invalid thing: name: at least 3 characters");
  });

  it("names unknown fields themselves, also when nested", () => {
    const e = refusal({ name: "abc", colour: "red", nested: { n: 1, extra: true } });
    expect(e.fieldErrors).toEqual({
      colour: ["unknown field: remove it or check its spelling"],
      "nested.extra": ["unknown field: remove it or check its spelling"],
    });
  });

  it("passes good input through", () => {
    expect(parseOrThrow(Schema, { name: "abc" }, "x")).toEqual({ name: "abc" });
  });
});

describe("field errors for fields named like Object's own properties", () => {
  it("are reported, not a crash", () => {
    const schema = z.strictObject({ item: z.string() });
    for (const key of ["valueOf", "toString", "__proto__", "constructor"]) {
      const raw = JSON.parse(`{"${key}": {}}`);
      expect(() => parseOrThrow(schema, raw, "Invalid")).toThrow(/item: .*|unknown field/);
    }
  });
});
