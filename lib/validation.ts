import type { z } from "zod";
import { validationError } from "./errors";

export function fieldErrors(error: z.ZodError): Record<string, string[]> {
  // No prototype: a field named "valueOf" or "__proto__" is a field like any other.
  const out: Record<string, string[]> = Object.create(null);
  for (const issue of error.issues) {
    const at = issue.path.map(String);
    if (issue.code === "unrecognized_keys") {
      for (const key of issue.keys) {
        (out[[...at, key].join(".")] ??= []).push("unknown field: remove it or check its spelling");
      }
      continue;
    }
    (out[at.length ? at.join(".") : "input"] ??= []).push(issue.message);
  }
  return out;
}

/** Parses input with a schema, or throws a validation error that names each bad field and what is expected. */
export function parseOrThrow<T extends z.ZodType>(
  schema: T,
  input: unknown,
  what: string,
): z.output<T> {
  const parsed = schema.safeParse(input);
  if (parsed.success) return parsed.data;
  const errors = fieldErrors(parsed.error);
  const summary = Object.entries(errors)
    .map(([field, messages]) => `${field}: ${messages.join("; ")}`)
    .join(". ");
  throw validationError(`${what}: ${summary}`, errors);
}
