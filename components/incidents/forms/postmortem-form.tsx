"use client";
import { useActionState } from "react";
import { postmortemAction } from "@/components/incidents/forms/incident-actions";
import { buttonClass, describedBy, Field, FormMessage, inputClass } from "../../backups/form-parts";
import { fieldError, type FormState } from "../../backups/form-state";

/** Write (or rewrite) the postmortem of a resolved incident. */
export function PostmortemForm({
  incidentId,
  current,
}: {
  incidentId: string;
  current: string | null;
}) {
  const [state, action, pending] = useActionState<FormState<{ message: string }>, FormData>(
    postmortemAction.bind(null, incidentId),
    null,
  );
  const err = fieldError(state, "body");
  const v = state && !state.ok ? (state.values ?? {}) : {};
  return (
    <form action={action} aria-label="Postmortem" className="space-y-3">
      <Field
        id="postmortem-body"
        label="Postmortem"
        hint="What happened, why, how it was fixed, and what changes so it does not happen again."
        error={err}
      >
        <textarea
          id="postmortem-body"
          name="body"
          rows={6}
          defaultValue={v.body ?? current ?? ""}
          aria-invalid={Boolean(err) || undefined}
          aria-describedby={describedBy("postmortem-body", true, err)}
          className={inputClass}
        />
      </Field>
      <FormMessage
        state={state}
        fields={["body"]}
        success={state?.ok ? state.data.message : undefined}
      />
      <button type="submit" disabled={pending} className={buttonClass}>
        {pending ? "Publishing…" : current ? "Publish the new postmortem" : "Publish postmortem"}
      </button>
    </form>
  );
}
