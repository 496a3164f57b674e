import Link from "next/link";
import type { BackupDetail } from "@/lib/backups/backup-types";
import { fullUtc } from "../detail/format";
import { formatBytes } from "./format";

function Row({ term, children }: { term: string; children: React.ReactNode }) {
  return (
    <div className="grid grid-cols-[7rem_1fr] gap-x-3 py-1 sm:grid-cols-[10rem_1fr] sm:gap-x-4">
      <dt className="text-zinc-600 dark:text-zinc-400">{term}</dt>
      <dd className="min-w-0">{children}</dd>
    </div>
  );
}

/** "partners" -> "Partners", "x12Mappings" -> "X12 mappings". */
const words = (key: string) => {
  const text = key.replace(/([a-z0-9])([A-Z])/g, "$1 $2").toLowerCase();
  return text.charAt(0).toUpperCase() + text.slice(1);
};

/** What the archive says of itself: service, edition, units, region, when, what it holds, its SHA-256. */
export function ManifestFacts({ backup }: { backup: BackupDetail }) {
  const m = backup.manifest;
  if (!m)
    return (
      <p className="text-sm text-zinc-700 dark:text-zinc-300">
        {backup.status === "failed"
          ? "No archive was written, so there is no manifest."
          : "The manifest is written with the archive; it appears here when the backup is done."}
      </p>
    );
  const contents = Object.entries(m.contents);
  return (
    <div className="space-y-3">
      <dl className="text-sm">
        <Row term="Service">
          <Link
            href={`/services/${encodeURIComponent(m.service)}`}
            prefetch={false}
            className="text-blue-700 underline dark:text-blue-400"
          >
            {m.service}
          </Link>
        </Row>
        <Row term="Edition">{m.edition}</Row>
        <Row term="Units">{m.units}</Row>
        <Row term="Service region">{m.region}</Row>
        <Row term="Product version">{m.productVersion}</Row>
        <Row term="Created">
          <time dateTime={m.createdAt}>{fullUtc(m.createdAt)}</time>
        </Row>
        <Row term="Payload">{formatBytes(m.payload.size)} of JSON configuration</Row>
        <Row term="SHA-256">
          <code className="block font-mono text-xs break-all" data-testid="sha256">
            {m.payload.sha256}
          </code>
        </Row>
      </dl>
      {contents.length > 0 && (
        <div>
          <h3 className="mb-1 text-sm font-semibold">What it holds</h3>
          <ul
            className="grid grid-cols-2 gap-x-4 gap-y-0.5 text-sm sm:grid-cols-3"
            data-testid="contents"
          >
            {contents.map(([key, n]) => (
              <li
                key={key}
                className="flex justify-between gap-2 border-b border-zinc-100 py-0.5 dark:border-zinc-900"
              >
                <span>{words(key)}</span>
                <span className="tabular-nums">{n}</span>
              </li>
            ))}
          </ul>
        </div>
      )}
    </div>
  );
}

/** A backup holds the configuration only: what it leaves out, plainly, with the remedy for each. */
export function NotIncluded({ items }: { items: readonly string[] }) {
  return (
    <section
      aria-labelledby="not-included"
      className="rounded-lg border-2 border-amber-500/70 bg-amber-50 p-4 text-amber-950 dark:bg-amber-950/30 dark:text-amber-50"
    >
      <h2 id="not-included" className="mb-2 flex items-center gap-2 text-base font-semibold">
        <svg viewBox="0 0 16 16" className="size-5 shrink-0" aria-hidden="true">
          <path d="M8 1.2l7 13.3H1z" fill="currentColor" />
          <path d="M8 6v3.6" stroke="#fff" strokeWidth="1.7" strokeLinecap="round" />
          <circle cx="8" cy="12" r="1" fill="#fff" />
        </svg>
        What this backup does not contain
      </h2>
      <ul className="list-disc space-y-0.5 pl-5 text-sm" data-testid="not-included">
        {items.map((item) => (
          <li key={item}>{item}</li>
        ))}
      </ul>
    </section>
  );
}

/** Every step the backup went through, oldest first; errors stand out in words, not only colour. */
export function OperationLog({ log }: { log: BackupDetail["log"] }) {
  if (log.length === 0) return <p className="text-sm">Nothing logged yet.</p>;
  return (
    <ol className="divide-y divide-zinc-200 text-sm dark:divide-zinc-800" data-testid="backup-log">
      {log.map((e, i) => (
        <li key={i} className="flex flex-wrap gap-x-3 py-1.5">
          <time dateTime={e.at} className="shrink-0 text-zinc-600 tabular-nums dark:text-zinc-400">
            {fullUtc(e.at).replace(/ UTC$/, "")}:
            {String(new Date(e.at).getUTCSeconds()).padStart(2, "0")} UTC
          </time>
          {e.level === "error" && (
            <span className="font-semibold text-red-700 dark:text-red-300">Error:</span>
          )}
          <span className="min-w-0 break-words">{e.message}</span>
        </li>
      ))}
    </ol>
  );
}
