import type { z } from "zod";
import { validationError } from "./errors";

/** Deeper than any input Standfast takes; walking (or zod parsing) deeper input risks the stack. */
export const MAX_INPUT_DEPTH = 32;

/**
 * What is wrong with a piece of text that no field may hold: a NUL, which PostgreSQL cannot store
 * in text or jsonb, or a lone UTF-16 surrogate, which is not Unicode text at all. Null when fine.
 */
export function textProblem(text: string): string | null {
  if (text.includes("\u0000")) return "contains a NUL character (\\u0000): remove it";
  if (!text.isWellFormed())
    return "contains a lone UTF-16 surrogate (such as \\ud800), which is not valid text";
  return null;
}

/** `a.b`, or `a["x y"]` for a key that is not a plain name, so a message can always name it. */
function fieldPath(parent: string, key: string | number): string {
  if (typeof key === "number") return parent ? `${parent}.${key}` : String(key);
  const shown = /^[A-Za-z_$][\w$-]*$/.test(key) ? key : JSON.stringify(key.toWellFormed());
  return parent ? `${parent}.${shown}` : shown;
}

/**
 * The first string (value or key) anywhere in `input` that no field may hold, or a nesting deeper
 * than MAX_INPUT_DEPTH, with the path of the field; null when the input is clean. Iterative, so a
 * hostile nesting cannot exhaust the stack.
 */
export function findBadText(input: unknown, root = ""): { field: string; problem: string } | null {
  const stack: { value: unknown; path: string; depth: number }[] = [
    { value: input, path: root, depth: 0 },
  ];
  while (stack.length) {
    const { value, path, depth } = stack.pop()!;
    if (typeof value === "string") {
      const problem = textProblem(value);
      if (problem) return { field: path || "input", problem };
      continue;
    }
    if (typeof value !== "object" || value === null) continue;
    // Named by its outermost field: the full path of a hostile nesting is only noise.
    if (depth >= MAX_INPUT_DEPTH)
      return {
        field: path.split(".")[0] || "input",
        problem: `nested more than ${MAX_INPUT_DEPTH} levels deep`,
      };
    const entries: [string | number, unknown][] = Array.isArray(value)
      ? value.map((v, i) => [i, v])
      : Object.entries(value);
    for (const [key, child] of entries) {
      if (typeof key === "string") {
        const problem = textProblem(key);
        if (problem) return { field: fieldPath(path, key), problem: `its name ${problem}` };
      }
      stack.push({ value: child, path: fieldPath(path, key), depth: depth + 1 });
    }
  }
  return null;
}

/** Refuses input holding text no field may hold (see findBadText), naming the field. */
export function assertCleanInput(input: unknown, what: string, root = ""): void {
  const bad = findBadText(input, root);
  if (bad)
    throw validationError(`${what}: ${bad.field}: ${bad.problem}`, { [bad.field]: [bad.problem] });
}

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

/**
 * Parses input with a schema, or throws a validation error that names each bad field and what is
 * expected. Text no field may hold (NUL, lone surrogates) and absurd nesting are refused first,
 * for every schema, so they never reach the store.
 */
export function parseOrThrow<T extends z.ZodType>(
  schema: T,
  input: unknown,
  what: string,
): z.output<T> {
  assertCleanInput(input, what);
  const parsed = schema.safeParse(input);
  if (parsed.success) return parsed.data;
  const errors = fieldErrors(parsed.error);
  const summary = Object.entries(errors)
    .map(([field, messages]) => `${field}: ${messages.join("; ")}`)
    .join(". ");
  throw validationError(`${what}: ${summary}`, errors);
}
