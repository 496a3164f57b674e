import Link from "next/link";
import type { BackupDetail } from "@/lib/backups/backup-types";
import { ChecksumLabel } from "../backups/backup-status";
import { fullUtc } from "../detail/format";
import { ageBetween } from "../board/format";

function Row({ term, children }: { term: string; children: React.ReactNode }) {
  return (
    <div className="grid grid-cols-[minmax(6rem,9rem)_1fr] gap-x-3 py-0.5">
      <dt className="text-zinc-600 dark:text-zinc-400">{term}</dt>
      <dd className="min-w-0 break-words">{children}</dd>
    </div>
  );
}

/** "x12Mappings" -> "X12 mappings": a manifest's content keys in words. */
const words = (key: string) =>
  key
    .replace(/([a-z0-9])([A-Z])/g, "$1 $2")
    .toLowerCase()
    .replace(/^x12/, "X12");

/** The backup about to be restored, with a way back to the picker. */
export function ChosenBackup({ backup, now }: { backup: BackupDetail; now: string }) {
  const taken = backup.startedAt ?? backup.requestedAt;
  const m = backup.manifest;
  const contents = m
    ? Object.entries(m.contents)
        .map(([what, n]) => `${words(what)} ${n}`)
        .join(", ")
    : null;
  return (
    <div className="space-y-2" data-testid="chosen-backup" data-backup-id={backup.id}>
      <dl className="text-sm">
        <Row term="Backup">
          <Link
            href={`/backups/${backup.id}`}
            prefetch={false}
            className="font-medium break-all text-blue-700 underline dark:text-blue-400"
          >
            {backup.name}
          </Link>
        </Row>
        <Row term="Of service">
          <Link
            href={`/services/${encodeURIComponent(backup.serviceId)}`}
            prefetch={false}
            className="underline"
          >
            {backup.serviceId}
          </Link>
        </Row>
        <Row term="Taken">
          <time dateTime={taken}>{fullUtc(taken)}</time> ({ageBetween(taken, now)} ago)
        </Row>
        <Row term="Stored in">
          {backup.regionName} · {backup.storeLabel}
        </Row>
        <Row term="Edition">
          {m
            ? `${m.edition}, ${m.units} unit${m.units === 1 ? "" : "s"}, product ${m.productVersion}`
            : "not recorded"}
        </Row>
        {contents && <Row term="Holds">{contents}</Row>}
        <Row term="Archive">
          <ChecksumLabel state={backup.checksum} />
        </Row>
      </dl>
      <Link
        href={`/restores/new?service=${encodeURIComponent(backup.serviceId)}`}
        prefetch={false}
        className="inline-block text-sm underline"
      >
        Choose another backup
      </Link>
    </div>
  );
}
