import fc from "fast-check";
import { z } from "zod";
import { describe, expect, it } from "vitest";
import { isDomainError } from "./errors";
import { findBadText, MAX_INPUT_DEPTH, parseOrThrow } from "./validation";

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

describe("text no field may hold", () => {
  const schema = z.strictObject({
    name: z.string(),
    tags: z.array(z.string()).optional(),
    nested: z.strictObject({ note: z.string() }).optional(),
  });

  it("a NUL anywhere is refused before the schema, naming the field", () => {
    const e = refusalOf(schema, { name: "a\u0000b" });
    expect(e.kind).toBe("validation");
    expect(e.message).toBe("Invalid thing: name: contains a NUL character (\\u0000): remove it");
    expect(e.fieldErrors).toEqual({ name: ["contains a NUL character (\\u0000): remove it"] });
    expect(
      Object.keys(refusalOf(schema, { name: "x", tags: ["ok", "\u0000"] }).fieldErrors!),
    ).toEqual(["tags.1"]);
    expect(
      Object.keys(refusalOf(schema, { name: "x", nested: { note: "\u0000" } }).fieldErrors!),
    ).toEqual(["nested.note"]);
  });

  it("a lone surrogate is refused, naming the field", () => {
    for (const text of ["\ud800", "x\udfff", "\ud83d"]) {
      const e = refusalOf(schema, { name: text });
      expect(e.fieldErrors).toEqual({
        name: ["contains a lone UTF-16 surrogate (such as \\ud800), which is not valid text"],
      });
    }
    expect(parseOrThrow(schema, { name: "😀" }, "x")).toEqual({ name: "😀" });
  });

  it("a bad key is refused by its name, shown so the message stays valid text", () => {
    const e = refusalOf(schema, { name: "x", ["a\u0000"]: 1 });
    expect(Object.keys(e.fieldErrors!)).toEqual(['"a\\u0000"']);
    expect(e.message).toMatch(/its name contains a NUL character/);
    expect(findBadText({ ["\ud800"]: 1 })!.field.isWellFormed()).toBe(true);
  });

  it("nesting deeper than MAX_INPUT_DEPTH is refused without walking it all", () => {
    let deep: unknown = "end";
    for (let i = 0; i < 100_000; i++) deep = [deep];
    const e = refusalOf(schema, deep);
    expect(e.message).toBe(`Invalid thing: 0: nested more than ${MAX_INPUT_DEPTH} levels deep`);
    expect(findBadText({ name: deep })?.field).toBe("name");
    let ok: unknown = "end";
    for (let i = 0; i < MAX_INPUT_DEPTH; i++) ok = { a: ok };
    expect(findBadText(ok)).toBeNull();
  });

  it("clean input of any shape passes the walk", () => {
    fc.assert(
      fc.property(fc.jsonValue({ maxDepth: 10 }), (value) => {
        const bad = findBadText(value);
        const text = JSON.stringify(value) ?? "";
        if (!text.includes("\\u0000") && text.isWellFormed() && !/\\ud[89a-f]/i.test(text))
          expect(bad).toBeNull();
      }),
      { numRuns: 1_000 },
    );
  });
});

function refusalOf(schema: z.ZodType, input: unknown) {
  try {
    parseOrThrow(schema, input, "Invalid thing");
  } catch (error) {
    if (isDomainError(error)) return error;
    throw error;
  }
  throw new Error("expected a validation error");
}
