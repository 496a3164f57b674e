/**
 * An audit row's input as words: "valid for days: 397", nested keys joined with " › ". Pure. The
 * values arrive already masked (a secret shows as [redacted]); nothing here unmasks.
 */
const words = (key: string) =>
  key
    .replace(/([a-z0-9])([A-Z])/g, "$1 $2")
    .replace(/[_-]+/g, " ")
    .toLowerCase();

function valueText(value: unknown): string {
  if (value === null || value === undefined) return "none";
  if (typeof value === "boolean") return value ? "yes" : "no";
  if (Array.isArray(value))
    return value.length === 0 ? "none" : value.map((v) => valueText(v)).join(", ");
  if (typeof value === "object") return JSON.stringify(value);
  return String(value);
}

export type InputLine = { label: string; value: string };

/** One line per leaf of the input, in its order; arrays of plain values on one line. */
export function describeInput(input: Record<string, unknown> | null, prefix = ""): InputLine[] {
  if (!input) return [];
  return Object.entries(input).flatMap(([key, value]) => {
    const label = prefix ? `${prefix} › ${words(key)}` : words(key);
    if (value && typeof value === "object" && !Array.isArray(value))
      return describeInput(value as Record<string, unknown>, label);
    if (Array.isArray(value) && value.some((v) => v && typeof v === "object"))
      return value.flatMap((v, i) =>
        v && typeof v === "object"
          ? describeInput(v as Record<string, unknown>, `${label} ${i + 1}`)
          : [{ label: `${label} ${i + 1}`, value: valueText(v) }],
      );
    return [{ label, value: valueText(value) }];
  });
}

const KIND_LABEL: Record<string, string> = {
  user: "person",
  "api-token": "API token",
  system: "Standfast",
  anonymous: "not signed in",
};

/** Who did it, as a person reads it: name and e-mail where known, else the id and its kind. */
export function actorText(row: {
  actorKind: string;
  actorId: string;
  actorName: string | null;
  actorEmail: string | null;
}): { primary: string; secondary: string } {
  if (row.actorKind === "system") return { primary: "Standfast", secondary: "the system itself" };
  if (row.actorKind === "anonymous") return { primary: "Anonymous", secondary: "not signed in" };
  if (row.actorName || row.actorEmail)
    return {
      primary: row.actorName ?? row.actorEmail!,
      secondary: row.actorKind === "user" ? (row.actorEmail ?? "") : "API token",
    };
  return { primary: row.actorId, secondary: KIND_LABEL[row.actorKind] ?? row.actorKind };
}
