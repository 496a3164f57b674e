"use client";
import { useActionState } from "react";
import { updateMaintenanceAction } from "@/components/incidents/forms/maintenance-actions";
import {
  MAINTENANCE_STATUSES,
  MAINTENANCE_STATUS_LABEL,
  type MaintenanceStatus,
} from "@/lib/incidents/incident-types";
import { buttonClass, describedBy, Field, FormMessage, inputClass } from "../../backups/form-parts";
import { fieldError, type FormState } from "../../backups/form-state";

/** Move a maintenance along (start early, verify, complete) with a message. */
export function MaintenanceUpdateForm({
  maintenanceId,
  status,
}: {
  maintenanceId: string;
  status: MaintenanceStatus;
}) {
  const [state, action, pending] = useActionState<FormState<{ message: string }>, FormData>(
    updateMaintenanceAction.bind(null, maintenanceId),
    null,
  );
  const err = (name: string) => fieldError(state, name);
  return (
    <form action={action} aria-label="Update the maintenance" className="space-y-3">
      <Field id="maintenance-status" label="Status" error={err("status")}>
        <select
          id="maintenance-status"
          name="status"
          defaultValue={status}
          className={`${inputClass} max-w-xs`}
        >
          {MAINTENANCE_STATUSES.map((s) => (
            <option key={s} value={s}>
              {MAINTENANCE_STATUS_LABEL[s]}
            </option>
          ))}
        </select>
      </Field>
      <Field id="maintenance-update-message" label="Message" error={err("message")}>
        <textarea
          id="maintenance-update-message"
          name="message"
          rows={2}
          aria-invalid={Boolean(err("message")) || undefined}
          aria-describedby={describedBy("maintenance-update-message", false, err("message"))}
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
