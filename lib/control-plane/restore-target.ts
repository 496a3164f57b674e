/**
 * The local fabric's side of a restore: creating the target service and moving it through
 * restoring → suspended (or restore_failed). Every change is checked against the service's state
 * in the transaction that makes it, under a lock on the service's name, so a restore can never
 * create its target over a live service, nor change a service another restore or person now owns.
 */
import { and, eq, isNotNull, or, sql } from "drizzle-orm";
import { queryRows, tables, type Db } from "../db";
import { invalidState } from "../errors";
import { ServiceConfiguration } from "./configuration";

const { services, components, serviceComponents, serviceConfigurations } = tables;

type ServiceRow = typeof services.$inferSelect;

/** Serialises everything that creates or changes the service of that name, until the transaction ends. */
export async function lockServiceName(tx: Db, serviceId: string): Promise<void> {
  await queryRows(
    tx,
    sql`select pg_advisory_xact_lock(hashtextextended(${`standfast:service:${serviceId}`}, 0))`,
  );
}

/** Why a restore may not create a service over this one, or null when it may (domain brief, §5). */
export function restoreTargetRefusal(
  serviceId: string,
  existing: Pick<ServiceRow, "state" | "retiredAt"> | null | undefined,
): string | null {
  if (!existing || existing.retiredAt || existing.state === "restore_failed") return null;
  return `${serviceId} exists and is ${existing.state}: a restore may create its target only when it is absent, deleted or restore_failed`;
}

/** The service of that name, locked for the rest of the transaction (with its name). */
export async function readServiceForUpdate(tx: Db, serviceId: string) {
  await lockServiceName(tx, serviceId);
  const [row] = await tx.select().from(services).where(eq(services.id, serviceId)).for("update");
  return row ?? null;
}

export type RestoredComponent = {
  id: string;
  name: string;
  kind: string;
  region: string;
  source: unknown;
  intervalMs: number;
  timeoutMs: number;
  staleAfterMs: number;
  attributes: Record<string, unknown>;
  role: string;
};

/**
 * Creates the restore's target in state `restoring`, owned by the restore, or replaces a deleted
 * or restore_failed service of that name. Refuses (changing nothing) when the name is taken by
 * anything else; the insert itself re-checks that, so no interleaving can slip past it.
 */
export async function createRestoreTarget(
  tx: Db,
  target: {
    serviceId: string;
    restoreId: string;
    edition: string;
    units: number;
    region: string;
    reason: string;
    components: RestoredComponent[];
  },
): Promise<void> {
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
      setWhere: or(isNotNull(services.retiredAt), eq(services.state, "restore_failed")),
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

/**
 * Locks the restore's target and checks it is still the one the restore created, mid-restore.
 * Anything else (resumed, deleted, replaced by another restore) refuses the step.
 */
export async function assertRestoring(tx: Db, serviceId: string, restoreId: string) {
  const service = await readServiceForUpdate(tx, serviceId);
  if (!service || service.retiredAt)
    throw invalidState(`${serviceId} no longer exists: the restore stops here`);
  if (service.restoreId !== restoreId || service.state !== "restoring")
    throw invalidState(
      `${serviceId} is now ${service.state}${service.restoreId !== restoreId ? ", owned by another restore or by the estate" : ""}: the restore stops without changing it`,
    );
  return service;
}

/** Writes the restored configuration into a target that is mid-restore (checked here). */
export async function applyRestoredConfiguration(
  tx: Db,
  serviceId: string,
  restoreId: string,
  configuration: ServiceConfiguration,
  by: string,
): Promise<void> {
  await assertRestoring(tx, serviceId, restoreId);
  const values = {
    configuration,
    version: 1,
    sizeBytes: Buffer.byteLength(JSON.stringify(configuration)),
    updatedAt: new Date(),
    updatedBy: by,
  };
  await tx
    .insert(serviceConfigurations)
    .values({ serviceId, ...values })
    .onConflictDoUpdate({ target: serviceConfigurations.serviceId, set: values });
}

/** restoring → suspended: the restored service waits for its checklist. Checked here. */
export async function suspendRestoredService(
  tx: Db,
  serviceId: string,
  restoreId: string,
  reason: string,
): Promise<void> {
  await assertRestoring(tx, serviceId, restoreId);
  await tx
    .update(services)
    .set({ state: "suspended", stateReason: reason, stateChangedAt: new Date() })
    .where(eq(services.id, serviceId));
}

/**
 * restoring → restore_failed, only when the target is still this restore's and mid-restore: a
 * failed restore never marks a service it does not own. Returns whether it did.
 */
export async function failRestoreTarget(
  tx: Db,
  serviceId: string,
  restoreId: string,
  reason: string,
): Promise<boolean> {
  await lockServiceName(tx, serviceId);
  const changed = await tx
    .update(services)
    .set({
      state: "restore_failed",
      stateReason: `restore failed: ${reason}`.slice(0, 500),
      stateChangedAt: new Date(),
    })
    .where(
      and(
        eq(services.id, serviceId),
        eq(services.restoreId, restoreId),
        eq(services.state, "restoring"),
      ),
    )
    .returning({ id: services.id });
  return changed.length > 0;
}
