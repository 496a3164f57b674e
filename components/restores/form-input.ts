/**
 * Form fields to the raw input the restore verbs take. Only the shape is made here (every field a
 * trimmed string, missing ones empty, nothing else passed on): the verbs validate and name every
 * bad field, and recompute the pre-flight themselves.
 */
import { formText } from "../jobs/form-input";

export const TARGET_FIELDS = [
  "backupId",
  "target",
  "region",
  "edition",
  "trackingDatabase",
  "storage",
] as const;
export type TargetField = (typeof TARGET_FIELDS)[number];
export type TargetValues = Record<TargetField, string>;

/** What the pre-flight check takes: the target fields only (the verb refuses any other key). */
export function checkFromForm(form: FormData): TargetValues {
  return Object.fromEntries(TARGET_FIELDS.map((k) => [k, formText(form, k)])) as TargetValues;
}

/**
 * What a restore request takes: the target fields, the choices for the new service (left out when
 * the form has none, so the verb's compliant defaults apply), the typed confirmation and the key.
 */
export function requestFromForm(form: FormData): TargetValues & {
  storageReplication?: string;
  backupSchedule?: string;
  confirm: string;
  idempotencyKey: string;
} {
  const choice = (key: "storageReplication" | "backupSchedule") =>
    form.has(key) ? { [key]: formText(form, key) } : {};
  return {
    ...checkFromForm(form),
    ...choice("storageReplication"),
    ...choice("backupSchedule"),
    confirm: formText(form, "confirm"),
    idempotencyKey: formText(form, "idempotencyKey"),
  };
}
