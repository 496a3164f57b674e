import {
  RESTORE_STEPS,
  STEP_LABEL,
  type RestoreStatus,
  type RestoreStep,
} from "@/lib/restores/restore-types";
import { RestoreIcon } from "./restore-status";

type StepState = "done" | "current" | "failed" | "waiting";
const WORD: Record<StepState, string> = {
  done: "Done",
  current: "In progress",
  failed: "Failed here",
  waiting: "Waiting",
};
const ICON = {
  done: "succeeded",
  current: "running",
  failed: "failed",
  waiting: "waiting",
} as const;

/** Each step's state: the ones before the job's step are done; its own is current, or failed. */
export function stepStates(status: RestoreStatus, step: RestoreStep | "done"): StepState[] {
  const at = step === "done" ? RESTORE_STEPS.length : RESTORE_STEPS.indexOf(step);
  return RESTORE_STEPS.map((_, i) =>
    i < at ? "done" : i > at ? "waiting" : status === "failed" ? "failed" : "current",
  );
}

/** The job's steps in order, the current one marked (for screen readers too), each in words. */
export function RestoreSteps({
  status,
  step,
}: {
  status: RestoreStatus;
  step: RestoreStep | "done";
}) {
  const states = stepStates(status, step);
  return (
    <ol aria-label="Restore steps" className="grid gap-2 sm:grid-cols-4">
      {RESTORE_STEPS.map((s, i) => {
        const state = states[i]!;
        return (
          <li
            key={s}
            data-step={s}
            data-state={state}
            aria-current={state === "current" || state === "failed" ? "step" : undefined}
            className={`flex items-start gap-2 rounded-md border px-3 py-2 text-sm ${
              state === "current"
                ? "border-blue-600 bg-blue-50 ring-1 ring-blue-600 dark:border-blue-400 dark:bg-blue-950/40 dark:ring-blue-400"
                : state === "failed"
                  ? "border-red-600 bg-red-50 ring-1 ring-red-600 dark:border-red-400 dark:bg-red-950/40 dark:ring-red-400"
                  : "border-zinc-200 dark:border-zinc-800"
            }`}
          >
            <RestoreIcon status={ICON[state]} className="mt-0.5 size-4" />
            <span>
              <span className="block font-medium">
                {i + 1}. {STEP_LABEL[s]}
              </span>
              <span className="text-xs text-zinc-600 dark:text-zinc-400">{WORD[state]}</span>
            </span>
          </li>
        );
      })}
    </ol>
  );
}
