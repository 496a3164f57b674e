"use client";
import { startTransition, useActionState, useState } from "react";
import {
  checkRestoreAction,
  requestRestoreAction,
  type CheckState,
  type RequestState,
} from "@/components/restores/actions";
import { TARGET_FIELDS, type TargetValues } from "@/components/restores/form-input";
import type { Edition } from "@/lib/estate/types";
import { buttonClass } from "../backups/form-parts";
import { PreflightList } from "./preflight-list";
import { defaultStorage, defaultTrackingDatabase } from "./defaults";
import type { RegionOption } from "./region-options";
import { TargetFields, type Values } from "./target-fields";

type Props = {
  backupId: string;
  editions: Edition[];
  regions: RegionOption[];
  sourceRegion: string;
  defaultTarget: string;
  idempotencyKey: string;
  statusAsOf: string;
};

/** Why the Restore button is not offered yet, or that it is. */
function readiness(check: CheckState, current: TargetValues, confirmed: boolean, target: string) {
  if (!check?.ok)
    return { ready: false, why: "Run the check first: Restore needs every check to pass." };
  const fresh = TARGET_FIELDS.every((k) => check.data.checked[k] === current[k]);
  if (!fresh) return { ready: false, why: "The form changed since the check: check again." };
  if (!check.data.ok) return { ready: false, why: "Fix what failed above, then check again." };
  if (!confirmed)
    return { ready: false, why: `Type ${target} into the confirmation field to enable Restore.` };
  return { ready: true, why: "Every check passed and the name is confirmed." };
}

/**
 * Where and how to restore the chosen backup: target fields, the pre-flight check, the typed
 * confirmation and the Restore button, which stays disabled until every check passes for exactly
 * these values and the name is typed. The server repeats every check when Restore is pressed.
 */
export function RestoreForm(props: Props) {
  const [values, setValues] = useState<Values>(() => ({
    target: props.defaultTarget,
    region: "",
    edition: props.editions[0] ?? "",
    trackingDatabase: defaultTrackingDatabase(props.defaultTarget),
    storage: defaultStorage(props.defaultTarget),
  }));
  const [confirm, setConfirm] = useState("");
  const [last, setLast] = useState<"check" | "request" | null>(null);
  const [check, checkAction, checking] = useActionState<CheckState, FormData>(
    checkRestoreAction,
    null,
  );
  const [request, requestAction, requesting] = useActionState<RequestState, FormData>(
    requestRestoreAction,
    null,
  );

  const current: TargetValues = {
    backupId: props.backupId,
    target: values.target.trim(),
    region: values.region.trim(),
    edition: values.edition.trim(),
    trackingDatabase: values.trackingDatabase.trim(),
    storage: values.storage.trim(),
  };
  const confirmed = current.target !== "" && confirm.trim() === current.target;
  const { ready, why } = readiness(check, current, confirmed, current.target || "the target name");
  const outcome = last === "request" ? request : check;
  const fieldErrors = outcome && !outcome.ok ? (outcome.fieldErrors ?? {}) : {};

  function submit(event: React.FormEvent<HTMLFormElement>) {
    event.preventDefault();
    const submitter = (event.nativeEvent as SubmitEvent).submitter as HTMLButtonElement | null;
    const intent = submitter?.value === "restore" ? "request" : "check";
    if (intent === "request" && !ready) return;
    const form = new FormData(event.currentTarget);
    setLast(intent);
    // Called in a transition rather than as the form's action, so React does not reset the form.
    startTransition(() => (intent === "request" ? requestAction(form) : checkAction(form)));
  }

  const checkedOk = check?.ok ? check.data : null;
  return (
    <form onSubmit={submit} aria-label="Restore target" className="space-y-4" noValidate>
      <input type="hidden" name="backupId" value={props.backupId} />
      <input type="hidden" name="idempotencyKey" value={props.idempotencyKey} />
      <TargetFields
        values={values}
        onChange={setValues}
        editions={props.editions}
        regions={props.regions}
        sourceRegion={props.sourceRegion}
        statusAsOf={props.statusAsOf}
        errors={fieldErrors}
      />
      <div className="space-y-2">
        <button
          type="submit"
          name="intent"
          value="check"
          disabled={checking}
          className={buttonClass}
        >
          {checking ? "Checking…" : checkedOk ? "Check again" : "Check"}
        </button>
        {checkedOk && (
          <PreflightList
            checks={checkedOk.checks}
            stale={!TARGET_FIELDS.every((k) => checkedOk.checked[k] === current[k])}
          />
        )}
      </div>
      <div className="space-y-2 rounded-md border border-zinc-300 p-3 dark:border-zinc-700">
        <label htmlFor="restore-confirm" className="block text-sm font-medium">
          Type{" "}
          <code className="font-mono font-semibold">{current.target || "the target name"}</code> to
          confirm
        </label>
        <input
          id="restore-confirm"
          name="confirm"
          value={confirm}
          onChange={(e) => setConfirm(e.target.value)}
          autoComplete="off"
          spellCheck={false}
          aria-describedby="restore-why"
          aria-invalid={Boolean(fieldErrors.confirm) || undefined}
          className="block w-full max-w-sm rounded-md border border-zinc-300 bg-white px-2 py-1.5 font-mono text-sm aria-invalid:border-red-600 dark:border-zinc-700 dark:bg-zinc-900"
        />
        {fieldErrors.confirm && (
          <p className="text-xs font-medium text-red-700 dark:text-red-300">
            {fieldErrors.confirm.join("; ")}
          </p>
        )}
        <div className="flex flex-wrap items-center gap-3">
          <button
            type="submit"
            name="intent"
            value="restore"
            disabled={!ready || requesting}
            aria-describedby="restore-why"
            className="rounded-md bg-red-700 px-4 py-2 text-sm font-semibold text-white hover:bg-red-800 focus-visible:outline-2 focus-visible:outline-offset-2 focus-visible:outline-red-700 disabled:cursor-not-allowed disabled:bg-zinc-400 disabled:text-zinc-100 dark:disabled:bg-zinc-700 dark:disabled:text-zinc-400"
          >
            {requesting ? "Starting the restore…" : "Restore"}
          </button>
          <p id="restore-why" className="text-sm text-zinc-600 dark:text-zinc-400">
            {why}
          </p>
        </div>
      </div>
      <div aria-live="polite" role="status" className="text-sm empty:hidden">
        {outcome && !outcome.ok && (
          <p className="rounded-md border border-red-600/50 bg-red-50 px-3 py-2 text-red-900 dark:bg-red-950/40 dark:text-red-100">
            {outcome.error}
          </p>
        )}
        {last === "check" && checkedOk && (
          <p className="sr-only">
            {checkedOk.ok
              ? "Every pre-flight check passed."
              : `${checkedOk.checks.filter((c) => !c.ok).length} pre-flight checks failed.`}
          </p>
        )}
      </div>
    </form>
  );
}
