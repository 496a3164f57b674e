"use client";
import { useActionState } from "react";
import { verifyBackupAction } from "@/components/backups/actions";
import { buttonClass } from "./form-parts";
import type { FormState } from "./form-state";

type Result = FormState<{ ok: boolean; message: string }>;

/** Reads the archive back from its store and checks it; the outcome is shown and announced. */
export function VerifyButton({ backupId }: { backupId: string }) {
  const [state, action, pending] = useActionState<Result, FormData>(
    verifyBackupAction.bind(null, backupId),
    null,
  );
  return (
    <form action={action} className="space-y-2 print:hidden">
      <button type="submit" disabled={pending} className={buttonClass}>
        {pending ? "Verifying…" : "Verify archive"}
      </button>
      <div aria-live="polite" role="status" className="text-sm empty:hidden">
        {state?.ok && (
          <p
            data-verify-result={state.data.ok ? "ok" : "failed"}
            className={
              state.data.ok
                ? "rounded-md border border-green-700/40 bg-green-50 px-3 py-2 text-green-900 dark:bg-green-950/40 dark:text-green-100"
                : "rounded-md border border-red-600/50 bg-red-50 px-3 py-2 text-red-900 dark:bg-red-950/40 dark:text-red-100"
            }
          >
            {state.data.ok ? "✓ " : "✗ "}
            {state.data.message}
          </p>
        )}
        {state && !state.ok && (
          <p className="rounded-md border border-red-600/50 bg-red-50 px-3 py-2 text-red-900 dark:bg-red-950/40 dark:text-red-100">
            {state.error}
          </p>
        )}
      </div>
    </form>
  );
}
