/**
 * Starting an evacuation: one typed confirmation starts an ordinary restore for each row of the
 * plan the operator adjusted. Each restore goes through the same request verb (authorization,
 * pre-flight, one per target, audited); the idempotency key of each is derived from the region,
 * the service and the backup, so starting the same evacuation twice starts each restore once.
 */
import { createHash } from "node:crypto";
import { z } from "zod";
import { auditRefusals, recordAudit } from "../audit";
import { requireRole, type Ctx } from "../auth";
import { isDomainError, validationError } from "../errors";
import type { Status } from "../status/vocabulary";
import { parseOrThrow } from "../validation";
import { readEvacuationPlan } from "./evacuation-read";
import type { RestoreRecord } from "./requests";

const Row = z.strictObject({
  serviceId: z.string().trim().min(1, "name the service"),
  backupId: z.uuid("choose a backup"),
  target: z.string().trim().min(1, "name the service to restore into"),
  region: z.string().trim().min(1, "choose the target region"),
  trackingDatabase: z.string().trim(),
  storage: z.string().trim(),
});
const EvacuationStart = z.strictObject({
  confirm: z.string(),
  rows: z.array(Row).min(1, "choose at least one service to restore").max(500),
});

export type EvacuationOutcome = {
  serviceId: string;
  target: string;
  /** The restore started (or found started before), or null when it was refused. */
  restoreId: string | null;
  error: string | null;
};

/** The key that makes a second start of the same row find the first restore. */
export const evacuationKey = (region: string, serviceId: string, backupId: string) =>
  `evac-${createHash("sha256").update(`${region}\n${serviceId}\n${backupId}`).digest("hex").slice(0, 40)}`;

type Request = (ctx: Ctx, raw: unknown) => Promise<RestoreRecord>;

/** Starts the evacuation of `regionId`. Operator; the confirmation is the region's id. */
export async function startEvacuation(
  ctx: Ctx,
  regionId: string,
  raw: unknown,
  deps: { request: Request; statusOf: (region: string) => Status },
): Promise<EvacuationOutcome[]> {
  return auditRefusals(ctx, "restores.evacuate", regionId, async () => {
    requireRole(ctx.actor, "operator", "Evacuating a region");
    const input = parseOrThrow(EvacuationStart, raw, "Invalid evacuation");
    if (input.confirm.trim() !== regionId)
      throw validationError(`confirm: type the region "${regionId}" to start its evacuation`, {
        confirm: [`type ${regionId} to confirm`],
      });
    const plan = await readEvacuationPlan(ctx, regionId, deps.statusOf);
    const planned = new Map(plan.rows.map((r) => [r.serviceId, r]));
    // Every row must be a service of this region, once, restored from a good backup of its own
    // held outside the region: checked for all rows before any restore starts.
    const seen = new Set<string>();
    for (const row of input.rows) {
      const service = planned.get(row.serviceId);
      if (!service)
        throw validationError(`rows: ${row.serviceId} is not a service in ${regionId}`, {
          rows: [`${row.serviceId} is not a service in ${regionId}`],
        });
      if (seen.has(row.serviceId))
        throw validationError(`rows: ${row.serviceId} is listed twice`, {
          rows: [`${row.serviceId} is listed twice`],
        });
      seen.add(row.serviceId);
      if (service.backup?.id !== row.backupId)
        throw validationError(
          `rows: ${row.serviceId} must be restored from its newest good backup held outside ${regionId}${service.backup ? ` (${service.backup.name})` : ": it has none"}`,
          { rows: [`${row.serviceId}: not the backup the plan names`] },
        );
    }
    const outcomes: EvacuationOutcome[] = [];
    for (const row of input.rows) {
      const edition = planned.get(row.serviceId)!.edition;
      try {
        const restore = await deps.request(ctx, {
          backupId: row.backupId,
          target: row.target,
          region: row.region,
          edition,
          trackingDatabase: row.trackingDatabase,
          storage: row.storage,
          confirm: row.target,
          idempotencyKey: evacuationKey(regionId, row.serviceId, row.backupId),
        });
        // A second start finds the first restore, whose target may differ from this row's.
        outcomes.push({
          serviceId: row.serviceId,
          target: restore.target,
          restoreId: restore.id,
          error: null,
        });
      } catch (error) {
        // One refused restore (its target region went bad, its name was taken) does not stop
        // the others; it is reported on its row, and the request verb audited it.
        if (!isDomainError(error)) throw error;
        outcomes.push({
          serviceId: row.serviceId,
          target: row.target,
          restoreId: null,
          error: error.message,
        });
      }
    }
    await recordAudit(ctx.db, {
      actor: ctx.actor,
      action: "restores.evacuate",
      target: regionId,
      input: {
        started: outcomes.filter((o) => o.restoreId).map((o) => `${o.serviceId} → ${o.target}`),
        refused: outcomes.filter((o) => o.error).map((o) => o.serviceId),
      },
      outcome: "ok",
    });
    return outcomes;
  });
}
