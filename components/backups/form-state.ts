import type { ActionResult } from "@/lib/request";

/** What a backup form's server action answers: the result, and the submitted values to show again. */
export type FormState<T = unknown> = (ActionResult<T> & { values?: Record<string, string> }) | null;

/** The first message for one field, if the last submission got it wrong. */
export function fieldError(state: FormState, name: string): string | undefined {
  if (!state || state.ok) return undefined;
  return state.fieldErrors?.[name]?.join("; ");
}

/** Field errors the form has no field for, so they are shown with the summary instead of lost. */
export function otherFieldErrors(state: FormState, shown: string[]): string[] {
  if (!state || state.ok || !state.fieldErrors) return [];
  return Object.entries(state.fieldErrors)
    .filter(([name]) => !shown.includes(name))
    .map(([name, messages]) => `${name}: ${messages.join("; ")}`);
}
