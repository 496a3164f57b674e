"use client";
import { useActionState } from "react";
import { buttonClass, describedBy, Field, FormMessage, inputClass } from "../backups/form-parts";
import { fieldError, type FormState } from "../backups/form-state";

type Action<T> = (prev: FormState<T>, form: FormData) => Promise<FormState<T>>;

/** "Run a drill": one click, one drill (a drill already in flight is the answer to a second). */
export function RunDrillForm({ action }: { action: Action<{ id: string }> }) {
  const [state, run, pending] = useActionState(action, null);
  return (
    <form action={run} aria-label="Run a restore drill" className="space-y-2">
      <button type="submit" disabled={pending} className={buttonClass}>
        {pending ? "Starting a drill…" : "Run a drill"}
      </button>
      <FormMessage state={state} fields={[]} success="Drill requested: its outcome appears here." />
    </form>
  );
}

/** The admin's drill schedule: every N days, or empty for off. */
export function DrillScheduleForm({
  action,
  everyDays,
}: {
  action: Action<unknown>;
  everyDays: number | null;
}) {
  const [state, save, pending] = useActionState(action, null);
  const error = fieldError(state, "everyDays");
  const value = state?.values?.everyDays ?? (everyDays === null ? "" : String(everyDays));
  return (
    <form
      id="drill-schedule"
      action={save}
      aria-label="Drill schedule"
      className="flex flex-wrap items-end gap-3"
    >
      <Field
        id="drill-every"
        label="Drill every (days)"
        hint="1 to 365; empty switches scheduled drills off"
        error={error}
      >
        <input
          id="drill-every"
          name="everyDays"
          inputMode="numeric"
          defaultValue={value}
          key={value}
          autoComplete="off"
          aria-invalid={Boolean(error) || undefined}
          aria-describedby={describedBy("drill-every", true, error)}
          className={inputClass.replace("w-full", "w-32")}
        />
      </Field>
      <button type="submit" disabled={pending} className={`${buttonClass} mb-5`}>
        {pending ? "Saving…" : "Save schedule"}
      </button>
      <div className="basis-full">
        <FormMessage state={state} fields={["everyDays"]} success="Drill schedule saved." />
      </div>
    </form>
  );
}
