import type { Metadata } from "next";
import Link from "next/link";
import { notFound } from "next/navigation";
import { connection } from "next/server";
import { Breadcrumbs } from "@/components/detail/breadcrumbs";
import { Panel } from "@/components/detail/panel";
import { EdiWarning } from "@/components/restores/edi-warning";
import { RestoreFacts } from "@/components/restores/restore-facts";
import { RestoreLive } from "@/components/restores/restore-live";
import { RestoreOutcome } from "@/components/restores/restore-outcome";
import { hasRole } from "@/lib/roles";
import { currentActor, requirePageRole } from "@/lib/auth/session";
import { getBoard } from "@/lib/health";
import { getRestore } from "@/lib/restores";

type Props = { params: Promise<{ restoreId: string }> };

export async function generateMetadata({ params }: Props): Promise<Metadata> {
  const restore = await getRestore((await params).restoreId);
  return { title: restore ? `Restore into ${restore.target}` : "No such restore" };
}

export default async function RestorePage({ params }: Props) {
  await connection();
  const { restoreId } = await params;
  await requirePageRole("viewer", `/restores/${restoreId}`);
  const [restore, actor, board] = await Promise.all([
    getRestore(restoreId),
    currentActor(),
    getBoard(),
  ]);
  if (!restore) notFound();
  const regionName = board.regions.find((r) => r.id === restore.region)?.name ?? restore.region;
  return (
    <div className="space-y-4">
      <Breadcrumbs
        trail={[{ label: "Restores", href: "/restores" }, { label: `Into ${restore.target}` }]}
      />
      <header className="space-y-1">
        <h1 className="text-2xl font-semibold break-all">Restore into {restore.target}</h1>
        <p className="text-sm text-zinc-600 dark:text-zinc-400">
          From backup{" "}
          <Link
            href={`/backups/${restore.backupId}`}
            prefetch={false}
            className="break-all text-blue-700 underline dark:text-blue-400"
          >
            {restore.backupName}
          </Link>
          {restore.sourceService ? ` of ${restore.sourceService}` : ""}, into {regionName}.
        </p>
      </header>
      <Panel id="progress" title="Progress">
        <RestoreLive
          initial={{
            id: restore.id,
            status: restore.status,
            step: restore.step,
            progress: restore.progress,
            error: restore.error,
            log: restore.log,
            worker: restore.worker,
            asOf: restore.asOf,
          }}
        />
      </Panel>
      <RestoreOutcome restore={restore} actor={actor} canOperate={hasRole(actor, "operator")} />
      {restore.status !== "failed" && <EdiWarning />}
      <RestoreFacts restore={restore} regionName={regionName} />
    </div>
  );
}
