import "server-only";
import { and, eq, inArray, notInArray, sql } from "drizzle-orm";
import { recordAudit } from "../audit";
import { SYSTEM } from "../roles";
import { redactText } from "../secrets";
import { tables, type Db } from "../db";
import { STATUS_LABEL } from "../status/vocabulary";
import type { DetectionConfig, DetectionPlan, Joiner, WatchedComponent } from "./detection";
import { AUTO_RESOLVER } from "./detector-read";
import { emitEvent } from "./events";
import { newId } from "./ids";
import type { Impact, IncidentStatus } from "./incident-types";

const { incidents, incidentUpdates, incidentComponents } = tables;

const clock = (d: Date) => `${d.toISOString().slice(11, 19)} UTC`;

type Context = {
  tx: Db;
  now: Date;
  watched: Map<string, WatchedComponent>;
  /** How many notification events this pass wrote: the caller wakes the sender when any. */
  events?: number;
};

function describe(ctx: Context, j: Joiner): string {
  const c = ctx.watched.get(j.componentId);
  const name = c?.name ?? j.componentId;
  return `${name}: ${STATUS_LABEL[j.status].toLowerCase()} since ${clock(j.failingSince)}`;
}

const affected = (ctx: Context, list: Joiner[], old: string) =>
  list.map((j) => ({
    code: j.componentId,
    name: ctx.watched.get(j.componentId)?.name ?? j.componentId,
    old_status: old,
    new_status: j.status,
  }));

async function addUpdate(
  ctx: Context,
  incidentId: string,
  status: string,
  body: string,
  list?: Joiner[],
) {
  await ctx.tx.insert(incidentUpdates).values({
    id: newId(),
    incidentId,
    status,
    body: redactText(body),
    createdAt: ctx.now,
    authorKind: SYSTEM.kind,
    authorId: SYSTEM.id,
    authorName: SYSTEM.name,
    affectedComponents: list?.length ? affected(ctx, list, "operational") : null,
  });
}

/** The incident as its event carries it, read inside the transaction. */
async function emit(
  ctx: Context,
  kind: "incident.opened" | "incident.updated" | "incident.resolved",
  id: string,
  message: string | null,
) {
  const [row] = await ctx.tx.select().from(incidents).where(eq(incidents.id, id));
  if (!row) return;
  const parts = await ctx.tx
    .select({ componentId: incidentComponents.componentId })
    .from(incidentComponents)
    .where(
      and(eq(incidentComponents.incidentId, id), sql`${incidentComponents.removedAt} is null`),
    );
  const componentIds = parts.map((p) => p.componentId);
  const serviceIds = [
    ...new Set(componentIds.flatMap((c) => ctx.watched.get(c)?.serviceIds ?? [])),
  ];
  await emitEvent(ctx.tx, {
    kind,
    incidentId: id,
    title: row.title,
    status: row.status,
    impact: row.impact as Impact,
    message,
    componentIds,
    serviceIds,
    at: ctx.now.toISOString(),
  });
  ctx.events = (ctx.events ?? 0) + 1;
}

async function insertComponents(ctx: Context, incidentId: string, list: Joiner[]) {
  await ctx.tx.insert(incidentComponents).values(
    list.map((j) => ({
      incidentId,
      componentId: j.componentId,
      addedAt: ctx.now,
      addedBy: SYSTEM.name,
      failingSince: j.failingSince,
      worstStatus: j.status,
      lastStatus: j.status,
    })),
  );
}

