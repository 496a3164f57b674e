/**
 * What people do to incidents: open one, post updates, change what it affects or its impact,
 * write the postmortem. Each authorizes first, validates, holds the incidents lock (so it never
 * interleaves with a detection pass), and writes its audit row and event in the same transaction.
 */
import "server-only";
import { and, eq, inArray } from "drizzle-orm";
import { auditRefusals, auditTarget, recordAudit } from "../audit";
import { requireRole, type Ctx } from "../auth";
import { tables } from "../db";
import { invalidState, validationError } from "../errors";
import { parseOrThrow } from "../validation";
import { readComponentInfo, requireComponents } from "./component-info";
import { newId } from "./ids";
import type { IncidentStatus } from "./incident-types";
import { IncidentChange, IncidentUpdate, NewIncident, Postmortem } from "./inputs";
import { lockIncidents } from "./lock";

import {
  addUpdate,
  assertFree,
  componentRow,
  eventOf,
  inTransaction,
  readForUpdate,
} from "./incident-rows";

const { incidents, incidentComponents } = tables;

/** Opens an incident by hand. Operator. Returns its id. */
export async function createIncident(ctx: Ctx, raw: unknown, now = new Date()): Promise<string> {
  return auditRefusals(ctx, "incidents.create", auditTarget(raw, "title"), async () => {
    requireRole(ctx.actor, "operator", "Opening an incident");
    const input = parseOrThrow(NewIncident, raw, "Invalid incident");
    const startedAt = input.startedAt ? new Date(input.startedAt) : now;
    if (startedAt > now)
      throw validationError("Invalid incident: startedAt: an incident cannot start in the future", {
        startedAt: ["in the future: leave it out for now, or give when it began"],
      });
    return inTransaction(ctx.db, async (tx) => {
      await lockIncidents(tx);
      const info = await requireComponents(tx, input.components);
      await assertFree(tx, [...info.keys()], null);
      const id = newId();
      await tx.insert(incidents).values({
        id,
        title: input.title,
        status: input.status,
        impact: input.impact,
        impactSetBy: ctx.actor.name,
        origin: "operator",
        startedAt,
        createdAt: now,
        updatedAt: now,
        monitoringAt: input.status === "monitoring" ? now : null,
        operatorUpdatedAt: now,
        createdBy: ctx.actor.name,
      });
      if (info.size)
        await tx
          .insert(incidentComponents)
          .values([...info.values()].map((c) => componentRow(id, c, ctx.actor.name, now)));
      const affected = [...info.values()].map((c) => ({
        code: c.id,
        name: c.name,
        old_status: "operational",
        new_status: c.status,
      }));
      await addUpdate(tx, ctx, id, input.status, input.message, now, affected);
      await recordAudit(tx, {
        actor: ctx.actor,
        action: "incidents.create",
        target: id,
        input: {
          title: input.title,
          status: input.status,
          impact: input.impact,
          components: input.components,
        },
        outcome: "ok",
      });
      await eventOf(tx, "incident.opened", id, input.message, now);
      return id;
    });
  });
}

/** Posts an update (investigating, identified, monitoring or resolved) with a message. Operator. */
export async function postIncidentUpdate(ctx: Ctx, id: string, raw: unknown, now = new Date()) {
  return auditRefusals(ctx, "incidents.update", id, async () => {
    requireRole(ctx.actor, "operator", "Updating an incident");
    const input = parseOrThrow(IncidentUpdate, raw, "Invalid update");
    return inTransaction(ctx.db, async (tx) => {
      await lockIncidents(tx);
      const row = await readForUpdate(tx, id);
      if (row.resolvedAt && input.status !== "resolved")
        throw invalidState(
          `Incident "${row.title}" is resolved; open a new incident, or post a note with the status resolved.`,
        );
      const resolving = input.status === "resolved" && !row.resolvedAt;
      await tx
        .update(incidents)
        .set({
          status:
            row.status === "postmortem" ? "postmortem" : (input.status satisfies IncidentStatus),
          updatedAt: now,
          operatorUpdatedAt: now,
          ...(input.status === "monitoring" && !row.monitoringAt ? { monitoringAt: now } : {}),
          ...(resolving ? { resolvedAt: now, resolvedBy: ctx.actor.name } : {}),
        })
        .where(eq(incidents.id, id));
      if (resolving)
        await tx
          .update(incidentComponents)
          .set({ open: false })
          .where(eq(incidentComponents.incidentId, id));
      await addUpdate(tx, ctx, id, input.status, input.message, now);
      await recordAudit(tx, {
        actor: ctx.actor,
        action: resolving ? "incidents.resolve" : "incidents.update",
        target: id,
        input: { status: input.status },
        outcome: "ok",
      });
      await eventOf(
        tx,
        resolving ? "incident.resolved" : "incident.updated",
        id,
        input.message,
        now,
      );
    });
  });
}

