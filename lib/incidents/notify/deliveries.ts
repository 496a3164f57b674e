/** The delivery log: each delivery's attempts, errors, latency and what happens next. Admin only. */
import { and, count, desc, eq, type SQL } from "drizzle-orm";
import { z } from "zod";
import { requireRole, type Ctx } from "../../auth";
import { tables } from "../../db";
import { redactText } from "../../secrets";
import { parseOrThrow } from "../../validation";
import type { NotificationEvent } from "./events";
import { describeEvent } from "./messages";
import {
  DELIVERY_STATUSES,
  type DeliveryAttempt,
  type DeliveryStatus,
  type DeliveryView,
  type SubscriptionKind,
} from "./notify-types";

const { notificationDeliveries: d, notificationEvents: e, notificationSubscriptions: s } = tables;

export const DeliveryQuery = z.strictObject({
  subscription: z.string().trim().min(1).max(200).optional(),
  status: z
    .enum(DELIVERY_STATUSES, { message: `expected one of ${DELIVERY_STATUSES.join(", ")}` })
    .optional(),
  page: z.coerce.number().int().min(1, "pages start at 1").max(100_000).default(1),
});
export type DeliveryQuery = z.output<typeof DeliveryQuery>;

const PAGE = 50;

export async function listDeliveries(
  ctx: Ctx,
  params: Record<string, string | undefined>,
): Promise<{
  rows: DeliveryView[];
  total: number;
  page: number;
  pages: number;
  query: DeliveryQuery;
}> {
  requireRole(ctx.actor, "admin", "Reading the delivery log");
  const clean = Object.fromEntries(
    Object.entries(params).filter(([, v]) => v !== undefined && v !== ""),
  );
  const q = parseOrThrow(DeliveryQuery, clean, "Invalid delivery log filter");
  const where: SQL[] = [];
  if (q.subscription) where.push(eq(d.subscriptionId, q.subscription));
  if (q.status) where.push(eq(d.status, q.status));
  const filter = where.length ? and(...where) : undefined;
  const [[total], rows] = await Promise.all([
    ctx.db.select({ n: count() }).from(d).where(filter),
    ctx.db
      .select({
        id: d.id,
        eventId: d.eventId,
        status: d.status,
        attempts: d.attempts,
        nextAttemptAt: d.nextAttemptAt,
        lastError: d.lastError,
        deliveredAt: d.deliveredAt,
        latencyMs: d.latencyMs,
        log: d.log,
        payload: e.payload,
        eventAt: e.createdAt,
        subscriptionId: d.subscriptionId,
        subscriptionName: s.name,
        subscriptionKind: s.kind,
      })
      .from(d)
      .innerJoin(e, eq(e.id, d.eventId))
      .innerJoin(s, eq(s.id, d.subscriptionId))
      .where(filter)
      .orderBy(desc(d.id))
      .limit(PAGE)
      .offset((q.page - 1) * PAGE),
  ]);
  const n = Number(total?.n ?? 0);
  return {
    rows: rows.map((r) => {
      const event = r.payload as NotificationEvent;
      const status = r.status as DeliveryStatus;
      return {
        id: r.id,
        eventId: r.eventId,
        eventKind: event.kind,
        eventTitle: describeEvent(event, "").title,
        eventAt: r.eventAt.toISOString(),
        subscriptionId: r.subscriptionId,
        subscriptionName: r.subscriptionName,
        subscriptionKind: r.subscriptionKind as SubscriptionKind,
        status,
        attempts: r.attempts,
        nextAttemptAt: status === "pending" ? r.nextAttemptAt.toISOString() : null,
        // Errors are our own words naming a host; masked again in case a server quoted a secret.
        lastError: r.lastError === null ? null : redactText(r.lastError),
        deliveredAt: r.deliveredAt?.toISOString() ?? null,
        latencyMs: r.latencyMs === null ? null : Math.round(r.latencyMs),
        log: (r.log as DeliveryAttempt[]).map((a) => ({
          ...a,
          error: a.error === undefined ? undefined : redactText(a.error),
        })),
      };
    }),
    total: n,
    page: q.page,
    pages: Math.max(1, Math.ceil(n / PAGE)),
    query: q,
  };
}
