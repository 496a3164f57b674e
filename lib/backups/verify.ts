/**
 * Reading an archive back: the operator's verify verb, and the check every reader of an archive
 * (restores) goes through. An archive is compared with the size, checksum and manifest recorded in
 * the store when the backup was taken, never only with itself.
 */
import { eq, sql } from "drizzle-orm";
import { auditRefusals, recordAudit } from "../audit";
import { requireRole, type Ctx } from "../auth";
import { tables, type Db } from "../db";
import { invalidState, notFound } from "../errors";
import { parsePayload } from "./archive";
import { verifyAgainstRecord } from "./archive-record";
import type { Manifest } from "./manifest";
import type { Stores } from "./registry";
import { withoutStorePaths } from "./store-view";
import type { BackupRecord } from "./runner";

const { backups } = tables;

/** What a check of an archive found; never the archive's contents. */
export type ArchiveVerdict = { ok: boolean; message: string };

type Inspection = ArchiveVerdict & {
  /** How the history should record it: verified, corrupted, missing; none when the store failed. */
  mark?: { checksum: "verified" | "corrupted" | "missing"; log: string };
  verified?: { manifest: Manifest; payload: Buffer };
};

/** Reads the archive from its store and checks it against its record. Changes nothing. */
async function inspectArchive(row: BackupRecord, stores: Stores): Promise<Inspection> {
  const store = stores.get(row.storeId);
  if (!store) return { ok: false, message: `backup store "${row.storeId}" is not configured` };
  let bytes: Buffer;
  try {
    bytes = await store.read(row.region, row.name);
  } catch (error) {
    const e = error as Error & { code?: string };
    if (e.code === "not-found")
      return {
        ok: false,
        message: `archive ${row.name} is missing from ${store.label}`,
        mark: { checksum: "missing", log: "verification: the archive is missing from its store" },
      };
    return {
      ok: false,
      message: `could not read the archive: ${withoutStorePaths(e.message, stores)}`,
    };
  }
  try {
    const { manifest, payloadOffset } = verifyAgainstRecord(bytes, row);
    return {
      ok: true,
      message: `archive ${row.name} verified: checksum matches (size, payload SHA-256 and manifest as recorded when it was taken)`,
      mark: { checksum: "verified", log: "verification: checksum matches" },
      verified: { manifest, payload: bytes.subarray(payloadOffset) },
    };
  } catch (error) {
    const message = (error as Error).message;
    return {
      ok: false,
      message: `archive ${row.name} refused: ${message}`,
      mark: { checksum: "corrupted", log: `verification: ${message}` },
    };
  }
}

/** Records what a check found in the backup's history (verified, corrupted or missing). */
async function markVerdict(db: Db, row: BackupRecord, found: Inspection): Promise<void> {
  if (!found.mark) return;
  const level = found.ok ? "info" : "error";
  await db
    .update(backups)
    .set({
      checksum: found.mark.checksum,
      log: sql`${backups.log} || ${JSON.stringify([{ at: new Date().toISOString(), level, message: found.mark.log }])}::jsonb`,
    })
    .where(eq(backups.id, row.id));
}

/** An operator checks an archive now. Returns the verdict only, never the archive. */
export async function verifyBackup(
  ctx: Ctx,
  id: string,
  options: { stores: Stores },
): Promise<ArchiveVerdict> {
  return auditRefusals(ctx, "backups.verify", id, async () => {
    requireRole(ctx.actor, "operator", "Verifying a backup");
    const [row] = await ctx.db.select().from(backups).where(eq(backups.id, id));
    if (!row) throw notFound(`Backup "${id}"`);
    if (row.status !== "succeeded")
      throw invalidState(
        `Backup ${row.name} is ${row.status}: only a succeeded backup has an archive to verify.`,
      );
    const found = await inspectArchive(row, options.stores);
    await ctx.db.transaction(async (tx) => {
      await markVerdict(tx, row, found);
      await recordAudit(tx, {
        actor: ctx.actor,
        action: "backups.verify",
        target: row.name,
        outcome: found.ok ? "ok" : "failed",
        detail: found.message,
      });
    });
    return { ok: found.ok, message: found.message };
  });
}

/**
 * The archive read from its store and checked against its record, for pre-flight checks; also
 * whether the store answered (it did when it gave the archive or said it has none). Changes
 * nothing: reading the archive is the check that its store can be used for a restore.
 */
export async function checkArchive(
  row: BackupRecord,
  stores: Stores,
): Promise<ArchiveVerdict & { storeAnswered: boolean }> {
  const { ok, message, mark } = await inspectArchive(row, stores);
  return { ok, message, storeAnswered: mark !== undefined };
}

export class ArchiveRefused extends Error {
  constructor(readonly verdict: ArchiveVerdict) {
    super(verdict.message);
    this.name = "ArchiveRefused";
  }
}

/**
 * The archive's manifest and configuration, for a reader that acts on it (a restore): checked
 * against its record first. A refusal is marked in the history and thrown as ArchiveRefused.
 */
export async function readVerifiedArchive(
  db: Db,
  row: BackupRecord,
  stores: Stores,
): Promise<{ manifest: Manifest; configuration: unknown }> {
  const found = await inspectArchive(row, stores);
  await markVerdict(db, row, found);
  if (!found.verified) throw new ArchiveRefused(found);
  return {
    manifest: found.verified.manifest,
    configuration: parsePayload(found.verified.payload),
  };
}
