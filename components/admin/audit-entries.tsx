import { actorText, describeInput, type AuditRow } from "@/lib/audit";

const OUTCOME: Record<string, { icon: string; label: string; className: string }> = {
  ok: { icon: "✓", label: "OK", className: "text-emerald-700 dark:text-emerald-400" },
  refused: { icon: "⊘", label: "Refused", className: "text-amber-700 dark:text-amber-400" },
  failed: { icon: "✕", label: "Failed", className: "text-red-700 dark:text-red-400" },
};

/** A cell's heading, shown beside the value where a phone stacks the row. */
const PhoneLabel = ({ children }: { children: string }) => (
  <span className="mr-1 text-xs font-semibold text-zinc-600 sm:hidden dark:text-zinc-400">
    {children}:
  </span>
);

const cell = "py-2 pr-3 max-sm:block max-sm:py-0.5";

/**
 * Audit entries: a table on wide screens; on a phone each entry stacks into a block, so nothing
 * scrolls sideways. Input is shown as labelled text, already masked by the read.
 */
export function AuditEntries({ rows }: { rows: AuditRow[] }) {
  return (
    <table className="w-full table-fixed text-left text-sm max-sm:block" data-testid="audit-log">
      <caption className="sr-only">Audit log entries, newest first</caption>
      <thead className="border-b border-zinc-200 text-xs text-zinc-600 uppercase max-sm:sr-only dark:border-zinc-800 dark:text-zinc-400">
        <tr>
          <th className="w-28 py-2 pr-3">When (UTC)</th>
          <th className="w-[18%] py-2 pr-3">Who</th>
          <th className="w-[16%] py-2 pr-3">Action</th>
          <th className="w-[14%] py-2 pr-3">Target</th>
          <th className="w-24 py-2 pr-3">Outcome</th>
          <th className="py-2">Details</th>
        </tr>
      </thead>
      <tbody className="max-sm:block">
        {rows.map((r) => {
          const o = OUTCOME[r.outcome] ?? { icon: "?", label: r.outcome, className: "" };
          const who = actorText(r);
          const lines = describeInput(r.input);
          return (
            <tr
              key={r.id}
              data-audit-entry={r.id}
              className="border-b border-zinc-100 align-top break-words max-sm:block max-sm:py-2 dark:border-zinc-900"
            >
              <td className={`${cell} tabular-nums`}>
                <PhoneLabel>When</PhoneLabel>
                <time dateTime={r.at}>{r.at.slice(0, 19).replace("T", " ")}</time>
              </td>
              <td className={cell} data-testid="audit-actor">
                <PhoneLabel>Who</PhoneLabel>
                <span className="font-medium">{who.primary}</span>
                {who.secondary && (
                  <span className="block text-xs break-all text-zinc-600 max-sm:inline max-sm:pl-1 dark:text-zinc-400">
                    {who.secondary}
                  </span>
                )}
              </td>
              <td className={`${cell} font-mono text-xs break-all`}>
                <PhoneLabel>Action</PhoneLabel>
                {r.action}
              </td>
              <td className={`${cell} [overflow-wrap:anywhere]`}>
                <PhoneLabel>Target</PhoneLabel>
                {r.target ?? "—"}
              </td>
              <td className={`${cell} whitespace-nowrap ${o.className}`}>
                <PhoneLabel>Outcome</PhoneLabel>
                <span aria-hidden="true">{o.icon}</span> {o.label}
              </td>
              <td className="py-2 text-zinc-700 max-sm:block max-sm:py-0.5 dark:text-zinc-300">
                {r.detail && <p>{r.detail}</p>}
                {lines.length > 0 && (
                  <dl className="mt-0.5 text-xs text-zinc-600 dark:text-zinc-400">
                    {lines.map((l) => (
                      <div key={l.label} className="[overflow-wrap:anywhere]">
                        <dt className="inline font-semibold">{l.label}:</dt>{" "}
                        <dd className="inline">{l.value}</dd>
                      </div>
                    ))}
                  </dl>
                )}
                {!r.detail && lines.length === 0 && "—"}
              </td>
            </tr>
          );
        })}
      </tbody>
    </table>
  );
}
