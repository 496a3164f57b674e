"use client";
import { useOptimistic, useState, useTransition } from "react";
import { tickChecklistAction } from "@/components/restores/actions";
import { CHECKLIST, type RestoreView } from "@/lib/restores/restore-types";
import { utcSeconds } from "../detail/format";

/**
 * The post-restore checklist: one checkbox per item, each tick saved at once (and audited) with
 * who ticked it and when. Read-only for anyone who may not tick it.
 */
export function Checklist({
  restoreId,
  state,
  canTick,
}: {
  restoreId: string;
  state: RestoreView["checklist"];
  canTick: boolean;
}) {
  const [pending, startTransition] = useTransition();
  // The box shows the tick at once; the server's answer (who, when) replaces it, or undoes it.
  const [shown, show] = useOptimistic(
    Object.fromEntries(CHECKLIST.map((c) => [c.id, Boolean(state[c.id])])),
    (current: Record<string, boolean>, change: { item: string; done: boolean }) => ({
      ...current,
      [change.item]: change.done,
    }),
  );
  const [saving, setSaving] = useState<string | null>(null);
  const [error, setError] = useState<string | null>(null);

  const tick = (item: string, done: boolean) => {
    setError(null);
    setSaving(item);
    startTransition(async () => {
      show({ item, done });
      const result = await tickChecklistAction(restoreId, item, done);
      if (!result.ok) setError(result.error);
      setSaving(null);
    });
  };

  const doneCount = CHECKLIST.filter((c) => state[c.id]).length;
  const busy = (item: string) => pending && saving === item;
  return (
    <div className="space-y-2">
      <p className="text-sm text-zinc-600 dark:text-zinc-400" data-testid="checklist-count">
        {doneCount} of {CHECKLIST.length} done
      </p>
      <ul aria-label="Post-restore checklist" className="space-y-2">
        {CHECKLIST.map((c) => {
          const done = state[c.id];
          const id = `check-${c.id}`;
          return (
            <li
              key={c.id}
              data-item={c.id}
              data-done={Boolean(done)}
              className="flex gap-3 rounded-md border border-zinc-200 px-3 py-2 text-sm dark:border-zinc-800"
            >
              <input
                id={id}
                type="checkbox"
                checked={shown[c.id] ?? false}
                disabled={!canTick || busy(c.id)}
                onChange={(e) => tick(c.id, e.target.checked)}
                aria-describedby={done ? `${id}-who` : undefined}
                className="mt-0.5 size-4 shrink-0 accent-blue-600"
              />
              <div className="min-w-0">
                <label htmlFor={id} className={canTick ? "cursor-pointer" : undefined}>
                  {c.text}
                </label>
                <p id={`${id}-who`} className="text-xs text-zinc-600 dark:text-zinc-400">
                  {busy(c.id)
                    ? "Saving…"
                    : done
                      ? `Done: ticked by ${done.by}, ${utcSeconds(done.at)}`
                      : "Not done yet"}
                </p>
              </div>
            </li>
          );
        })}
      </ul>
      <div aria-live="polite" role="status" className="text-sm empty:hidden">
        {error && (
          <p className="rounded-md border border-red-600/50 bg-red-50 px-3 py-2 text-red-900 dark:bg-red-950/40 dark:text-red-100">
            {error}
          </p>
        )}
      </div>
    </div>
  );
}
