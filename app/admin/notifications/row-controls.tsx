"use client";

import { useActionState } from "react";
import { deleteSubscriptionAction, testSubscriptionAction } from "./actions";

const button =
  "rounded-md border border-zinc-300 px-3 py-1.5 text-sm font-medium hover:bg-zinc-100 focus-visible:outline-2 focus-visible:outline-offset-2 focus-visible:outline-blue-600 disabled:opacity-60 dark:border-zinc-700 dark:hover:bg-zinc-800";

type Outcome = { ok: true; data: { message: string } } | { ok: false; error: string } | null;

function Said({ result }: { result: Outcome }) {
  return (
    <p aria-live="polite" role="status" className="text-sm">
      {result && !result.ok && (
        <span className="text-red-700 dark:text-red-300">✕ {result.error}</span>
      )}
      {result?.ok && <span>{result.data.message}</span>}
    </p>
  );
}

/** "Send a test" and "Delete" for one subscription. */
export function SubscriptionControls({ id, name }: { id: string; name: string }) {
  const [tested, test, testing] = useActionState(testSubscriptionAction, null);
  const [deleted, remove, deleting] = useActionState(deleteSubscriptionAction, null);
  return (
    <div className="space-y-1">
      <div className="flex flex-wrap gap-2">
        <form action={test}>
          <input type="hidden" name="id" value={id} />
          <button
            type="submit"
            className={button}
            disabled={testing}
            aria-label={`Send a test to ${name}`}
          >
            {testing ? "Sending…" : "Send a test"}
          </button>
        </form>
        <form
          action={remove}
          onSubmit={(e) => {
            if (
              !window.confirm(
                `Delete the subscription "${name}"? Deliveries it has waiting are cancelled.`,
              )
            )
              e.preventDefault();
          }}
        >
          <input type="hidden" name="id" value={id} />
          <button
            type="submit"
            className={button}
            disabled={deleting}
            aria-label={`Delete ${name}`}
          >
            Delete
          </button>
        </form>
      </div>
      <Said
        result={
          tested?.ok
            ? {
                ok: true,
                data: { message: (tested.data.delivered ? "✓ " : "… ") + tested.data.message },
              }
            : tested
        }
      />
      <Said result={deleted} />
    </div>
  );
}
