import { randomUUID } from "node:crypto";
import type { Metadata } from "next";
import { connection } from "next/server";
import { Breadcrumbs } from "@/components/detail/breadcrumbs";
import { Panel } from "@/components/detail/panel";
import { BackupPicker } from "@/components/restores/backup-picker";
import { ChosenBackup } from "@/components/restores/chosen-backup";
import { defaultTargetName } from "@/components/restores/defaults";
import { EdiWarning, NotIncluded } from "@/components/restores/edi-warning";
import { regionOptions } from "@/components/restores/region-options";
import { RestoreForm } from "@/components/restores/restore-form";
import { OperatorOnly } from "@/components/restores/role-notice";
import { WhatHappens } from "@/components/restores/what-happens";
import { hasRole } from "@/lib/roles";
import { currentActor, requirePageRole } from "@/lib/auth/session";
import { getBackup } from "@/lib/backups";
import { getBoard } from "@/lib/health";
import { editionsFrom, whyNotRestorable } from "@/lib/restores";
import { findBackups } from "./find-backups";

export const metadata: Metadata = { title: "Restore a backup" };

type Search = Record<string, string | string[] | undefined>;
const one = (v: string | string[] | undefined) => (Array.isArray(v) ? v[0] : v) || undefined;

export default async function NewRestorePage({ searchParams }: { searchParams: Promise<Search> }) {
  await connection();
  const params = await searchParams;
  const query = new URLSearchParams(
    Object.entries(params).flatMap(([k, v]) => (typeof v === "string" ? [[k, v]] : [])),
  ).toString();
  // Signing in brings the operator back to the same backup or service.
  await requirePageRole("operator", `/restores/new${query ? `?${query}` : ""}`);
  const actor = await currentActor();
  const values = {
    backup: one(params.backup),
    service: one(params.service),
    q: one(params.q),
    before: one(params.before),
  };
  const here = `/restores/new${values.backup ? `?backup=${encodeURIComponent(values.backup)}` : ""}`;
  const header = (
    <>
      <Breadcrumbs trail={[{ label: "Restores", href: "/restores" }, { label: "New restore" }]} />
      <header className="space-y-1">
        <h1 className="text-2xl font-semibold">Restore a backup</h1>
        <p className="max-w-3xl text-sm text-zinc-600 dark:text-zinc-400">
          A backup&apos;s configuration comes back as a new service, or under a name whose service
          was deleted or is restore_failed, in the region you choose. It comes up suspended: work
          through the checklist, then resume it.
        </p>
      </header>
    </>
  );
  if (!hasRole(actor, "operator"))
    return (
      <div className="space-y-4">
        {header}
        <OperatorOnly actor={actor} what="Restoring a backup" next={here} />
      </div>
    );

  const [board, chosen] = await Promise.all([
    getBoard(),
    values.backup ? getBackup(values.backup) : Promise.resolve(null),
  ]);
  const now = new Date().toISOString();
  const unrestorable = chosen && whyNotRestorable(chosen);
  const usable = chosen && !unrestorable ? chosen : null;
  const choiceProblem = !values.backup
    ? null
    : !chosen
      ? `There is no backup with the id "${values.backup}". Choose one below.`
      : unrestorable
        ? `Backup ${unrestorable}. Choose another below.`
        : null;
  const found = usable
    ? null
    : await findBackups({ ...values, service: values.service ?? chosen?.serviceId });
  const edition = usable?.manifest?.edition;
  const editions = edition ? editionsFrom(edition) : [];
  return (
    <div className="space-y-4">
      {header}
      <EdiWarning backupTakenAt={usable ? (usable.startedAt ?? usable.requestedAt) : null} />
      <Panel id="backup" title="1. The backup">
        {choiceProblem && (
          <p
            role="alert"
            className="mb-3 rounded-md border border-red-600/50 bg-red-50 px-3 py-2 text-sm text-red-900 dark:bg-red-950/40 dark:text-red-100"
          >
            {choiceProblem}
          </p>
        )}
        {usable ? (
          <ChosenBackup backup={usable} now={now} />
        ) : (
          <BackupPicker
            services={board.services.map((s) => s.id)}
            values={{
              service: values.service ?? chosen?.serviceId,
              q: values.q,
              before: found!.beforeField,
            }}
            rows={found!.rows}
            searched={found!.searched}
            beforeIso={found!.beforeIso}
            problem={found!.problem}
            now={now}
          />
        )}
      </Panel>
      {usable && (
        <Panel id="target" title="2. Where to restore it, the checks and the confirmation">
          {editions.length ? (
            <RestoreForm
              backupId={usable.id}
              editions={editions}
              regions={regionOptions(board)}
              sourceRegion={board.services.find((s) => s.id === usable.serviceId)?.region ?? ""}
              defaultTarget={defaultTargetName(
                usable.serviceId,
                board.services.map((s) => s.id),
              )}
              idempotencyKey={randomUUID()}
              statusAsOf={board.generatedAt}
            />
          ) : (
            <p role="alert" className="text-sm">
              {edition === "developer"
                ? "This backup is of the developer edition, which cannot be restored."
                : "This backup's manifest does not say its edition, so it cannot be restored."}
            </p>
          )}
        </Panel>
      )}
      {usable && <NotIncluded items={usable.notIncluded} />}
      <WhatHappens />
    </div>
  );
}
