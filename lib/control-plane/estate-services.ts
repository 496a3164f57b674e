/**
 * The local fabric's side of estate sync: the estate file's components, services and their links
 * as declared. A service's state in the file is its initial state only; after that the control
 * plane's verbs own it. Services the file no longer declares are retired, and components no live
 * service uses any more stop being polled and shown.
 */
import { and, eq, gt, inArray, isNull, notInArray, sql } from "drizzle-orm";
import { chunks, tables, type Db } from "../db";
import type { EstateComponent, EstateService } from "../estate/types";

const { services, serviceComponents } = tables;

/** Rows per statement of the set-based upserts: a few MB of JSON at most, however large the estate. */
const ROWS_PER_STATEMENT = 2_500;

/** Batches with the index of their first row. */
const chunksAt = <T>(rows: T[], size: number): [number, T[]][] =>
  chunks(rows, size).map((batch, i) => [i * size, batch]);

export async function declareEstate(
  tx: Db,
  estate: { services: EstateService[]; components: EstateComponent[] },
  now: Date,
): Promise<void> {
  // Set-based: each batch is one JSON parameter expanded by the database, rather than a
  // statement of thousands of parameters (building those took seconds at 10,000 components).
  for (const batch of chunks(estate.components, ROWS_PER_STATEMENT)) {
    const rows = batch.map((c) => ({
      id: c.id,
      name: c.name,
      kind: c.kind,
      region: c.region,
      source: c.source,
      interval_ms: c.intervalMs,
      timeout_ms: c.timeoutMs,
      stale_after_ms: c.staleAfterMs,
      attributes: c.attributes,
    }));
    await tx.execute(sql`
      insert into components
        (id, name, kind, region, source, interval_ms, timeout_ms, stale_after_ms, attributes, retired_at)
      select id, name, kind, region, source, interval_ms, timeout_ms, stale_after_ms,
        coalesce(attributes, '{}'::jsonb), null
      from jsonb_to_recordset(${JSON.stringify(rows)}::jsonb) as x(id text, name text,
        kind text, region text, source jsonb, interval_ms integer, timeout_ms integer,
        stale_after_ms integer, attributes jsonb)
      on conflict (id) do update set name = excluded.name, kind = excluded.kind,
        region = excluded.region, source = excluded.source, interval_ms = excluded.interval_ms,
        timeout_ms = excluded.timeout_ms, stale_after_ms = excluded.stale_after_ms,
        attributes = excluded.attributes, retired_at = excluded.retired_at`);
  }

  const serviceIds = estate.services.map((s) => s.id);
  for (const [start, batch] of chunksAt(estate.services, ROWS_PER_STATEMENT)) {
    const rows = batch.map((s, i) => ({
      id: s.id,
      edition: s.edition,
      units: s.units,
      region: s.region,
      state: s.state,
      position: start + i,
    }));
    // The state in the file is the initial state only: an existing service keeps its own.
    await tx.execute(sql`
      insert into services
        (id, edition, units, region, state, position, origin, state_changed_at, retired_at)
      select id, edition, units, region, state, position, 'estate', ${now.toISOString()}::timestamptz, null
      from jsonb_to_recordset(${JSON.stringify(rows)}::jsonb) as x(id text, edition text,
        units integer, region text, state text, position integer)
      on conflict (id) do update set edition = excluded.edition, units = excluded.units,
        region = excluded.region, position = excluded.position, retired_at = excluded.retired_at`);
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
      service_id: s.id,
      component_id: c.id,
      role: c.role,
      position,
    })),
  );
  for (const batch of chunks(links, ROWS_PER_STATEMENT))
    await tx.execute(sql`
      insert into service_components (service_id, component_id, role, position)
      select service_id, component_id, role, position
      from jsonb_to_recordset(${JSON.stringify(batch)}::jsonb) as x(service_id text,
        component_id text, role text, position integer)`);

  // Components no live service uses any more stop being polled and shown.
  await tx.execute(sql`
    update components set retired_at = ${now}
    where retired_at is null and id not in (
      select sc.component_id from service_components sc
      join services s on s.id = sc.service_id where s.retired_at is null)`);
}

/**
 * The estate's live services have existed since `since` at least (the demo's history starts then),
 * and so have the first recorded facts of them and their components.
 */
export async function dateEstateServices(db: Db, since: Date): Promise<void> {
  await db.execute(sql`
    update estate_fact_history set valid_from = ${since}
    where valid_from > ${since} and id in (
      select min(id) from estate_fact_history group by subject, subject_id)
    and (
      (subject = 'service' and subject_id in (
        select id from services where origin = 'estate' and retired_at is null))
      or (subject = 'component' and subject_id in (
        select sc.component_id from service_components sc join services s on s.id = sc.service_id
        where s.origin = 'estate' and s.retired_at is null)))`);
  await db
    .update(services)
    .set({ createdAt: since })
    .where(
      and(eq(services.origin, "estate"), isNull(services.retiredAt), gt(services.createdAt, since)),
    );
}
