/** The backup list's filter and the compliance trend's window, parsed from a query string. */
import { z } from "zod";
import { parseOrThrow } from "../validation";
import { validationError } from "../errors";
import { BACKUP_STATUSES, type BackupQuery } from "./backup-types";

const DateOrTime = z
  .string()
  .refine(
    (v) =>
      z.iso.date().safeParse(v).success || z.iso.datetime({ offset: true }).safeParse(v).success,
    "expected a date such as 2026-11-24, or a date-time such as 2026-11-24T08:00:00Z",
  );

export const BackupQueryInput = z.strictObject({
  service: z.string().trim().min(1).max(100).optional(),
  status: z
    .enum(BACKUP_STATUSES, { message: `expected one of ${BACKUP_STATUSES.join(", ")}` })
    .optional(),
  region: z.string().trim().min(1).max(100).optional(),
  from: DateOrTime.optional(),
  to: DateOrTime.optional(),
  page: z.coerce.number().int().min(1, "pages start at 1").max(100_000).default(1),
  pageSize: z.coerce.number().int().min(1).max(100, "at most 100 rows a page").default(25),
});

/** Parses a query string (or its record) into a backup query; bad values are named. */
export function parseBackupQuery(params: Record<string, string | undefined>): BackupQuery {
  const clean = Object.fromEntries(
    Object.entries(params).filter(([, v]) => v !== undefined && v !== ""),
  );
  const q = parseOrThrow(BackupQueryInput, clean, "Invalid backup filter");
  const day = (text: string, end: boolean) =>
    new Date(text.length === 10 ? `${text}T${end ? "23:59:59.999" : "00:00:00.000"}Z` : text);
  return {
    ...q,
    from: q.from ? day(q.from, false) : undefined,
    to: q.to ? day(q.to, true) : undefined,
  };
}

/** The compliance trend's window: 30 (default) or 90 days. */
export function parseDays(value: string | undefined): 30 | 90 {
  if (value === undefined || value === "30") return 30;
  if (value === "90") return 90;
  throw validationError(`days must be 30 or 90 (got "${value}").`, { days: ["expected 30 or 90"] });
}