/** Writes a detection plan, with its updates, audit rows and events, in the caller's transaction. */
export async function applyPlan(
  ctx: Context,
  plan: DetectionPlan,
  config: DetectionConfig,
): Promise<{ opened: string[]; resolved: string[]; events: number }> {
  const { tx, now } = ctx;
  const opened: string[] = [];
  for (const o of plan.opened) {
    const id = newId();
    opened.push(id);
    await tx.insert(incidents).values({
      id,
      title: o.title,
      status: "investigating",
      impact: o.impact,
      origin: "detected",
      startedAt: o.startedAt,
      createdAt: now,
      updatedAt: now,
      createdBy: SYSTEM.name,
    });
    await insertComponents(ctx, id, o.components);
    const body = `Standfast detected a problem. ${o.components.map((j) => describe(ctx, j)).join("; ")}.`;
    await addUpdate(ctx, id, "investigating", body, o.components);
    await recordAudit(tx, {
      actor: SYSTEM,
      action: "incidents.open",
      target: id,
      outcome: "ok",
      detail: o.title,
    });
    await emit(ctx, "incident.opened", id, body);
  }
  for (const j of plan.joined) {
    const [row] = await tx
      .select({ status: incidents.status })
      .from(incidents)
      .where(eq(incidents.id, j.incidentId));
    await insertComponents(ctx, j.incidentId, j.components);
    const body = `Also affected: ${j.components.map((c) => describe(ctx, c)).join("; ")}.`;
    await addUpdate(ctx, j.incidentId, row?.status ?? "investigating", body, j.components);
    await tx
      .update(incidents)
      .set({ updatedAt: now, recoveredAt: null })
      .where(eq(incidents.id, j.incidentId));
    await recordAudit(tx, {
      actor: SYSTEM,
      action: "incidents.join",
      target: j.incidentId,
      outcome: "ok",
      detail: body.slice(0, 500),
    });
    await emit(ctx, "incident.updated", j.incidentId, body);
  }
  for (const r of plan.reopened) {
    const ids = r.components.map((c) => c.componentId);
    // Rows of components that another incident took meanwhile stay closed, marked removed here.
    await tx
      .update(incidentComponents)
      .set({ open: true })
      .where(
        and(
          eq(incidentComponents.incidentId, r.incidentId),
          notInArray(
            incidentComponents.componentId,
            tx
              .select({ id: incidentComponents.componentId })
              .from(incidentComponents)
              .where(eq(incidentComponents.open, true)),
          ),
        ),
      );
    await tx
      .update(incidentComponents)
      .set({ removedAt: now })
      .where(
        and(eq(incidentComponents.incidentId, r.incidentId), eq(incidentComponents.open, false)),
      );
    for (const j of r.components)
      await tx
        .update(incidentComponents)
        .set({ failingSince: j.failingSince, lastStatus: j.status, healthySince: null })
        .where(
          and(
            eq(incidentComponents.incidentId, r.incidentId),
            eq(incidentComponents.componentId, j.componentId),
          ),
        );
    await tx
      .update(incidents)
      .set({
        status: "investigating",
        resolvedAt: null,
        resolvedBy: null,
        recoveredAt: null,
        updatedAt: now,
      })
      .where(eq(incidents.id, r.incidentId));
    const body = `Failing again, so this incident is open again. ${r.components.map((c) => describe(ctx, c)).join("; ")}.`;
    await addUpdate(ctx, r.incidentId, "investigating", body, r.components);
    await recordAudit(tx, {
      actor: SYSTEM,
      action: "incidents.reopen",
      target: r.incidentId,
      input: { components: ids },
      outcome: "ok",
    });
    await emit(ctx, "incident.updated", r.incidentId, body);
  }
  for (const t of plan.tracked)
    await tx
      .update(incidentComponents)
      .set(t.changes)
      .where(
        and(
          eq(incidentComponents.incidentId, t.incidentId),
          eq(incidentComponents.componentId, t.componentId),
        ),
      );
  for (const i of plan.impacts) {
    await tx
      .update(incidents)
      .set({ impact: i.impact, updatedAt: now })
      .where(eq(incidents.id, i.incidentId));
    await emit(ctx, "incident.updated", i.incidentId, `Impact now ${i.impact}.`);
  }
  for (const r of plan.recovered)
    await tx.update(incidents).set({ recoveredAt: r.at }).where(eq(incidents.id, r.incidentId));
  const resolved = plan.resolved.map((r) => r.incidentId);
  if (resolved.length) {
    await tx
      .update(incidents)
      .set({
        status: "resolved" satisfies IncidentStatus,
        resolvedAt: now,
        resolvedBy: AUTO_RESOLVER,
        recoveredAt: now,
        updatedAt: now,
      })
      .where(inArray(incidents.id, resolved));
    await tx
      .update(incidentComponents)
      .set({ open: false })
      .where(inArray(incidentComponents.incidentId, resolved));
    for (const id of resolved) {
      const body = `Resolved by itself: every affected component has read healthy for ${config.quietIntervals} of its check intervals.`;
      await addUpdate(ctx, id, "resolved", body);
      await recordAudit(tx, {
        actor: SYSTEM,
        action: "incidents.resolve",
        target: id,
        outcome: "ok",
        detail: body,
      });
      await emit(ctx, "incident.resolved", id, body);
    }
  }
  return { opened, resolved, events: ctx.events ?? 0 };
}
