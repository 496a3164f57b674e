import { validationError } from "../errors";
import { textProblem } from "../validation";

// Next hands a server action whatever the client posted: any number of arguments of any
// JSON-like type, bound arguments included. These turn them into what the action expects, or a
// validation error the action returns as its result.

/** The form an action was sent, refusing anything else (a string, null, a plain object). */
export function formOf(value: unknown): FormData {
  if (value instanceof FormData) return value;
  throw validationError(
    "This action takes the form it is sent from, and was sent something else. Reload the page and use its form.",
  );
}

/**
 * An identifier passed as an argument (a backup, restore or service id bound to the form):
 * a string of at most `max` characters holding only text a field may hold.
 */
export function idArgument(value: unknown, name: string, max = 200): string {
  const fail = (problem: string) => validationError(`${name}: ${problem}`, { [name]: [problem] });
  if (typeof value !== "string") throw fail("expected an identifier (text)");
  if (value.length === 0 || value.length > max)
    throw fail(`expected an identifier of 1 to ${max} characters`);
  const problem = textProblem(value);
  if (problem) throw fail(problem);
  return value;
}

/** A text field of a form, trimmed; "" when absent or a file. Refuses text no field may hold. */
export function formText(form: FormData, name: string, max = 10_000): string {
  const value = form.get(name);
  if (typeof value !== "string") return "";
  const problem = value.length > max ? `keep it under ${max} characters` : textProblem(value);
  if (problem) throw validationError(`${name}: ${problem}`, { [name]: [problem] });
  return value.trim();
}
