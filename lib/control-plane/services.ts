/**
 * The local fabric's services: creating a restore's target, applying its configuration, moving
 * it between states and deleting it. Every change is checked against the service's state
 * (./transitions.ts) in the transaction that makes it, under a lock on the service's name, so a
 * restore can never create its target over a live service, nor change a service another restore
 * or person now owns.
 */
import { eq, inArray, isNotNull, or, sql } from "drizzle-orm";
import { queryRows, tables, type Db } from "../db";
import { invalidState, notFound } from "../errors";
import type { ServiceConfiguration } from "./configuration";
import {
  lifecycleOf,
  restoreTargetRefusal,
  sourcesOf,
  transitionRefusal,
  type Lifecycle,
} from "./transitions";
import type { NewService, ServiceRecord, StateChange } from "./types";

const { services, components, serviceComponents, serviceConfigurations } = tables;

/** Serialises everything that creates or changes the service of that name, until the transaction ends. */
export async function lockServiceName(tx: Db, serviceId: string): Promise<void> {
  await queryRows(
    tx,
    sql`select pg_advisory_xact_lock(hashtextextended(${`standfast:service:${serviceId}`}, 0))`,
  );
}

/** The service of that name, locked for the rest of the transaction (with its name). */
export async function readServiceForUpdate(
  tx: Db,
  serviceId: string,
): Promise<ServiceRecord | null> {
  await lockServiceName(tx, serviceId);
  const [row] = await tx.select().from(services).where(eq(services.id, serviceId)).for("update");
  return row ?? null;
}

/** The live states a restore may replace, from the table (absent and deleted need no state). */
const replaceableStates = (): Lifecycle[] =>
  sourcesOf("restoring").filter((s) => s !== "absent" && s !== "deleted");

/**
 * Creates the restore's target in state `restoring`, owned by the restore, or replaces a deleted
 * or restore_failed service of that name. Refuses (changing nothing) when the name is taken by
 * anything else; the insert itself re-checks that, so no interleaving can slip past it.
 */
export async function createService(tx: Db, target: NewService): Promise<void> {
  const existing = await readServiceForUpdate(tx, target.serviceId);
  const refusal = restoreTargetRefusal(target.serviceId, existing);
  if (refusal) throw invalidState(refusal);
  const values = {
    edition: target.edition,
    units: target.units,
    region: target.region,
    state: "restoring",
    stateReason: target.reason,
    stateChangedAt: new Date(),
    origin: "restore",
    restoreId: target.restoreId,
    retiredAt: null,
  };
  const created = await tx
    .insert(services)
    .values({ id: target.serviceId, ...values })
    .onConflictDoUpdate({
      target: services.id,
      set: values,
      setWhere: or(isNotNull(services.retiredAt), inArray(services.state, replaceableStates())),
    })
    .returning({ id: services.id });
  if (created.length === 0)
    throw invalidState(`${target.serviceId} was taken while the restore ran: nothing was changed`);
  await tx.delete(serviceComponents).where(eq(serviceComponents.serviceId, target.serviceId));
  for (const { role: _, ...c } of target.components)
    await tx
      .insert(components)
      .values(c)
      .onConflictDoUpdate({ target: components.id, set: { ...c, retiredAt: null } });
  await tx.insert(serviceComponents).values(
    target.components.map((c, position) => ({
      serviceId: target.serviceId,
      componentId: c.id,
      role: c.role,
      position,
    })),
  );
}

/** Why a restore may not change this service, or null: it must still be the restore's own. */
function ownerRefusal(
  serviceId: string,
  service: ServiceRecord | null,
  restoreId: string,
): string | null {
  if (!service || service.retiredAt) return `${serviceId} no longer exists: the restore stops here`;
  if (service.restoreId !== restoreId)
    return `${serviceId} is now ${service.state}, owned by another restore or by the estate: the restore stops without changing it`;
  return null;
}

/** Writes a whole configuration into a target that is mid-restore (owned and restoring, checked here). */
export async function applyConfiguration(
  tx: Db,
  serviceId: string,
  configuration: ServiceConfiguration,
  by: { restoreId: string; name: string },
): Promise<void> {
  const service = await readServiceForUpdate(tx, serviceId);
  const refusal =
    ownerRefusal(serviceId, service, by.restoreId) ??
    (service!.state === "restoring"
      ? null
      : `${serviceId} is now ${service!.state}: the restore stops without changing it`);
  if (refusal) throw invalidState(refusal);
  const values = {
    configuration,
    version: 1,
    sizeBytes: Buffer.byteLength(JSON.stringify(configuration)),
    updatedAt: new Date(),
    updatedBy: by.name,
  };
  await tx
    .insert(serviceConfigurations)
    .values({ serviceId, ...values })
    .onConflictDoUpdate({ target: serviceConfigurations.serviceId, set: values });
}

/**
 * Moves a service to another state if TRANSITIONS allows it from where it is (and, with a
 * restoreId, only while that restore still owns it). A refusal changes nothing.
 */
export async function setState(tx: Db, serviceId: string, change: StateChange): Promise<boolean> {
  const service = await readServiceForUpdate(tx, serviceId);
  const from = lifecycleOf(service);
  const refusal =
    (change.restoreId === undefined ? null : ownerRefusal(serviceId, service, change.restoreId)) ??
    (from === "absent" || from === "deleted"
      ? `${serviceId} no longer exists: nothing was changed`
      : transitionRefusal(serviceId, from, change.to));
  if (refusal) {
    if (change.ifRefused === "skip") return false;
    throw invalidState(refusal);
  }
  await tx
    .update(services)
    .set({
      state: change.to,
      stateReason: change.reason.slice(0, 500),
      stateChangedAt: new Date(),
    })
    .where(eq(services.id, serviceId));
  return true;
}

/** Deletes a service where TRANSITIONS allows it, and retires the components no live service uses. */
export async function retire(tx: Db, serviceId: string): Promise<void> {
  const service = await readServiceForUpdate(tx, serviceId);
  if (!service || service.retiredAt) throw notFound(`Service "${serviceId}"`);
  const refusal = transitionRefusal(serviceId, lifecycleOf(service), "deleted");
  if (refusal) throw invalidState(refusal);
  await tx.update(services).set({ retiredAt: new Date() }).where(eq(services.id, serviceId));
  await tx.execute(sql`update components set retired_at = now()
    where retired_at is null and id in (select component_id from service_components where service_id = ${serviceId})
      and id not in (select sc.component_id from service_components sc join services s on s.id = sc.service_id
                     where s.retired_at is null)`);
}
