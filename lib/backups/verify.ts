/**
 * Reading an archive back: the operator's verify verb, and the check every reader of an archive
 * (restores) goes through. Either marks the history verified, corrupted or missing.
 */
import { eq, sql } from "drizzle-orm";
import { auditRefusals, recordAudit } from "../audit";
import { requireRole, type Ctx } from "../auth";
import { tables, type Db } from "../db";
import { invalidState, notFound } from "../errors";
import { verifyArchive } from "./archive";
import type { Stores } from "./registry";
import type { BackupRecord } from "./runner";

const { backups } = tables;

/** An operator checks an archive now: read it from its store and verify its checksum. */
export async function verifyBackup(
  ctx: Ctx,
  id: string,
  options: { stores: Stores },
): Promise<{ ok: boolean; message: string }> {
  return auditRefusals(ctx, "backups.verify", id, async () => {
    requireRole(ctx.actor, "operator", "Verifying a backup");
    const [row] = await ctx.db.select().from(backups).where(eq(backups.id, id));
    if (!row) throw notFound(`Backup "${id}"`);
    if (row.status !== "succeeded")
      throw invalidState(
        `Backup ${row.name} is ${row.status}: only a succeeded backup has an archive to verify.`,
      );
    const result = await checkArchive(ctx.db, row, options.stores);
    await recordAudit(ctx.db, {
      actor: ctx.actor,
      action: "backups.verify",
      target: row.name,
      outcome: result.ok ? "ok" : "failed",
      detail: result.message,
    });
    return result;
  });
}

/**
 * Reads an archive and verifies it; marks the row verified, corrupted or missing. Used by the
 * verify verb and by anything that reads an archive (restores).
 */
export async function checkArchive(
  db: Db,
  row: BackupRecord,
  stores: Stores,
): Promise<{ ok: boolean; message: string; bytes?: Buffer }> {
  const store = stores.get(row.storeId);
  const mark = async (checksum: string, message: string, level: "info" | "error") => {
    await db
      .update(backups)
      .set({
        checksum,
        log: sql`${backups.log} || ${JSON.stringify([{ at: new Date().toISOString(), level, message }])}::jsonb`,
      })
      .where(eq(backups.id, row.id));
  };
  if (!store) return { ok: false, message: `backup store "${row.storeId}" is not configured` };
  let bytes: Buffer;
  try {
    bytes = await store.read(row.region, row.name);
  } catch (error) {
    const e = error as Error & { code?: string };
    if (e.code === "not-found") {
      await mark("missing", "verification: the archive is missing from its store", "error");
      return { ok: false, message: `archive ${row.name} is missing from ${store.label}` };
    }
    return { ok: false, message: `could not read the archive: ${e.message}` };
  }
  try {
    const { manifest } = verifyArchive(bytes);
    if (row.sha256 && manifest.payload.sha256 !== row.sha256)
      throw new Error("corrupted archive: its manifest is not the one recorded when it was taken");
    await mark("verified", "verification: checksum matches", "info");
    return { ok: true, message: `archive ${row.name} verified: checksum matches`, bytes };
  } catch (error) {
    const message = (error as Error).message;
    await mark("corrupted", `verification: ${message}`, "error");
    return { ok: false, message: `archive ${row.name} refused: ${message}` };
  }
}
