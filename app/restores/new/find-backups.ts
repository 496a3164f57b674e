import "server-only";
import { listBackups, parseBackupQuery } from "@/lib/backups";
import type { BackupRow } from "@/lib/backups/backup-types";
import { parseBefore, toLocalField } from "@/components/restores/defaults";
import { isDomainError } from "@/lib/errors";
import { RESTORABLE_BACKUP_STATUS } from "@/lib/restores";

/** How many of the newest succeeded backups a name search looks through. */
const SEARCH_DEPTH = 100;

/**
 * The picker's search: succeeded backups, newest first, of one service or all, taken before a
 * time; the name filter is applied to the newest SEARCH_DEPTH of them (the backups read has no
 * name filter yet). Bad input becomes a message, never a crash.
 */
export async function findBackups(values: { service?: string; q?: string; before?: string }) {
  const before = parseBefore(values.before);
  const base = {
    rows: [] as BackupRow[],
    searched: null as { among: number; total: number } | null,
    beforeIso: before.iso,
    beforeField: before.iso ? toLocalField(before.iso) : values.before,
  };
  if (before.error) return { ...base, problem: `Last good backup before: ${before.error}` };
  try {
    const page = await listBackups(
      parseBackupQuery({
        service: values.service,
        status: RESTORABLE_BACKUP_STATUS,
        to: before.iso ?? undefined,
        pageSize: String(SEARCH_DEPTH),
      }),
    );
    const q = values.q?.trim().toLowerCase();
    return {
      ...base,
      rows: q ? page.rows.filter((r) => r.name.toLowerCase().includes(q)) : page.rows,
      searched: q ? { among: page.rows.length, total: page.total } : null,
      problem: null,
    };
  } catch (error) {
    if (!isDomainError(error) || error.kind !== "validation") throw error;
    return { ...base, problem: error.message };
  }
}
