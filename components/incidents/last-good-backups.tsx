import Link from "next/link";
import { hasRole, type Actor } from "@/lib/roles";
import type { LastGoodBackup } from "@/lib/incidents/incident-types";
import { fullUtc } from "../detail/format";
import { RestoreLink } from "../restores/restore-link";

/** Per affected service: its newest restorable backup from before the incident, and a way to restore it. */
export function LastGoodBackups({ rows, actor }: { rows: LastGoodBackup[]; actor: Actor }) {
  if (rows.length === 0) return <p className="text-sm">No service is affected.</p>;
  return (
    <ul className="space-y-2 text-sm">
      {rows.map((r) => (
        <li
          key={r.serviceId}
          data-service={r.serviceId}
          className="flex flex-wrap items-center gap-x-3 gap-y-1"
        >
          <span className="font-medium">{r.serviceId}</span>
          {r.backup ? (
            <>
              <Link
                href={`/backups/${r.backup.id}`}
                prefetch={false}
                className="text-blue-700 underline dark:text-blue-400"
              >
                {r.backup.name}
              </Link>
              <span className="text-zinc-600 dark:text-zinc-400">
                taken {fullUtc(r.backup.takenAt)}, stored in {r.backup.region}
              </span>
              <RestoreLink actor={actor} backupId={r.backup.id} label="Restore this backup" />
            </>
          ) : (
            <span>No good backup before this incident started.</span>
          )}
        </li>
      ))}
      {!hasRole(actor, "operator") && (
        <li className="text-zinc-600 dark:text-zinc-400">Restoring needs the operator role.</li>
      )}
    </ul>
  );
}
