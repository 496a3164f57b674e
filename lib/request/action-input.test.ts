import { describe, expect, it } from "vitest";
import { isDomainError } from "../errors";
import { formOf, formText, idArgument } from "./action-input";

function refusal(fn: () => unknown) {
  try {
    fn();
  } catch (error) {
    if (isDomainError(error)) return error;
    throw error;
  }
  throw new Error("expected a refusal");
}

describe("what a server action was sent", () => {
  it("a form is taken; anything else is a validation error, not a crash", () => {
    const form = new FormData();
    expect(formOf(form)).toBe(form);
    for (const sent of [undefined, null, "x", 5, {}, [], { entries: "nope" }])
      expect(refusal(() => formOf(sent)).kind).toBe("validation");
  });

  it("an identifier must be text of a sane length without NUL or lone surrogates", () => {
    expect(idArgument("contoso-edi", "serviceId")).toBe("contoso-edi");
    for (const sent of [undefined, null, 5, {}, ["a"], "", "x".repeat(201), "a\u0000", "\ud800"]) {
      const error = refusal(() => idArgument(sent, "serviceId"));
      expect(error.kind).toBe("validation");
      expect(Object.keys(error.fieldErrors ?? {})).toEqual(["serviceId"]);
    }
  });

  it("a form field is trimmed text, empty when absent or a file, refused when it cannot be stored", () => {
    const form = new FormData();
    form.set("name", "  nightly ");
    form.set("file", new Blob(["x"]));
    form.set("bad", "a\u0000b");
    form.set("long", "x".repeat(11));
    expect(formText(form, "name")).toBe("nightly");
    expect(formText(form, "file")).toBe("");
    expect(formText(form, "missing")).toBe("");
    expect(refusal(() => formText(form, "bad")).fieldErrors).toEqual({
      bad: ["contains a NUL character (\\u0000): remove it"],
    });
    expect(refusal(() => formText(form, "long", 10)).message).toBe(
      "long: keep it under 10 characters",
    );
  });
});
