import type { Metadata } from "next";
import Link from "next/link";
import { notFound } from "next/navigation";
import { connection } from "next/server";
import { BackupStatusLabel } from "@/components/backups/backup-status";
import { ChecksumCell } from "@/components/backups/backups-table";
import { formatBytes, formatTook, utcWithAge } from "@/components/backups/format";
import { LiveProgress } from "@/components/backups/live-progress";
import { ManifestFacts, NotIncluded, OperationLog } from "@/components/backups/manifest-facts";
import { VerifyButton } from "@/components/backups/verify-button";
import { Breadcrumbs } from "@/components/detail/breadcrumbs";
import { Panel } from "@/components/detail/panel";
import { RestoreLink } from "@/components/restores/restore-link";
import { getBackup, TRIGGER_LABEL } from "@/lib/backups";
import { hasRole } from "@/lib/roles";
import { currentActor, requirePageRole } from "@/lib/auth/session";

type Props = { params: Promise<{ backupId: string }> };

export async function generateMetadata({ params }: Props): Promise<Metadata> {
  const backup = await getBackup((await params).backupId);
  return { title: backup ? backup.name : "No such backup" };
}

function Row({ term, children }: { term: string; children: React.ReactNode }) {
  return (
    <div className="grid grid-cols-[7rem_1fr] gap-x-3 py-1 sm:grid-cols-[10rem_1fr] sm:gap-x-4">
      <dt className="text-zinc-600 dark:text-zinc-400">{term}</dt>
      <dd className="min-w-0">{children}</dd>
    </div>
  );
}

export default async function BackupPage({ params }: Props) {
  await connection();
  const { backupId } = await params;
  await requirePageRole("viewer", `/backups/${backupId}`);
  const [backup, actor] = await Promise.all([getBackup(backupId), currentActor()]);
  if (!backup) notFound();
  const now = new Date().toISOString();
  const active = backup.status === "queued" || backup.status === "running";
  const op = backup.operation;
  return (
    <div className="space-y-4">
      <Breadcrumbs trail={[{ label: "Backups", href: "/backups" }, { label: backup.name }]} />
      <header className="space-y-1">
        <h1 className="text-2xl font-semibold break-words">{backup.name}</h1>
        <p className="text-sm text-zinc-600 dark:text-zinc-400">
          {TRIGGER_LABEL[backup.trigger]} backup of{" "}
          <Link
            href={`/services/${encodeURIComponent(backup.serviceId)}`}
            prefetch={false}
            className="text-blue-700 underline dark:text-blue-400"
          >
            {backup.serviceId}
          </Link>
          , requested by {backup.requestedBy} {utcWithAge(backup.requestedAt, now)}
        </p>
        {backup.status === "succeeded" && <RestoreLink actor={actor} backupId={backup.id} />}
      </header>
      <section
        aria-label="Outcome"
        className="rounded-lg border border-zinc-200 px-4 py-3 dark:border-zinc-800"
      >
        {active ? (
          <LiveProgress
            initial={{
              id: backup.id,
              status: backup.status,
              progress: backup.progress,
              error: backup.error,
            }}
          />
        ) : (
          <div className="space-y-1">
            <div className="flex flex-wrap items-center gap-x-5 gap-y-1 text-lg">
              <BackupStatusLabel
                status={backup.status}
                className="font-semibold"
                iconClass="size-6"
              />
              <ChecksumCell row={backup} />
            </div>
            {backup.error && (
              <p className="text-sm text-red-800 dark:text-red-200">
                {backup.error} ·{" "}
                <a href="#log" className="underline">
                  operation log
                </a>
              </p>
            )}
          </div>
        )}
      </section>
      <div className="grid gap-4 md:grid-cols-2">
        <Panel id="facts" title="Backup">
          <dl className="text-sm">
            <Row term="Region">
              <span data-testid="backup-region">
                {backup.regionName} ({backup.region})
              </span>
            </Row>
            <Row term="Store">
              <span data-testid="backup-store">{backup.storeLabel}</span>
            </Row>
            <Row term="Size">{backup.sizeBytes === null ? "–" : formatBytes(backup.sizeBytes)}</Row>
            <Row term="Started">
              {backup.startedAt ? utcWithAge(backup.startedAt, now) : "not yet"}
            </Row>
            <Row term="Finished">
              {backup.finishedAt ? utcWithAge(backup.finishedAt, now) : "not yet"}
            </Row>
            <Row term="Took">{formatTook(backup.durationMs)}</Row>
            {op && (
              <Row term="Taken after">
                {op.summary} ({op.actor}, {utcWithAge(op.at, now)})
              </Row>
            )}
          </dl>
          {backup.status === "succeeded" && (
            <div className="mt-3 border-t border-zinc-200 pt-3 dark:border-zinc-800">
              {hasRole(actor, "operator") ? (
                <VerifyButton backupId={backup.id} />
              ) : (
                <p className="text-sm text-zinc-600 print:hidden dark:text-zinc-400">
                  Operators can read the archive back and verify its checksum here.
                </p>
              )}
            </div>
          )}
        </Panel>
        <Panel id="manifest" title="Manifest">
          <ManifestFacts backup={backup} />
        </Panel>
      </div>
      <NotIncluded items={backup.notIncluded} />
      <Panel id="log" title="Operation log">
        <OperationLog log={backup.log} />
      </Panel>
    </div>
  );
}
