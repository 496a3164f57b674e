import { and, eq, lt, isNotNull } from "drizzle-orm";
import { z } from "zod";
import { auditRefusals, auditTarget, recordAudit } from "../audit";
import { requireRole, type Ctx } from "../auth";
import { notFound, validationError } from "../errors";
import { tables, type Db } from "../db";
import { parseDuration } from "../time";
import { parseOrThrow } from "../validation";
import type { ReadSpec } from "../estate/source-spec-types";
import type { Fault } from "../status/reading-types";
import { KNOWN_STATUSES } from "../status/vocabulary";

const { simulatedFaults, components } = tables;

export const FaultInput = z
  .strictObject({
    component: z.string().min(1, "name the component id, such as contoso-edi.roles"),
    status: z.enum([...KNOWN_STATUSES, "silent"], {
      message: `expected one of ${[...KNOWN_STATUSES, "silent"].join(", ")}`,
    }),
    for: z
      .string()
      .refine((t) => {
        const ms = parseDuration(t);
        return ms !== null && ms >= 1_000 && ms <= 7 * 86_400_000;
      }, "expected a duration from 1s to 7d, such as 10m")
      .optional(),
    instances: z.number().int().min(1, "expected at least 1 instance").optional(),
    reason: z.string().trim().min(1).max(200, "keep the reason under 200 characters").optional(),
  })
  .refine((f) => !(f.status === "silent" && f.instances !== undefined), {
    message: "a silent source answers for no instance: leave out instances",
    path: ["instances"],
  });
export type FaultInput = z.input<typeof FaultInput>;

export const ClearInput = z.strictObject({ component: z.string().min(1).optional() });

/** Injects a fault into a simulated component. Admin only; audited in the same transaction. */
export async function injectFault(ctx: Ctx, raw: unknown, now = new Date()) {
  return auditRefusals(ctx, "health.fault.inject", auditTarget(raw, "component"), async () => {
    requireRole(ctx.actor, "admin", "Fault injection");
    const input = parseOrThrow(FaultInput, raw, "Invalid fault");
    return await ctx.db.transaction(async (tx) => {
      const [component] = await tx
        .select()
        .from(components)
        .where(eq(components.id, input.component));
      if (!component || component.retiredAt) throw notFound(`Component "${input.component}"`);
      const source = component.source as ReadSpec;
      if (source.type !== "simulated") {
        throw validationError(
          `Component "${input.component}" is read by its ${source.type} source; faults can only be injected into simulated components.`,
          {
            component: ["not a simulated component"],
          },
        );
      }
      const count = (component.attributes as { instances?: number }).instances;
      if (
        input.instances !== undefined &&
        (component.kind !== "role-instances" || input.instances > (count ?? 1))
      ) {
        throw validationError(
          component.kind === "role-instances"
            ? `Component "${input.component}" has ${count} instance(s); instances must be from 1 to ${count}.`
            : `Component "${input.component}" is not a role-instances group; leave out instances.`,
          { instances: ["out of range"] },
        );
      }
      const until = input.for ? new Date(now.getTime() + parseDuration(input.for)!) : null;
      const row = {
        mode: input.status === "silent" ? "silent" : "status",
        status: input.status === "silent" ? null : input.status,
        instancesDown: input.instances ?? null,
        reason: input.reason ?? null,
        createdAt: now,
        until,
        createdBy: ctx.actor.name,
      };
      await tx
        .insert(simulatedFaults)
        .values({ componentId: input.component, ...row })
        .onConflictDoUpdate({ target: simulatedFaults.componentId, set: row });
      await recordAudit(tx, {
        actor: ctx.actor,
        action: "health.fault.inject",
        target: input.component,
        input: { ...input },
        outcome: "ok",
      });
      return {
        component: input.component,
        status: input.status,
        instances: input.instances ?? null,
        until: until?.toISOString() ?? null,
      };
    });
  });
}

/** Clears one component's fault, or all of them. Admin only; an unknown component is not found. */
export async function clearFaults(ctx: Ctx, raw: unknown): Promise<{ cleared: number }> {
  return auditRefusals(ctx, "health.fault.clear", auditTarget(raw, "component"), async () => {
    requireRole(ctx.actor, "admin", "Clearing faults");
    const input = parseOrThrow(ClearInput, raw ?? {}, "Invalid request");
    return await ctx.db.transaction(async (tx) => {
      // Naming a component that does not exist is a mistake to report, not "0 cleared".
      if (input.component) {
        const [known] = await tx
          .select({ id: components.id })
          .from(components)
          .where(eq(components.id, input.component));
        if (!known) throw notFound(`Component "${input.component}"`);
      }
      const removed = await tx
        .delete(simulatedFaults)
        .where(input.component ? eq(simulatedFaults.componentId, input.component) : undefined)
        .returning({ id: simulatedFaults.componentId });
      await recordAudit(tx, {
        actor: ctx.actor,
        action: "health.fault.clear",
        target: input.component ?? "*",
        input: { ...input },
        outcome: "ok",
        detail: `${removed.length} cleared`,
      });
      return { cleared: removed.length };
    });
  });
}

export type FaultRow = { componentId: string; fault: Fault; createdAt: Date; createdBy: string };

/** Faults in force at `now`. */
export async function listFaults(db: Db, now = new Date()): Promise<FaultRow[]> {
  const rows = await db.select().from(simulatedFaults);
  return rows
    .filter((r) => !r.until || r.until > now)
    .map((r) => ({
      componentId: r.componentId,
      createdAt: r.createdAt,
      createdBy: r.createdBy,
      fault:
        r.mode === "silent"
          ? { mode: "silent" as const, until: r.until, reason: r.reason }
          : {
              mode: "status" as const,
              status: r.status as Extract<Fault, { mode: "status" }>["status"],
              instancesDown: r.instancesDown,
              reason: r.reason,
              until: r.until,
            },
    }));
}

export async function deleteExpiredFaults(db: Db, now = new Date()): Promise<void> {
  await db
    .delete(simulatedFaults)
    .where(and(isNotNull(simulatedFaults.until), lt(simulatedFaults.until, now)));
}
