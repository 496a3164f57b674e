import Link from "next/link";
import { SCHEDULE_LABEL, type RestoreView } from "@/lib/restores/restore-types";
import { Panel } from "../detail/panel";
import { utcSeconds } from "../detail/format";

function Row({ term, children }: { term: string; children: React.ReactNode }) {
  return (
    <div className="grid grid-cols-[minmax(7rem,10rem)_1fr] gap-x-4 py-1">
      <dt className="text-zinc-600 dark:text-zinc-400">{term}</dt>
      <dd className="min-w-0 break-words">{children}</dd>
    </div>
  );
}

/** What was asked for: the backup, the target and who asked. */
export function RestoreFacts({
  restore,
  regionName,
}: {
  restore: RestoreView;
  regionName: string;
}) {
  return (
    <Panel id="facts" title="The restore">
      <dl className="text-sm md:columns-2 md:gap-8">
        <Row term="Backup">
          <Link
            href={`/backups/${restore.backupId}`}
            prefetch={false}
            className="break-all underline"
          >
            {restore.backupName}
          </Link>
        </Row>
        <Row term="Backed-up service">{restore.sourceService || "not known"}</Row>
        <Row term="Target">
          {restore.targetState ? (
            <Link
              href={`/services/${encodeURIComponent(restore.target)}`}
              prefetch={false}
              className="underline"
            >
              {restore.target}
            </Link>
          ) : (
            restore.target
          )}
        </Row>
        <Row term="Region">{regionName}</Row>
        <Row term="Edition">{restore.edition}</Row>
        <Row term="Tracking database">{restore.trackingDatabase}</Row>
        <Row term="Storage account">{restore.storage}</Row>
        <Row term="Replication chosen">{restore.storageReplication ?? "not chosen (LRS)"}</Row>
        <Row term="Backup schedule chosen">
          {restore.backupSchedule ? SCHEDULE_LABEL[restore.backupSchedule.kind] : "not chosen"}
        </Row>
        <Row term="Requested">
          by {restore.requestedBy}, {utcSeconds(restore.requestedAt)}
        </Row>
        <Row term="Finished">{restore.finishedAt ? utcSeconds(restore.finishedAt) : "not yet"}</Row>
        <Row term="Restore id">
          <code className="font-mono text-xs break-all">{restore.id}</code>
        </Row>
      </dl>
    </Panel>
  );
}
