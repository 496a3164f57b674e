"use client";
import { useActionState } from "react";
import { postUpdateAction } from "@/components/incidents/forms/incident-actions";
import {
  INCIDENT_STATUS_LABEL,
  UPDATE_STATUSES,
  type IncidentStatus,
} from "@/lib/incidents/incident-types";
import { buttonClass, describedBy, Field, FormMessage, inputClass } from "../../backups/form-parts";
import { fieldError, type FormState } from "../../backups/form-state";

/** Post an update: the status it moves to (resolved resolves it) and what to tell people. */
export function UpdateForm({ incidentId, status }: { incidentId: string; status: IncidentStatus }) {
  const [state, action, pending] = useActionState<FormState<{ message: string }>, FormData>(
    postUpdateAction.bind(null, incidentId),
    null,
  );
  const err = (name: string) => fieldError(state, name);
  const v = state && !state.ok ? (state.values ?? {}) : {};
  const resolved = status === "resolved" || status === "postmortem";
  return (
    <form action={action} aria-label="Post an update" className="space-y-3">
      <Field id="update-status" label="Status" error={err("status")}>
        <select
          id="update-status"
          name="status"
          defaultValue={v.status ?? (resolved ? "resolved" : status)}
          key={`status-${state?.ok}-${v.status}`}
          aria-invalid={Boolean(err("status")) || undefined}
          aria-describedby={describedBy("update-status", false, err("status"))}
          className={`${inputClass} max-w-xs`}
        >
          {UPDATE_STATUSES.filter((s) => !resolved || s === "resolved").map((s) => (
            <option key={s} value={s}>
              {INCIDENT_STATUS_LABEL[s]}
            </option>
          ))}
        </select>
      </Field>
      <Field
        id="update-message"
        label="Message"
        hint="What is happening and what you are doing; everyone sees it."
        error={err("message")}
      >
        <textarea
          id="update-message"
          name="message"
          rows={3}
          defaultValue={v.message ?? ""}
          key={`message-${state?.ok}-${v.message}`}
          aria-invalid={Boolean(err("message")) || undefined}
          aria-describedby={describedBy("update-message", true, err("message"))}
          className={inputClass}
        />
      </Field>
      <FormMessage
        state={state}
        fields={["status", "message"]}
        success={state?.ok ? state.data.message : undefined}
      />
      <button type="submit" disabled={pending} className={buttonClass}>
        {pending ? "Posting…" : "Post update"}
      </button>
    </form>
  );
}
