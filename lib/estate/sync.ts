import { and, eq, inArray, isNull, notInArray, sql } from "drizzle-orm";
import { chunks, tables, type Db } from "../db";
import type { LoadedEstate } from "./load";

const { regions, services, components, serviceComponents, estateMeta } = tables;

const fromExcluded = (columns: string[]) =>
  Object.fromEntries(columns.map((c) => [camel(c), sql.raw(`excluded.${c}`)]));
const camel = (c: string) => c.replace(/_([a-z])/g, (_, l: string) => l.toUpperCase());

/**
 * Writes the estate into the store: upserts regions, components and services, retires what
 * the estate no longer declares, and bumps the estate version when anything changed. A service's
 * state in the file is its initial state only; after that the control plane owns it.
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

      const componentRows = estate.components.map((c) => ({
        id: c.id,
        name: c.name,
        kind: c.kind,
        region: c.region,
        source: c.source,
        intervalMs: c.intervalMs,
        timeoutMs: c.timeoutMs,
        staleAfterMs: c.staleAfterMs,
        attributes: c.attributes,
        retiredAt: null,
      }));
      for (const batch of chunks(componentRows)) {
        await tx
          .insert(components)
          .values(batch)
          .onConflictDoUpdate({
            target: components.id,
            set: fromExcluded([
              "name",
              "kind",
              "region",
              "source",
              "interval_ms",
              "timeout_ms",
              "stale_after_ms",
              "attributes",
              "retired_at",
            ]),
          });
      }

      const serviceIds = estate.services.map((s) => s.id);
      const serviceRows = estate.services.map((s, position) => ({
        id: s.id,
        edition: s.edition,
        units: s.units,
        region: s.region,
        state: s.state,
        position,
        origin: "estate",
        stateChangedAt: now,
        retiredAt: null,
      }));
      for (const batch of chunks(serviceRows)) {
        // The state in the file is the initial state only: an existing service keeps its own.
        await tx
          .insert(services)
          .values(batch)
          .onConflictDoUpdate({
            target: services.id,
            set: fromExcluded(["edition", "units", "region", "position", "retired_at"]),
          });
      }
      await tx
        .update(services)
        .set({ retiredAt: now })
        .where(
          and(
            eq(services.origin, "estate"),
            isNull(services.retiredAt),
            notInArray(services.id, serviceIds),
          ),
        );

      await tx.delete(serviceComponents).where(inArray(serviceComponents.serviceId, serviceIds));
      const links = estate.services.flatMap((s) =>
        s.components.map((c, position) => ({
          serviceId: s.id,
          componentId: c.id,
          role: c.role,
          position,
        })),
      );
      for (const batch of chunks(links)) await tx.insert(serviceComponents).values(batch);

      // Components no live service uses any more stop being polled and shown.
      await tx.execute(sql`
        update components set retired_at = ${now}
        where retired_at is null and id not in (
          select sc.component_id from service_components sc
          join services s on s.id = sc.service_id where s.retired_at is null)`);
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
