/**
 * The local fabric's store side: each service's configuration and its management operations.
 * A management operation changes the configuration, records what changed, is audited, and (when
 * the service's schedule asks for it) queues a backup, all in one transaction.
 */
import { and, desc, eq, gte, inArray, isNull } from "drizzle-orm";
import { auditRefusals, recordAudit } from "../audit";
import { requireRole, type Ctx } from "../auth";
import { batchesBySize, tables, type Db } from "../db";
import { invalidState, notFound } from "../errors";
import { parseOrThrow } from "../validation";
import { ServiceConfiguration } from "./configuration";
import { demoConfiguration, NO_CONTENT } from "./demo-config";
import { applyOperation, OperationInput } from "./operations";
import { redactSecrets, redactText } from "../secrets";
import type { Edition } from "../estate/types";
import type {
  ImportedOperation,
  OperationOptions,
  OperationQuery,
  RecordedOperation,
  StoredConfiguration,
} from "./types";

const { services, serviceConfigurations, managementOperations } = tables;

/** States in which the local fabric accepts configuration changes. */
export const OPERATION_ALLOWED_STATES = ["active", "suspended", "stopped"] as const;

type ServiceRow = typeof services.$inferSelect;

/** A configuration for a service first seen: the demo's realistic one, or the estate's bare settings. */
export function initialConfiguration(service: ServiceRow, demo: boolean): ServiceConfiguration {
  const settings = {
    id: service.id,
    edition: service.edition as Edition,
    units: service.units,
    region: service.region,
  };
  if (demo) return demoConfiguration(settings);
  // Not the demo's content made and thrown away: its MBs of assemblies cost ~0.2 s a service.
  return {
    ...demoConfiguration(settings, undefined, NO_CONTENT),
    partners: [],
    agreements: [],
    bridges: [],
    transforms: [],
    assemblies: [],
    certificates: [],
    portalTemplates: [],
    x12Mappings: [],
  };
}

/** Gives every live service without a configuration its initial one. Idempotent. */
export async function ensureConfigurations(db: Db, options: { demo: boolean }): Promise<number> {
  const missing = await db
    .select({ service: services })
    .from(services)
    .leftJoin(serviceConfigurations, eq(serviceConfigurations.serviceId, services.id))
    .where(and(isNull(services.retiredAt), isNull(serviceConfigurations.serviceId)));
  const rows = (function* () {
    for (const { service } of missing) {
      const configuration = initialConfiguration(service, options.demo);
      const sizeBytes = Buffer.byteLength(JSON.stringify(configuration));
      yield { serviceId: service.id, configuration, sizeBytes, updatedBy: "Standfast" };
    }
  })();
  for (const batch of batchesBySize(rows, (r) => r.sizeBytes))
    await db.insert(serviceConfigurations).values(batch).onConflictDoNothing();
  return missing.length;
}

export async function readConfiguration(
  db: Db,
  serviceId: string,
): Promise<StoredConfiguration | null> {
  const [row] = await db
    .select()
    .from(serviceConfigurations)
    .where(eq(serviceConfigurations.serviceId, serviceId));
  if (!row) return null;
  return {
    configuration: row.configuration as ServiceConfiguration,
    version: row.version,
    sizeBytes: row.sizeBytes,
  };
}

/**
 * Runs one management operation. Admin only. `afterCommit`-style work (queuing a backup) is done
 * by `onRecorded` inside the same transaction, so an operation never lands without its follow-up.
 */
export async function runOperation(
  ctx: Ctx,
  serviceId: string,
  raw: unknown,
  options: OperationOptions = {},
): Promise<RecordedOperation> {
  return auditRefusals(ctx, "control-plane.operation", serviceId, async () => {
    requireRole(ctx.actor, "admin", "Management operations");
    const input = parseOrThrow(OperationInput, raw, "Invalid management operation");
    const now = options.now ?? new Date();
    return ctx.db.transaction(async (tx) => {
      const [service] = await tx
        .select()
        .from(services)
        .where(eq(services.id, serviceId))
        .for("update");
      if (!service || service.retiredAt) throw notFound(`Service "${serviceId}"`);
      if (!(OPERATION_ALLOWED_STATES as readonly string[]).includes(service.state))
        throw invalidState(
          `Management operations are not allowed in state ${service.state}; the service must be ${OPERATION_ALLOWED_STATES.join(", ")}.`,
        );
      const [current] = await tx
        .select()
        .from(serviceConfigurations)
        .where(eq(serviceConfigurations.serviceId, serviceId));
      if (!current) throw notFound(`The configuration of "${serviceId}"`);
      const applied = applyOperation(current.configuration as ServiceConfiguration, input, now);
      // The record and the audit row say what changed; a secret in them would be read by every viewer.
      const summary = redactText(applied.summary);
      const configuration = ServiceConfiguration.parse(applied.configuration);
      const version = current.version + 1;
      await tx
        .update(serviceConfigurations)
        .set({
          configuration,
          version,
          sizeBytes: Buffer.byteLength(JSON.stringify(configuration)),
          updatedAt: now,
          updatedBy: ctx.actor.name,
        })
        .where(eq(serviceConfigurations.serviceId, serviceId));
      if (input.kind === "scale-units")
        await tx.update(services).set({ units: input.units }).where(eq(services.id, serviceId));
      const [operation] = await tx
        .insert(managementOperations)
        .values({
          serviceId,
          kind: input.kind,
          summary,
          detail: redactSecrets(applied.detail),
          actorKind: ctx.actor.kind,
          actorId: ctx.actor.id,
          actorName: ctx.actor.name,
          at: now,
          configVersion: version,
        })
        .returning();
      await recordAudit(tx, {
        actor: ctx.actor,
        action: "control-plane.operation",
        target: serviceId,
        input: { kind: input.kind, summary },
        outcome: "ok",
      });
      await options.onRecorded?.(tx, operation!);
      return operation!;
    });
  });
}

/** Recorded operations, newest first, masked: rows imported from elsewhere may carry a secret. */
export async function listOperations(
  db: Db,
  options: OperationQuery = {},
): Promise<RecordedOperation[]> {
  const rows = await db
    .select()
    .from(managementOperations)
    .where(
      and(
        options.serviceIds
          ? inArray(managementOperations.serviceId, options.serviceIds)
          : undefined,
        options.since ? gte(managementOperations.at, options.since) : undefined,
      ),
    )
    .orderBy(desc(managementOperations.at))
    .limit(options.limit ?? 1_000);
  return rows.map((r) => ({
    ...r,
    summary: redactText(r.summary),
    detail: redactSecrets(r.detail),
  }));
}

/** Operations seen elsewhere (Azure's activity log): recorded once each, by their external id. */
export async function importOperations(db: Db, rows: ImportedOperation[]): Promise<number> {
  if (rows.length === 0) return 0;
  const inserted = await db
    .insert(managementOperations)
    .values(
      rows.map((r) => ({
        serviceId: r.serviceId,
        kind: r.kind,
        summary: redactText(r.summary),
        actorKind: "external",
        actorId: r.actor,
        actorName: r.actor,
        at: r.at,
        source: "azure-activity-log",
        externalId: r.externalId,
      })),
    )
    .onConflictDoNothing()
    .returning({ id: managementOperations.id });
  return inserted.length;
}
