import type { FormState } from "./form-state";
import { otherFieldErrors } from "./form-state";

export const inputClass =
  "mt-1 block w-full rounded-md border border-zinc-300 bg-white px-2 py-1.5 text-sm aria-invalid:border-red-600 dark:border-zinc-700 dark:bg-zinc-900 dark:aria-invalid:border-red-400";
export const buttonClass =
  "rounded-md bg-blue-600 px-3 py-1.5 text-sm font-medium text-white hover:bg-blue-700 focus-visible:outline-2 focus-visible:outline-offset-2 focus-visible:outline-blue-600 disabled:cursor-wait disabled:opacity-60 print:hidden";

/** A labelled field with its hint and, after a refused submission, its error right under it. */
export function Field({
  id,
  label,
  hint,
  error,
  children,
  className = "",
}: {
  id: string;
  label: string;
  hint?: string;
  error?: string;
  children: React.ReactNode;
  className?: string;
}) {
  return (
    <div className={className}>
      <label htmlFor={id} className="block text-sm font-medium">
        {label}
      </label>
      {children}
      {hint && (
        <p id={`${id}-hint`} className="mt-0.5 text-xs text-zinc-600 dark:text-zinc-400">
          {hint}
        </p>
      )}
      {error && (
        <p id={`${id}-error`} className="mt-0.5 text-xs font-medium text-red-700 dark:text-red-300">
          {error}
        </p>
      )}
    </div>
  );
}

/** aria-describedby for a field: its hint and its error, when there are. */
export const describedBy = (id: string, hint: boolean, error: string | undefined) =>
  [hint && `${id}-hint`, error && `${id}-error`].filter(Boolean).join(" ") || undefined;

/** The form's outcome, announced to screen readers: the error (and stray field errors) or success. */
export function FormMessage({
  state,
  fields,
  success,
}: {
  state: FormState;
  fields: string[];
  success?: string;
}) {
  const others = otherFieldErrors(state, fields);
  return (
    <div aria-live="polite" role="status" className="text-sm empty:hidden">
      {state && !state.ok && (
        <div className="rounded-md border border-red-600/50 bg-red-50 px-3 py-2 text-red-900 dark:bg-red-950/40 dark:text-red-100">
          <p className="font-medium">{state.error}</p>
          {others.length > 0 && (
            <ul className="mt-1 list-disc pl-5">
              {others.map((o) => (
                <li key={o}>{o}</li>
              ))}
            </ul>
          )}
        </div>
      )}
      {state?.ok && success && (
        <p className="rounded-md border border-green-700/40 bg-green-50 px-3 py-2 text-green-900 dark:bg-green-950/40 dark:text-green-100">
          {success}
        </p>
      )}
    </div>
  );
}
