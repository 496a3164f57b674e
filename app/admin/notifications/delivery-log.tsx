import Link from "next/link";
import {
  DELIVERY_STATUS_LABEL,
  DELIVERY_STATUSES,
  EVENT_KIND_LABEL,
  SUBSCRIPTION_KIND_LABEL,
  type DeliveryStatus,
  type DeliveryView,
  type SubscriptionView,
} from "@/lib/incidents/notify/notify-types";

// Status in words with an icon; the colour only repeats them.
const STATUS_LOOK: Record<DeliveryStatus, { icon: string; className: string }> = {
  pending: { icon: "◷", className: "text-amber-800 dark:text-amber-300" },
  sending: { icon: "↻", className: "text-blue-800 dark:text-blue-300" },
  delivered: { icon: "✓", className: "text-emerald-800 dark:text-emerald-300" },
  failed: { icon: "✕", className: "text-red-700 dark:text-red-300" },
  cancelled: { icon: "⊘", className: "text-zinc-600 dark:text-zinc-400" },
};

const input =
  "rounded-md border border-zinc-300 bg-white px-2 py-1.5 text-sm dark:border-zinc-700 dark:bg-zinc-900";

const time = (iso: string) => `${iso.slice(0, 19).replace("T", " ")} UTC`;

export type LogFilter = { subscription?: string; status?: string; page: number };

export function DeliveryStatusText({ status }: { status: DeliveryStatus }) {
  const look = STATUS_LOOK[status];
  return (
    <span
      className={`font-medium whitespace-nowrap ${look.className}`}
      data-delivery-status={status}
    >
      <span aria-hidden="true">{look.icon} </span>
      {DELIVERY_STATUS_LABEL[status]}
    </span>
  );
}

function Row({ d }: { d: DeliveryView }) {
  return (
    <tr data-delivery={d.id} className="align-top">
      <td className="py-2 pr-3 whitespace-nowrap">{time(d.eventAt)}</td>
      <td className="py-2 pr-3">
        <p className="font-medium">{d.eventTitle}</p>
        <p className="text-xs text-zinc-600 dark:text-zinc-400">{EVENT_KIND_LABEL[d.eventKind]}</p>
      </td>
      <td className="py-2 pr-3">
        {d.subscriptionName}
        <span className="block text-xs text-zinc-600 dark:text-zinc-400">
          {SUBSCRIPTION_KIND_LABEL[d.subscriptionKind]}
        </span>
      </td>
      <td className="py-2 pr-3">
        <DeliveryStatusText status={d.status} />
        {d.nextAttemptAt && d.attempts > 0 && (
          <span className="block text-xs">next try {time(d.nextAttemptAt)}</span>
        )}
      </td>
      <td className="py-2 pr-3 text-right tabular-nums">{d.attempts}</td>
      <td className="py-2 pr-3 text-right tabular-nums">
        {d.latencyMs === null ? "—" : `${d.latencyMs} ms`}
      </td>
      <td className="max-w-xs py-2 text-xs break-words">
        {d.lastError ?? ""}
        {d.log.length > 0 && (
          <details className="mt-1">
            <summary className="cursor-pointer">Attempts ({d.log.length})</summary>
            <ol className="mt-1 list-decimal space-y-1 pl-5">
              {d.log.map((a, i) => (
                <li key={i}>
                  {time(a.at)}: {a.outcome === "delivered" ? "✓ delivered" : "✕ failed"} in {a.ms}{" "}
                  ms{a.error ? ` (${a.error})` : ""}
                </li>
              ))}
            </ol>
          </details>
        )}
      </td>
    </tr>
  );
}

/** The delivery log: each delivery's status, attempts, latency and errors; filters and pages. */
export function DeliveryLog({
  result,
  problem,
  filter,
  subscriptions,
}: {
  result: { rows: DeliveryView[]; total: number; page: number; pages: number } | null;
  problem: string | null;
  filter: LogFilter;
  subscriptions: SubscriptionView[];
}) {
  const pageHref = (page: number) => {
    const q = new URLSearchParams(
      Object.entries({ ...filter, page: String(page) }).filter(([, v]) => v) as [string, string][],
    );
    return `/admin/notifications?${q}#deliveries`;
  };
  return (
    <section aria-labelledby="deliveries" className="space-y-3">
      <h2 id="deliveries" className="text-lg font-semibold">
        Delivery log
      </h2>
      <form method="get" role="search" className="flex flex-wrap items-end gap-3">
        <label className="grid gap-1 text-sm">
          Subscription
          <select name="subscription" defaultValue={filter.subscription ?? ""} className={input}>
            <option value="">any</option>
            {subscriptions.map((s) => (
              <option key={s.id} value={s.id}>
                {s.name}
              </option>
            ))}
          </select>
        </label>
        <label className="grid gap-1 text-sm">
          Status
          <select name="status" defaultValue={filter.status ?? ""} className={input}>
            <option value="">any</option>
            {DELIVERY_STATUSES.map((s) => (
              <option key={s} value={s}>
                {DELIVERY_STATUS_LABEL[s]}
              </option>
            ))}
          </select>
        </label>
        <button type="submit" className={input}>
          Show
        </button>
      </form>
      {problem && (
        <p role="alert" className="text-sm font-medium text-red-700 dark:text-red-300">
          {problem}
        </p>
      )}
      {result && result.rows.length === 0 && (
        <p className="text-sm text-zinc-600 dark:text-zinc-400">No deliveries match.</p>
      )}
      {result && result.rows.length > 0 && (
        <div className="overflow-x-auto">
          <table className="w-full min-w-[48rem] text-sm">
            <caption className="sr-only">Deliveries, newest first</caption>
            <thead className="text-left text-xs text-zinc-600 dark:text-zinc-400">
              <tr>
                <th className="pr-3 font-medium">Event time</th>
                <th className="pr-3 font-medium">Event</th>
                <th className="pr-3 font-medium">To</th>
                <th className="pr-3 font-medium">Status</th>
                <th className="pr-3 text-right font-medium">Attempts</th>
                <th className="pr-3 text-right font-medium">Latency</th>
                <th className="font-medium">Last error</th>
              </tr>
            </thead>
            <tbody className="divide-y divide-zinc-200 dark:divide-zinc-800">
              {result.rows.map((d) => (
                <Row key={d.id} d={d} />
              ))}
            </tbody>
          </table>
        </div>
      )}
      {result && result.pages > 1 && (
        <nav aria-label="Delivery log pages" className="flex gap-3 text-sm">
          {result.page > 1 && <Link href={pageHref(result.page - 1)}>← Newer</Link>}
          <span>
            Page {result.page} of {result.pages} ({result.total} deliveries)
          </span>
          {result.page < result.pages && <Link href={pageHref(result.page + 1)}>Older →</Link>}
        </nav>
      )}
    </section>
  );
}
