import { EDI_WARNING } from "@/lib/restores/restore-types";
import { fullUtc } from "../detail/format";

/** The domain brief's warning, said where the operator cannot miss it. */
export function EdiWarning({ backupTakenAt }: { backupTakenAt?: string | null }) {
  return (
    <aside
      aria-labelledby="edi-warning"
      data-testid="edi-warning"
      className="flex gap-3 rounded-lg border-2 border-amber-500 bg-amber-50 px-4 py-3 text-amber-950 dark:border-amber-400/70 dark:bg-amber-950/40 dark:text-amber-50"
    >
      <svg viewBox="0 0 16 16" className="mt-0.5 size-5 shrink-0" aria-hidden="true">
        <path d="M8 1.2l7 13.3H1z" fill="currentColor" className="text-amber-600" />
        <path d="M8 6v3.6" stroke="#fff" strokeWidth="1.8" strokeLinecap="round" />
        <circle cx="8" cy="12" r="1" fill="#fff" />
      </svg>
      <div className="space-y-1 text-sm">
        <h2 id="edi-warning" className="font-semibold">
          Warning: EDI control numbers roll back
        </h2>
        <p>{EDI_WARNING}</p>
        {backupTakenAt && (
          <p>
            This backup was taken {fullUtc(backupTakenAt)}: control numbers used since then can be
            issued again by the restored service.
          </p>
        )}
      </div>
    </aside>
  );
}

/** What a backup does not hold, so the operator knows what to bring back by other means. */
export function NotIncluded({ items }: { items: readonly string[] }) {
  return (
    <section
      aria-labelledby="not-included"
      className="rounded-lg border border-zinc-200 p-4 text-sm dark:border-zinc-800"
    >
      <h2 id="not-included" className="mb-2 text-base font-semibold">
        Not in the backup: bring these back by other means
      </h2>
      <ul className="list-disc space-y-0.5 pl-5 text-zinc-700 dark:text-zinc-300">
        {items.map((item) => (
          <li key={item}>{item}</li>
        ))}
      </ul>
    </section>
  );
}
