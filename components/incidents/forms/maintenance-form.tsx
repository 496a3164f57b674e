"use client";
import { useActionState } from "react";
import { scheduleMaintenanceAction } from "@/components/incidents/forms/maintenance-actions";
import { buttonClass, describedBy, Field, FormMessage, inputClass } from "../../backups/form-parts";
import { fieldError, type FormState } from "../../backups/form-state";
import { ComponentPicker, type ComponentOption } from "./component-picker";

const FIELDS = ["title", "scheduledFor", "scheduledUntil", "components", "message"];

/** Schedule maintenance: what, when (UTC), which components. It starts and completes by itself. */
export function MaintenanceForm({ options }: { options: ComponentOption[] }) {
  const [state, action, pending] = useActionState<FormState, FormData>(
    scheduleMaintenanceAction,
    null,
  );
  const err = (name: string) => fieldError(state, name);
  const v = state?.values ?? {};
  const time = (name: "scheduledFor" | "scheduledUntil", label: string) => (
    <Field id={`maintenance-${name}`} label={label} error={err(name)}>
      <input
        id={`maintenance-${name}`}
        name={name}
        type="datetime-local"
        defaultValue={v[name] ?? ""}
        key={`${name}-${v[name]}`}
        aria-invalid={Boolean(err(name)) || undefined}
        aria-describedby={describedBy(`maintenance-${name}`, false, err(name))}
        className={inputClass}
      />
    </Field>
  );
  return (
    <form action={action} aria-label="Schedule maintenance" className="space-y-3">
      <Field id="maintenance-title" label="Title" error={err("title")}>
        <input
          id="maintenance-title"
          name="title"
          defaultValue={v.title ?? ""}
          key={`title-${v.title}`}
          autoComplete="off"
          aria-invalid={Boolean(err("title")) || undefined}
          aria-describedby={describedBy("maintenance-title", false, err("title"))}
          className={inputClass}
        />
      </Field>
      <div className="grid gap-3 sm:grid-cols-2">
        {time("scheduledFor", "Starts (UTC)")}
        {time("scheduledUntil", "Ends (UTC)")}
      </div>
      <ComponentPicker
        idPrefix="maintenance"
        options={options}
        checked={[]}
        error={err("components")}
        legend="Components under maintenance"
      />
      <Field
        id="maintenance-message"
        label="Message (optional)"
        hint="Default: which components, from when to when."
        error={err("message")}
      >
        <input
          id="maintenance-message"
          name="message"
          defaultValue={v.message ?? ""}
          key={`message-${v.message}`}
          className={inputClass}
        />
      </Field>
      <FormMessage state={state} fields={FIELDS} />
      <button type="submit" disabled={pending} className={buttonClass}>
        {pending ? "Scheduling…" : "Schedule maintenance"}
      </button>
    </form>
  );
}
