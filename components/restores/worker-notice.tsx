"use client";
import { useNow } from "@/components/board/use-now";
import type { RestoreView } from "@/lib/restores/restore-types";
import { workerNotice } from "./worker-notice-text";

type Restore = Pick<RestoreView, "status" | "step" | "worker" | "asOf"> & { receivedAt?: number };

/**
 * Says when the worker running a restore went silent, was lost, or was replaced. Its clock ticks
 * here, in the browser, so the silence keeps counting when the server stops answering.
 */
export function WorkerNotice({ restore }: { restore: Restore }) {
  const now = useNow();
  if (now === null) return null;
  // The server's time as this browser reckons it, from when it last heard from the server.
  const serverNow = now - (restore.receivedAt ? restore.receivedAt - Date.parse(restore.asOf) : 0);
  const notice = workerNotice(restore, serverNow);
  if (!notice) return null;
  const warning = notice.tone === "warning";
  return (
    <p
      role={warning ? "alert" : "status"}
      data-testid="worker-notice"
      data-tone={notice.tone}
      className={`flex gap-2 rounded border px-3 py-2 text-sm ${
        warning
          ? "border-amber-400 bg-amber-50 text-amber-950 dark:border-amber-500/60 dark:bg-amber-950/40 dark:text-amber-100"
          : "border-zinc-300 bg-zinc-50 text-zinc-800 dark:border-zinc-600 dark:bg-zinc-900 dark:text-zinc-200"
      }`}
    >
      <span aria-hidden="true" className="font-semibold">
        {warning ? "⚠" : "ℹ"}
      </span>
      <span>
        <strong className="font-semibold">{warning ? "Worker lost. " : "Resumed. "}</strong>
        {notice.text}
      </span>
    </p>
  );
}
