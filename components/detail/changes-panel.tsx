import Link from "next/link";
import { readStatusChanges } from "@/lib/health";
import { STATUS_LABEL } from "@/lib/status/vocabulary";
import { StatusIcon } from "../status/status-icon";
import { ageBetween } from "../board/format";
import { fullUtc } from "./format";

/** The newest status changes, newest first; with several components, each row names its component. */
export async function ChangesPanel({
  components,
  generatedAt,
  limit = 20,
}: {
  components: { id: string; label: string }[];
  generatedAt: string;
  limit?: number;
}) {
  const changes = await readStatusChanges(
    components.map((c) => c.id),
    { limit },
  );
  const label = new Map(components.map((c) => [c.id, c.label]));
  if (changes.length === 0)
    return (
      <p className="text-sm text-zinc-600 dark:text-zinc-400">No status changes recorded yet.</p>
    );
  return (
    <ol className="divide-y divide-zinc-200 text-sm dark:divide-zinc-800">
      {changes.map((c) => (
        <li key={c.id} className="flex flex-wrap items-baseline gap-x-3 gap-y-0.5 py-2">
          <time dateTime={c.at} className="shrink-0 text-zinc-600 tabular-nums dark:text-zinc-400">
            {fullUtc(c.at)} <span className="text-xs">({ageBetween(c.at, generatedAt)} ago)</span>
          </time>
          {components.length > 1 && (
            <Link
              href={`/components/${encodeURIComponent(c.componentId)}`}
              prefetch={false}
              className="font-medium text-blue-700 hover:underline dark:text-blue-400"
            >
              {label.get(c.componentId) ?? c.componentId}
            </Link>
          )}
          <span className="inline-flex items-center gap-1.5">
            {c.from ? (
              <>
                <StatusIcon status={c.from} className="size-3.5" />
                {STATUS_LABEL[c.from]}
                <span aria-hidden="true">→</span>
                <span className="sr-only">to</span>
              </>
            ) : (
              <span>first reading:</span>
            )}
            <StatusIcon status={c.to} className="size-3.5" />
            <span className="font-medium">{STATUS_LABEL[c.to]}</span>
          </span>
          {c.reason && (
            <span className="basis-full text-zinc-600 dark:text-zinc-400">{c.reason}</span>
          )}
        </li>
      ))}
    </ol>
  );
}
