/**
 * Form fields to the raw input the backup verbs take. Only the shape is made here (empty fields
 * left out, checkboxes to booleans, lists split): the verbs validate and name every bad field.
 */
import { z } from "zod";
import { OPERATION_KINDS } from "@/lib/backups/backup-types";

const optional = z
  .string()
  .optional()
  .transform((v) => (v === undefined || v.trim() === "" ? undefined : v.trim()));
const required = z
  .string()
  .optional()
  .transform((v) => (v ?? "").trim());
const checkbox = z
  .string()
  .optional()
  .transform((v) => v === "on" || v === "true");

/** The submitted text fields, to show them again after a refusal (files and Next's own keys left out). */
export function formValues(form: FormData): Record<string, string> {
  const out: Record<string, string> = {};
  for (const [key, value] of form.entries())
    if (typeof value === "string" && !key.startsWith("$")) out[key] = value;
  return out;
}

export const TakeBackupForm = z.object({
  service: required,
  name: optional,
  store: optional,
  region: optional,
});

export const ScheduleForm = z.object({
  frequency: required,
  retention: required,
  store: required,
  region: required,
  enabled: checkbox,
  keepAtLeastOne: checkbox,
  afterChange: checkbox,
});

const drop = (o: Record<string, unknown>) =>
  Object.fromEntries(Object.entries(o).filter(([, v]) => v !== undefined));

/** "decode, validate transform" -> ["decode", "validate", "transform"]. */
export function splitList(text: string | undefined): string[] | undefined {
  const items = (text ?? "").split(/[\s,]+/).filter(Boolean);
  return items.length ? items : undefined;
}

const TRI = { enable: true, disable: false } as Record<string, boolean>;

/** A management-operation form: only the fields of the chosen kind are passed on. */
export function operationFromForm(values: Record<string, string>): Record<string, unknown> {
  const v = (key: string) => optional.parse(values[key]);
  const need = (key: string) => required.parse(values[key]);
  const kind = need("kind");
  if (!(OPERATION_KINDS as readonly string[]).includes(kind)) return { kind };
  switch (kind as (typeof OPERATION_KINDS)[number]) {
    case "update-ssl-certificate":
      return drop({ kind, subject: v("subject"), validForDays: need("validForDays") });
    case "add-agreement":
      return {
        kind,
        name: need("name"),
        protocol: need("protocol"),
        guestPartner: need("guestPartner"),
      };
    case "change-agreement":
      return drop({
        kind,
        agreementId: need("agreementId"),
        name: v("name"),
        enabled: TRI[values.enabled ?? ""],
      });
    case "remove-agreement":
      return { kind, agreementId: need("agreementId") };
    case "change-bridge":
      return drop({
        kind,
        bridgeId: need("bridgeId"),
        address: v("address"),
        pipeline: splitList(values.pipeline),
      });
    case "scale-units":
      return { kind, units: need("units") };
  }
}
