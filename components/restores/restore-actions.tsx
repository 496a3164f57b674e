"use client";
import { useActionState } from "react";
import {
  deleteFailedServiceAction,
  resumeServiceAction,
  type DoneState,
} from "@/components/restores/actions";
import { buttonClass } from "../backups/form-parts";

function Outcome({ state }: { state: DoneState }) {
  return (
    <div aria-live="polite" role="status" className="text-sm empty:hidden">
      {state && !state.ok && (
        <p className="rounded-md border border-red-600/50 bg-red-50 px-3 py-2 text-red-900 dark:bg-red-950/40 dark:text-red-100">
          {state.error}
        </p>
      )}
      {state?.ok && (
        <p className="rounded-md border border-green-700/40 bg-green-50 px-3 py-2 text-green-900 dark:bg-green-950/40 dark:text-green-100">
          {state.data.message}
        </p>
      )}
    </div>
  );
}

/** Resume the restored service; enabled only when the checklist is done (the server checks again). */
export function ResumeForm({
  restoreId,
  target,
  ready,
  why,
}: {
  restoreId: string;
  target: string;
  ready: boolean;
  why: string;
}) {
  const [state, action, pending] = useActionState<DoneState, FormData>(
    resumeServiceAction.bind(null, restoreId),
    null,
  );
  return (
    <form action={action} aria-label="Resume the service" className="space-y-2">
      <div className="flex flex-wrap items-center gap-3">
        <button
          type="submit"
          disabled={!ready || pending}
          aria-describedby="resume-why"
          className={`${buttonClass} disabled:cursor-not-allowed`}
        >
          {pending ? "Resuming…" : `Resume ${target}`}
        </button>
        <p id="resume-why" className="text-sm text-zinc-600 dark:text-zinc-400">
          {why}
        </p>
      </div>
      <Outcome state={state} />
    </form>
  );
}

/** Delete the service a failed restore left in restore_failed, after saying so on purpose. */
export function DeleteFailedForm({
  restoreId,
  serviceId,
}: {
  restoreId: string;
  serviceId: string;
}) {
  const [state, action, pending] = useActionState<DoneState, FormData>(
    deleteFailedServiceAction.bind(null, restoreId, serviceId),
    null,
  );
  return (
    <form action={action} aria-label="Delete the failed service" className="space-y-2">
      <label className="flex items-start gap-2 text-sm">
        <input
          type="checkbox"
          name="understood"
          required
          className="mt-0.5 size-4 accent-red-700"
        />
        <span>
          Delete {serviceId} and its components. Its name becomes free for another restore.
        </span>
      </label>
      <button
        type="submit"
        disabled={pending}
        className="rounded-md bg-red-700 px-3 py-1.5 text-sm font-medium text-white hover:bg-red-800 focus-visible:outline-2 focus-visible:outline-offset-2 focus-visible:outline-red-700 disabled:cursor-wait disabled:opacity-60"
      >
        {pending ? "Deleting…" : "Delete the failed service"}
      </button>
      <Outcome state={state} />
    </form>
  );
}
