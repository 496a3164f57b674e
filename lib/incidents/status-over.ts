import "server-only";
import { and, asc, desc, eq, gte, inArray, lt, lte } from "drizzle-orm";
import { tables, type Db } from "../db";
import { isStatus, type Status } from "../status/vocabulary";
import type { IncidentView } from "./incident-types";
import { statusSteps, type StatusStep } from "./status-steps";

const { statusChanges } = tables;

export type { StatusStep };

/**
 * Each affected component's status over the incident: what it was when the incident started,
 * then every change until it resolved (or now), oldest first.
 */
export async function readStatusOver(
  db: Db,
  incident: IncidentView,
  now = new Date(),
): Promise<Record<string, StatusStep[]>> {
  const ids = incident.components.map((c) => c.id);
  if (ids.length === 0) return {};
  const from = new Date(incident.startedAt);
  const to = incident.resolvedAt ? new Date(incident.resolvedAt) : now;
  const [during, before] = await Promise.all([
    db
      .select()
      .from(statusChanges)
      .where(
        and(
          inArray(statusChanges.componentId, ids),
          gte(statusChanges.at, from),
          lte(statusChanges.at, to),
        ),
      )
      .orderBy(asc(statusChanges.at))
      .limit(2_000),
    Promise.all(
      ids.map(async (id) => {
        const [row] = await db
          .select()
          .from(statusChanges)
          .where(and(eq(statusChanges.componentId, id), lt(statusChanges.at, from)))
          .orderBy(desc(statusChanges.at))
          .limit(1);
        return row;
      }),
    ),
  ]);
  const asStatus = (s: string): Status => (isStatus(s) ? s : "unknown");
  const out: Record<string, StatusStep[]> = {};
  for (const id of ids) {
    const start = before.find((b) => b?.componentId === id);
    out[id] = statusSteps(
      start ? { at: incident.startedAt, status: asStatus(start.toStatus) } : null,
      during
        .filter((c) => c.componentId === id)
        .map((c) => ({ at: c.at.toISOString(), status: asStatus(c.toStatus) })),
    );
  }
  return out;
}
