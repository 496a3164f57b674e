import { and, eq, isNull, notInArray, sql } from "drizzle-orm";
import { getControlPlane } from "./registry";
import { chunks, tables, type Db } from "../db";
import type { LoadedEstate } from "../estate";

const { regions, estateMeta } = tables;

const fromExcluded = (columns: string[]) =>
  Object.fromEntries(columns.map((c) => [camel(c), sql.raw(`excluded.${c}`)]));
const camel = (c: string) => c.replace(/_([a-z])/g, (_, l: string) => l.toUpperCase());

/**
 * Writes the estate into the store: upserts regions, retires the ones the estate no longer
 * declares, hands its services and components to the control plane (their only writer), and
 * bumps the estate version when anything changed.
 */
export async function syncEstate(
  db: Db,
  estate: LoadedEstate,
  now = new Date(),
): Promise<{ version: number; changed: boolean }> {
  return db.transaction(async (tx) => {
    await tx.execute(sql`select pg_advisory_xact_lock(7310002)`);
    const [meta] = await tx.select().from(estateMeta).where(eq(estateMeta.id, 1));
    const changed = !meta || meta.hash !== estate.hash || meta.demo !== estate.demo;

    if (changed) {
      for (const batch of chunks(
        estate.regions.map((r, position) => ({
          id: r.id,
          name: r.name,
          position,
          retiredAt: null,
        })),
      )) {
        await tx
          .insert(regions)
          .values(batch)
          .onConflictDoUpdate({
            target: regions.id,
            set: fromExcluded(["name", "position", "retired_at"]),
          });
      }
      await tx
        .update(regions)
        .set({ retiredAt: now })
        .where(
          and(
            isNull(regions.retiredAt),
            notInArray(
              regions.id,
              estate.regions.map((r) => r.id),
            ),
          ),
        );

      await getControlPlane().declareEstate(tx, estate, now);
    }

    const version = (meta?.version ?? 0) + (changed ? 1 : 0);
    const row = {
      origin: estate.demo ? "demo" : "file",
      source: estate.source,
      hash: estate.hash,
      version,
      loadedAt: now,
      demo: estate.demo,
    };
    await tx
      .insert(estateMeta)
      .values({ id: 1, ...row })
      .onConflictDoUpdate({ target: estateMeta.id, set: row });
    return { version, changed };
  });
}

/** Anything that changes services (states, new services) bumps the version so readers reload. */
export async function bumpEstateVersion(db: Db): Promise<void> {
  await db
    .update(estateMeta)
    .set({ version: sql`${estateMeta.version} + 1` })
    .where(eq(estateMeta.id, 1));
}
