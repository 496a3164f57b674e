/**
 * The local fabric's side of estate sync: the estate file's components, services and their links
 * as declared. A service's state in the file is its initial state only; after that the control
 * plane's verbs own it. Services the file no longer declares are retired, and components no live
 * service uses any more stop being polled and shown.
 */
import { and, eq, inArray, isNull, notInArray, sql } from "drizzle-orm";
import { chunks, tables, type Db } from "../db";
import type { EstateComponent, EstateService } from "../estate/types";

const { services, components, serviceComponents } = tables;

const fromExcluded = (columns: string[]) =>
  Object.fromEntries(columns.map((c) => [camel(c), sql.raw(`excluded.${c}`)]));
const camel = (c: string) => c.replace(/_([a-z])/g, (_, l: string) => l.toUpperCase());

export async function declareEstate(
  tx: Db,
  estate: { services: EstateService[]; components: EstateComponent[] },
  now: Date,
): Promise<void> {
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

  await tx.execute(sql`
    update components set retired_at = ${now}
    where retired_at is null and id not in (
      select sc.component_id from service_components sc
      join services s on s.id = sc.service_id where s.retired_at is null)`);
}
