/**
 * Incident and maintenance forms to the raw input their verbs take. Only the shape is made here
 * (empty fields left out, checkboxes to a list, UTC date-times to ISO): the verbs validate.
 */
const text = (form: FormData, key: string) => {
  const v = form.get(key);
  return typeof v === "string" && v.trim() !== "" ? v.trim() : undefined;
};
const list = (form: FormData, key: string) =>
  form.getAll(key).filter((v): v is string => typeof v === "string" && v !== "");

/** A `datetime-local` field read as UTC (the forms say so); anything else is passed on to be refused. */
export function utcField(value: string | undefined): string | undefined {
  if (value === undefined) return undefined;
  return /^\d{4}-\d\d-\d\dT\d\d:\d\d(:\d\d)?$/.test(value)
    ? `${value.length === 16 ? `${value}:00` : value}Z`
    : value;
}

export function formValues(form: FormData): Record<string, string> {
  const out: Record<string, string> = {};
  for (const [key, value] of form.entries())
    if (typeof value === "string" && !key.startsWith("$") && key !== "components") out[key] = value;
  return out;
}

export const newIncidentFrom = (form: FormData) => ({
  title: text(form, "title"),
  status: text(form, "status"),
  impact: text(form, "impact"),
  message: text(form, "message"),
  components: list(form, "components"),
  ...(text(form, "startedAt") ? { startedAt: utcField(text(form, "startedAt")) } : {}),
});

export const updateFrom = (form: FormData) => ({
  status: text(form, "status"),
  message: text(form, "message"),
});

export const changeFrom = (form: FormData) => ({
  ...(text(form, "title") ? { title: text(form, "title") } : {}),
  ...(text(form, "impact") ? { impact: text(form, "impact") } : {}),
  ...(form.get("changeComponents") === "on" ? { components: list(form, "components") } : {}),
  ...(text(form, "message") ? { message: text(form, "message") } : {}),
});

export const postmortemFrom = (form: FormData) => ({ body: text(form, "body") });

export const maintenanceFrom = (form: FormData) => ({
  title: text(form, "title"),
  scheduledFor: utcField(text(form, "scheduledFor")),
  scheduledUntil: utcField(text(form, "scheduledUntil")),
  components: list(form, "components"),
  ...(text(form, "message") ? { message: text(form, "message") } : {}),
});
