"use client";
import { useActionState } from "react";
import { changeIncidentAction } from "@/components/incidents/forms/incident-actions";
import { IMPACTS, IMPACT_LABEL, type Impact } from "@/lib/incidents/incident-types";
import { buttonClass, describedBy, Field, FormMessage, inputClass } from "../../backups/form-parts";
import { fieldError, type FormState } from "../../backups/form-state";
import { ComponentPicker, type ComponentOption } from "./component-picker";

/** Rename, set the impact, or change the affected components (only when its box is ticked). */
export function ChangeForm({
  incidentId,
  title,
  impact,
  components,
  options,
  resolved,
}: {
  incidentId: string;
  title: string;
  impact: Impact;
  components: string[];
  options: ComponentOption[];
  resolved: boolean;
}) {
  const [state, action, pending] = useActionState<FormState<{ message: string }>, FormData>(
    changeIncidentAction.bind(null, incidentId),
    null,
  );
  const err = (name: string) => fieldError(state, name);
  return (
    <form action={action} aria-label="Change the incident" className="space-y-3">
      <div className="grid gap-3 sm:grid-cols-[minmax(0,2fr)_minmax(0,1fr)]">
        <Field id="change-title" label="Title" error={err("title")}>
          <input
            id="change-title"
            name="title"
            defaultValue={title}
            aria-invalid={Boolean(err("title")) || undefined}
            aria-describedby={describedBy("change-title", false, err("title"))}
            className={inputClass}
          />
        </Field>
        <Field
          id="change-impact"
          label="Impact"
          hint="Once set here, it no longer follows the worst status."
          error={err("impact")}
        >
          <select
            id="change-impact"
            name="impact"
            defaultValue={impact}
            aria-describedby={describedBy("change-impact", true, err("impact"))}
            className={inputClass}
          >
            {IMPACTS.map((i) => (
              <option key={i} value={i}>
                {IMPACT_LABEL[i]}
              </option>
            ))}
          </select>
        </Field>
      </div>
      {!resolved && (
        <>
          <label className="flex items-center gap-2 text-sm font-medium">
            <input type="checkbox" name="changeComponents" />
            Change the affected components to those ticked below
          </label>
          <ComponentPicker
            idPrefix="change"
            options={options}
            checked={components}
            error={err("components")}
          />
        </>
      )}
      <Field
        id="change-message"
        label="Message (optional)"
        hint="Said in the update this change posts; by default, what changed."
        error={err("message")}
      >
        <input id="change-message" name="message" className={inputClass} autoComplete="off" />
      </Field>
      <FormMessage
        state={state}
        fields={["title", "impact", "components", "message"]}
        success={state?.ok ? state.data.message : undefined}
      />
      <button type="submit" disabled={pending} className={buttonClass}>
        {pending ? "Saving…" : "Save changes"}
      </button>
    </form>
  );
}
