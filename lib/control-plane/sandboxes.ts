/**
 * Drill sandboxes: a place a drill restores a configuration into, kept apart from services so no
 * read of the estate lists one and no client can reach one. The local fabric keeps them in their
 * own table; it is their only writer, as for services.
 */
import { eq, notInArray, sql } from "drizzle-orm";
import { tables, type Db } from "../db";
import { conflict } from "../errors";
import type { SandboxRecord } from "./types";

const { drillSandboxes } = tables;

export async function createSandbox(
  tx: Db,
  sandbox: { name: string; drillId: string; serviceId: string },
): Promise<void> {
  const created = await tx
    .insert(drillSandboxes)
    .values(sandbox)
    .onConflictDoNothing()
    .returning({ name: drillSandboxes.name });
  if (!created.length) throw conflict(`Sandbox ${sandbox.name} exists already.`);
}

/** Writes the whole configuration into the sandbox, as jsonb like a service's own. */
export async function applySandboxConfiguration(
  tx: Db,
  name: string,
  configuration: unknown,
): Promise<void> {
  const updated = await tx
    .update(drillSandboxes)
    .set({ configuration: sql`${JSON.stringify(configuration)}::jsonb` })
    .where(eq(drillSandboxes.name, name))
    .returning({ name: drillSandboxes.name });
  if (!updated.length) throw new Error(`sandbox ${name} does not exist`);
}

export async function readSandbox(db: Db, name: string): Promise<SandboxRecord | null> {
  const [row] = await db.select().from(drillSandboxes).where(eq(drillSandboxes.name, name));
  return row ?? null;
}

/** Removes a sandbox; true when there was one. */
export async function removeSandbox(db: Db, name: string): Promise<boolean> {
  const removed = await db
    .delete(drillSandboxes)
    .where(eq(drillSandboxes.name, name))
    .returning({ name: drillSandboxes.name });
  return removed.length > 0;
}

/** Removes every sandbox whose drill is not one of `liveDrillIds`; their names. */
export async function removeOrphanSandboxes(db: Db, liveDrillIds: string[]): Promise<string[]> {
  const removed = await db
    .delete(drillSandboxes)
    .where(liveDrillIds.length ? notInArray(drillSandboxes.drillId, liveDrillIds) : sql`true`)
    .returning({ name: drillSandboxes.name });
  return removed.map((r) => r.name);
}
