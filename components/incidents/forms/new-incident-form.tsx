"use client";
import { useActionState } from "react";
import { createIncidentAction } from "@/components/incidents/forms/incident-actions";
import { IMPACTS, IMPACT_LABEL, INCIDENT_STATUS_LABEL } from "@/lib/incidents/incident-types";
import { buttonClass, describedBy, Field, FormMessage, inputClass } from "../../backups/form-parts";
import { fieldError, type FormState } from "../../backups/form-state";
import { ComponentPicker, type ComponentOption } from "./component-picker";

const FIELDS = ["title", "status", "impact", "message", "components", "startedAt"];

/** Open an incident by hand: what, how bad, what is affected, and the first update. */
export function NewIncidentForm({ options }: { options: ComponentOption[] }) {
  const [state, action, pending] = useActionState<FormState, FormData>(createIncidentAction, null);
  const err = (name: string) => fieldError(state, name);
  const v = state?.values ?? {};
  return (
    <form action={action} aria-label="Open an incident" className="space-y-3">
      <Field
        id="incident-title"
        label="Title"
        hint="What people notice, such as: AS2 deliveries to partners are failing"
        error={err("title")}
      >
        <input
          id="incident-title"
          name="title"
          defaultValue={v.title ?? ""}
          key={`title-${v.title}`}
          autoComplete="off"
          aria-invalid={Boolean(err("title")) || undefined}
          aria-describedby={describedBy("incident-title", true, err("title"))}
          className={inputClass}
        />
      </Field>
      <div className="grid gap-3 sm:grid-cols-3">
        <Field id="incident-status" label="Status" error={err("status")}>
          <select
            id="incident-status"
            name="status"
            defaultValue={v.status ?? "investigating"}
            key={`status-${v.status}`}
            className={inputClass}
          >
            {(["investigating", "identified", "monitoring"] as const).map((s) => (
              <option key={s} value={s}>
                {INCIDENT_STATUS_LABEL[s]}
              </option>
            ))}
          </select>
        </Field>
        <Field id="incident-impact" label="Impact" error={err("impact")}>
          <select
            id="incident-impact"
            name="impact"
            defaultValue={v.impact ?? ""}
            key={`impact-${v.impact}`}
            aria-invalid={Boolean(err("impact")) || undefined}
            aria-describedby={describedBy("incident-impact", false, err("impact"))}
            className={inputClass}
          >
            <option value="" disabled>
              Choose the impact
            </option>
            {IMPACTS.map((i) => (
              <option key={i} value={i}>
                {IMPACT_LABEL[i]}
              </option>
            ))}
          </select>
        </Field>
        <Field
          id="incident-started"
          label="Began (UTC, optional)"
          hint="Leave empty for now."
          error={err("startedAt")}
        >
          <input
            id="incident-started"
            name="startedAt"
            type="datetime-local"
            defaultValue={v.startedAt ?? ""}
            key={`started-${v.startedAt}`}
            aria-invalid={Boolean(err("startedAt")) || undefined}
            aria-describedby={describedBy("incident-started", true, err("startedAt"))}
            className={inputClass}
          />
        </Field>
      </div>
      <ComponentPicker
        idPrefix="incident"
        options={options}
        checked={[]}
        error={err("components")}
      />
      <Field
        id="incident-message"
        label="First update"
        hint="Everyone sees it, on the board and in the feeds."
        error={err("message")}
      >
        <textarea
          id="incident-message"
          name="message"
          rows={3}
          defaultValue={v.message ?? ""}
          key={`message-${v.message}`}
          aria-invalid={Boolean(err("message")) || undefined}
          aria-describedby={describedBy("incident-message", true, err("message"))}
          className={inputClass}
        />
      </Field>
      <FormMessage state={state} fields={FIELDS} />
      <button type="submit" disabled={pending} className={buttonClass}>
        {pending ? "Opening…" : "Open incident"}
      </button>
    </form>
  );
}