/** Changes the title, the impact or the affected components (the whole new list). Operator. */
export async function changeIncident(ctx: Ctx, id: string, raw: unknown, now = new Date()) {
  return auditRefusals(ctx, "incidents.change", id, async () => {
    requireRole(ctx.actor, "operator", "Changing an incident");
    const input = parseOrThrow(IncidentChange, raw, "Invalid change");
    return inTransaction(ctx.db, async (tx) => {
      await lockIncidents(tx);
      const row = await readForUpdate(tx, id);
      const notes: string[] = [];
      const affected: { code: string; name: string; old_status: string; new_status: string }[] = [];
      if (input.components) {
        if (row.resolvedAt)
          throw invalidState(`Incident "${row.title}" is resolved: its components are final.`);
        const wanted = await requireComponents(tx, input.components);
        const current = await tx
          .select()
          .from(incidentComponents)
          .where(eq(incidentComponents.incidentId, id));
        const active = new Set(current.filter((c) => !c.removedAt).map((c) => c.componentId));
        const added = [...wanted.keys()].filter((c) => !active.has(c));
        const removed = [...active].filter((c) => !wanted.has(c));
        await assertFree(tx, added, id);
        const known = new Set(current.map((c) => c.componentId));
        for (const c of added) {
          const info = wanted.get(c)!;
          if (known.has(c))
            await tx
              .update(incidentComponents)
              .set({ removedAt: null, open: true })
              .where(
                and(eq(incidentComponents.incidentId, id), eq(incidentComponents.componentId, c)),
              );
          else
            await tx.insert(incidentComponents).values(componentRow(id, info, ctx.actor.name, now));
          affected.push({
            code: c,
            name: info.name,
            old_status: "operational",
            new_status: info.status,
          });
        }
        if (removed.length)
          await tx
            .update(incidentComponents)
            .set({ removedAt: now })
            .where(
              and(
                eq(incidentComponents.incidentId, id),
                inArray(incidentComponents.componentId, removed),
              ),
            );
        const gone = await readComponentInfo(tx, removed);
        for (const c of removed)
          affected.push({
            code: c,
            name: gone.get(c)?.name ?? c,
            old_status: gone.get(c)?.status ?? "unknown",
            new_status: "operational",
          });
        if (added.length) notes.push(`now also affects ${added.join(", ")}`);
        if (removed.length) notes.push(`no longer affects ${removed.join(", ")}`);
      }
      if (input.impact && input.impact !== row.impact) notes.push(`impact set to ${input.impact}`);
      if (input.title && input.title !== row.title) notes.push(`renamed "${input.title}"`);
      await tx
        .update(incidents)
        .set({
          ...(input.title ? { title: input.title } : {}),
          ...(input.impact ? { impact: input.impact, impactSetBy: ctx.actor.name } : {}),
          updatedAt: now,
          operatorUpdatedAt: now,
        })
        .where(eq(incidents.id, id));
      const body =
        input.message ?? (notes.length ? `This incident ${notes.join("; ")}.` : "No change.");
      await addUpdate(
        tx,
        ctx,
        id,
        row.status === "postmortem" ? "resolved" : row.status,
        body,
        now,
        affected,
      );
      await recordAudit(tx, {
        actor: ctx.actor,
        action: "incidents.change",
        target: id,
        input: { title: input.title, impact: input.impact, components: input.components },
        outcome: "ok",
        detail: notes.join("; ") || null,
      });
      await eventOf(tx, "incident.updated", id, body, now);
    });
  });
}

/** Publishes the postmortem of a resolved incident (or replaces it). Operator. */
export async function writePostmortem(ctx: Ctx, id: string, raw: unknown, now = new Date()) {
  return auditRefusals(ctx, "incidents.postmortem", id, async () => {
    requireRole(ctx.actor, "operator", "Writing a postmortem");
    const input = parseOrThrow(Postmortem, raw, "Invalid postmortem");
    return inTransaction(ctx.db, async (tx) => {
      await lockIncidents(tx);
      const row = await readForUpdate(tx, id);
      if (!row.resolvedAt)
        throw invalidState(
          `Incident "${row.title}" is not resolved yet: resolve it, then write its postmortem.`,
        );
      await tx
        .update(incidents)
        .set({
          status: "postmortem",
          postmortem: input.body,
          postmortemAt: now,
          postmortemBy: ctx.actor.name,
          updatedAt: now,
        })
        .where(eq(incidents.id, id));
      await recordAudit(tx, {
        actor: ctx.actor,
        action: "incidents.postmortem",
        target: id,
        input: { length: input.body.length },
        outcome: "ok",
      });
      await eventOf(tx, "incident.updated", id, "The postmortem has been published.", now);
    });
  });
}
