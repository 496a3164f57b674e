import { describe, expect, it } from "vitest";
import { OperationInput } from "@/lib/control-plane";
import {
  formValues,
  operationFromForm,
  ScheduleForm,
  splitList,
  TakeBackupForm,
} from "./form-input";

const form = (entries: Record<string, string>) => {
  const f = new FormData();
  for (const [k, v] of Object.entries(entries)) f.append(k, v);
  return f;
};

describe("form fields to the verbs' raw input", () => {
  it("keeps the submitted text fields and leaves out Next's own", () => {
    const f = form({ service: "contoso-edi", $ACTION_ID_abc: "", name: " x " });
    f.append("file", new Blob(["x"]));
    expect(formValues(f)).toEqual({ service: "contoso-edi", name: " x " });
  });

  it("a backup request: empty optional fields are left out, so the verb's defaults apply", () => {
    const raw = TakeBackupForm.parse({
      service: "contoso-edi",
      name: "",
      store: "local",
      region: " ",
    });
    expect(raw).toEqual({
      service: "contoso-edi",
      name: undefined,
      store: "local",
      region: undefined,
    });
  });

  it("a schedule: checkboxes become booleans (unchecked is absent), durations stay text for the verb", () => {
    const raw = ScheduleForm.parse({
      frequency: "1d",
      retention: "7d",
      store: "local",
      region: "northeurope",
      enabled: "on",
    });
    expect(raw).toMatchObject({ enabled: true, keepAtLeastOne: false, afterChange: false });
    expect(raw).toMatchObject({ frequency: "1d", retention: "7d", store: "local" });
  });

  it("a schedule's empty or missing text fields reach the verb as empty text, which it refuses by name", () => {
    expect(ScheduleForm.parse({ frequency: " ", store: "s" })).toMatchObject({
      frequency: "",
      retention: "",
      region: "",
      store: "s",
    });
  });

  it("splits a pipeline on commas and spaces", () => {
    expect(splitList("decode, validate transform,,encode")).toEqual([
      "decode",
      "validate",
      "transform",
      "encode",
    ]);
    expect(splitList("  ")).toBeUndefined();
  });

  it("passes only the chosen kind's fields, each in the shape the operation takes", () => {
    const cases: [Record<string, string>, Record<string, unknown>][] = [
      [
        { kind: "update-ssl-certificate", subject: "", validForDays: "397", units: "3" },
        { kind: "update-ssl-certificate", validForDays: "397" },
      ],
      [
        { kind: "change-agreement", agreementId: "a1-1", name: "", enabled: "disable" },
        { kind: "change-agreement", agreementId: "a1-1", enabled: false },
      ],
      [
        { kind: "change-agreement", agreementId: "a1-1", name: "Renamed", enabled: "" },
        { kind: "change-agreement", agreementId: "a1-1", name: "Renamed" },
      ],
      [
        { kind: "change-bridge", bridgeId: "b1", address: "", pipeline: "decode,encode" },
        { kind: "change-bridge", bridgeId: "b1", pipeline: ["decode", "encode"] },
      ],
      [
        { kind: "scale-units", units: "2" },
        { kind: "scale-units", units: "2" },
      ],
      [
        { kind: "remove-agreement", agreementId: "a2-1" },
        { kind: "remove-agreement", agreementId: "a2-1" },
      ],
    ];
    for (const [values, expected] of cases) {
      const raw = operationFromForm(values);
      expect(raw).toEqual(expected);
      expect(OperationInput.safeParse(raw).success, JSON.stringify(raw)).toBe(true);
    }
  });

  it("an unknown kind goes on alone, for the operation's own refusal naming the kinds", () => {
    const raw = operationFromForm({ kind: "format-disk", agreementId: "a1" });
    expect(raw).toEqual({ kind: "format-disk" });
    expect(OperationInput.safeParse(raw).success).toBe(false);
  });
});
