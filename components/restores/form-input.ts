/**
 * Form fields to the raw input the restore verbs take. Only the shape is made here (every field a
 * trimmed string, missing ones empty, nothing else passed on): the verbs validate and name every
 * bad field, and recompute the pre-flight themselves.
 */

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

const text = (form: FormData, key: string) => {
  const value = form.get(key);
  return typeof value === "string" ? value.trim() : "";
};

/** What the pre-flight check takes: the target fields only (the verb refuses any other key). */
export function checkFromForm(form: FormData): TargetValues {
  return Object.fromEntries(TARGET_FIELDS.map((k) => [k, text(form, k)])) as TargetValues;
}

/** What a restore request takes: the target fields, the typed confirmation and the form's key. */
export function requestFromForm(form: FormData): TargetValues & {
  confirm: string;
  idempotencyKey: string;
} {
  return {
    ...checkFromForm(form),
    confirm: text(form, "confirm"),
    idempotencyKey: text(form, "idempotencyKey"),
  };
}
