import type { RestoreView } from "@/lib/restores/restore-types";

/**
 * The checklist items Standfast checks against the store (read with the page, so a schedule removed
 * since shows ✗): each with a mark and a word, never colour alone, and what was found.
 */
export function CheckedItems({ checks }: { checks: RestoreView["checks"] }) {
  return (
    <ul aria-label="Checked against the store" className="space-y-2">
      {checks.map((c) => (
        <li
          key={c.id}
          data-item={c.id}
          data-ok={c.ok}
          className="flex gap-3 rounded-md border border-zinc-200 px-3 py-2 text-sm dark:border-zinc-800"
        >
          <span
            aria-hidden="true"
            className={`mt-0.5 w-4 shrink-0 text-center font-bold ${c.ok ? "text-green-700 dark:text-green-400" : "text-red-700 dark:text-red-400"}`}
          >
            {c.ok ? "✓" : "✗"}
          </span>
          <div className="min-w-0">
            <p>
              {c.text}: <strong>{c.ok ? "checked" : "not yet"}</strong>
            </p>
            <p className="text-xs text-zinc-600 dark:text-zinc-400">Found: {c.found}</p>
          </div>
        </li>
      ))}
    </ul>
  );
}
