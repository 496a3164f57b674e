import { CHECKED_ITEMS, CHECKLIST, RESTORE_STEPS, STEP_LABEL } from "@/lib/restores/restore-types";

/** The road after Restore, so the operator knows what the button starts. */
export function WhatHappens() {
  return (
    <section
      aria-labelledby="what-happens"
      className="rounded-lg border border-zinc-200 p-4 text-sm dark:border-zinc-800"
    >
      <h2 id="what-happens" className="mb-2 text-base font-semibold">
        What Restore starts
      </h2>
      <div className="grid gap-4 md:grid-cols-2">
        <div>
          <h3 className="font-medium">The restore&apos;s steps, followed live</h3>
          <ol className="mt-1 list-decimal space-y-0.5 pl-5 text-zinc-700 dark:text-zinc-300">
            {RESTORE_STEPS.map((s) => (
              <li key={s}>{STEP_LABEL[s]}</li>
            ))}
          </ol>
        </div>
        <div>
          <h3 className="font-medium">Then the checklist, before anyone resumes it</h3>
          <ol className="mt-1 list-decimal space-y-0.5 pl-5 text-zinc-700 dark:text-zinc-300">
            {CHECKLIST.map((c) => (
              <li key={c.id}>{c.text}</li>
            ))}
            {CHECKED_ITEMS.map((c) => (
              <li key={c.id}>{c.text} (checked by Standfast)</li>
            ))}
            <li>Resume the service</li>
          </ol>
        </div>
      </div>
    </section>
  );
}
