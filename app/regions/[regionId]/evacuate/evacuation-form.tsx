"use client";
import Link from "next/link";
import { useActionState, useState } from "react";
import { buttonClass, inputClass } from "@/components/backups/form-parts";
import { storageName, type EvacuationPlan } from "@/lib/restores/evacuation-types";
import { startEvacuationAction, type EvacuateState } from "./actions";

type Row = EvacuationPlan["rows"][number];

/**
 * The plan as a form: each service that can be restored, with its target name and region the
 * operator may change, included unless unticked; one typed confirmation (the region's id) starts
 * them all. Each row then says what became of it: its restore, or why it was refused.
 */
export function EvacuationForm({ plan }: { plan: EvacuationPlan }) {
  const [state, action, pending] = useActionState<EvacuateState, FormData>(
    startEvacuationAction.bind(null, plan.region.id),
    null,
  );
  const [targets, setTargets] = useState<Record<string, string>>(() =>
    Object.fromEntries(plan.rows.map((r) => [r.serviceId, r.target?.name ?? ""])),
  );
  const [confirm, setConfirm] = useState("");
  const restorable = plan.rows.filter((r) => r.backup && r.target);
  const outcome = (serviceId: string) =>
    state?.ok ? state.data.find((o) => o.serviceId === serviceId) : undefined;
  if (restorable.length === 0)
    return (
      <p className="text-sm">
        Nothing here can be restored from a backup held elsewhere: see the risks above.
      </p>
    );
  return (
    <form action={action} className="space-y-4">
      <ul className="divide-y divide-zinc-200 dark:divide-zinc-800">
        {restorable.map((row: Row) => {
          const id = row.serviceId;
          const target = targets[id] ?? "";
          const done = outcome(id);
          return (
            <li key={id} className="grid gap-2 py-3 sm:grid-cols-[12rem_1fr_1fr] sm:items-end">
              <input type="hidden" name="service" value={id} />
              <input type="hidden" name={`backup.${id}`} value={row.backup!.id} />
              <input type="hidden" name={`tracking.${id}`} value={`${target}-tracking`} />
              <input type="hidden" name={`storage.${id}`} value={storageName(target)} />
              <label className="flex items-center gap-2 text-sm font-medium">
                <input type="checkbox" name={`include.${id}`} defaultChecked />
                Restore {id}
              </label>
              <div>
                <label htmlFor={`target.${id}`} className="block text-sm">
                  As
                </label>
                <input
                  id={`target.${id}`}
                  name={`target.${id}`}
                  value={target}
                  onChange={(e) => setTargets((t) => ({ ...t, [id]: e.target.value }))}
                  className={inputClass}
                  autoComplete="off"
                  spellCheck={false}
                />
              </div>
              <div>
                <label htmlFor={`region.${id}`} className="block text-sm">
                  Into
                </label>
                <select
                  id={`region.${id}`}
                  name={`region.${id}`}
                  defaultValue={row.target!.region}
                  className={inputClass}
                >
                  {plan.candidates.map((r) => (
                    <option key={r.id} value={r.id}>
                      {r.name} ({r.status.replace(/_/g, " ")})
                    </option>
                  ))}
                </select>
              </div>
              <p className="text-xs text-zinc-600 sm:col-span-3 dark:text-zinc-400">
                From {row.backup!.name}, held in {row.backup!.region}, taken{" "}
                {row.backup!.finishedAt.slice(0, 16).replace("T", " ")} UTC; tracking database{" "}
                {target}-tracking, storage {storageName(target)}.
              </p>
              {done && (
                <p className="text-sm sm:col-span-3" data-outcome={id} role="status">
                  {done.restoreId ? (
                    <>
                      Started:{" "}
                      <Link
                        href={`/restores/${done.restoreId}`}
                        prefetch={false}
                        className="text-blue-700 underline dark:text-blue-400"
                      >
                        restore into {done.target}
                      </Link>
                    </>
                  ) : (
                    <span className="font-medium text-red-700 dark:text-red-300">
                      Refused: {done.error}
                    </span>
                  )}
                </p>
              )}
            </li>
          );
        })}
      </ul>
      <div className="max-w-sm">
        <label htmlFor="confirm" className="block text-sm font-medium">
          Type {plan.region.id} to start every ticked restore
        </label>
        <input
          id="confirm"
          name="confirm"
          value={confirm}
          onChange={(e) => setConfirm(e.target.value)}
          className={inputClass}
          autoComplete="off"
          spellCheck={false}
        />
      </div>
      <button
        type="submit"
        className={buttonClass}
        disabled={pending || confirm.trim() !== plan.region.id}
      >
        {pending ? "Starting…" : "Start the restores"}
      </button>
      <div aria-live="polite" role="status" className="text-sm empty:hidden">
        {state && !state.ok && (
          <p className="rounded-md border border-red-600/50 bg-red-50 px-3 py-2 font-medium text-red-900 dark:bg-red-950/40 dark:text-red-100">
            {state.error}
          </p>
        )}
        {state?.ok &&
          `${state.data.filter((o) => o.restoreId).length} restore(s) started, ${state.data.filter((o) => o.error).length} refused.`}
      </div>
    </form>
  );
}
