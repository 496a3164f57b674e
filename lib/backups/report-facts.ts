/** What the compliance report reads from the store: backups, drills, services and their facts over time. */
import { asc, inArray } from "drizzle-orm";
import { tables, type Db } from "../db";
import type { ComponentAttributes, Edition } from "../estate/types";
import type { BackupFact, DrillFact } from "./compliance";
import type { BackupRecord } from "./runner";

const { components, drills, estateFactHistory, serviceComponents, services } = tables;

/** Every finished drill (lib/drills writes them): the "restorable" rule's evidence. */
/** A finished drill, with the service it drilled. */
export type ServiceDrillFact = DrillFact & { serviceId: string };

export async function readDrillFacts(db: Db): Promise<ServiceDrillFact[]> {
  const rows = await db
    .select()
    .from(drills)
    .where(inArray(drills.status, ["succeeded", "failed"]));
  return rows
    .filter((d) => d.finishedAt)
    .map((d) => ({
      serviceId: d.serviceId,
      backupName: d.backupName,
      succeeded: d.status === "succeeded",
      finishedAt: d.finishedAt!,
      rtoMs: d.rtoMs === null ? null : Number(d.rtoMs),
      reason: d.reason,
    }));
}

/** A backup counted as good at time `at`: finished well by then, not yet pruned, never found corrupted. */
export function backupFactsAt(rows: BackupRecord[], serviceId: string, at: Date): BackupFact[] {
  return rows
    .filter(
      (b) =>
        b.serviceId === serviceId &&
        b.finishedAt &&
        b.finishedAt <= at &&
        (!b.prunedAt || b.prunedAt > at),
    )
    .map((b) => ({
      name: b.name,
      region: b.region,
      good:
        (b.status === "succeeded" || b.status === "pruned") &&
        (b.checksum === "verified" || b.checksum === "unverified"),
      startedAt: b.startedAt ?? b.requestedAt,
      finishedAt: b.finishedAt,
    }));
}

/** A subject's recorded facts, oldest first: "component:<id>" or "service:<id>". */
export type FactHistory = Map<string, { validFrom: Date; facts: unknown }[]>;

export async function readFactHistory(db: Db): Promise<FactHistory> {
  const rows = await db
    .select()
    .from(estateFactHistory)
    .orderBy(asc(estateFactHistory.validFrom), asc(estateFactHistory.id));
  const history: FactHistory = new Map();
  for (const r of rows) {
    const key = `${r.subject}:${r.subjectId}`;
    const list = history.get(key) ?? [];
    list.push({ validFrom: r.validFrom, facts: r.facts });
    history.set(key, list);
  }
  return history;
}

/**
 * A subject's facts at `at`: the last recorded by then. Before its first record (facts recorded
 * since an upgrade) the first record stands in, and `assumed` says so; with no record, today's.
 */
export function factsAt<T>(history: FactHistory, key: string, at: Date, today: T) {
  const list = history.get(key);
  if (!list?.length) return { facts: today, assumed: false };
  let found: T | undefined;
  for (const h of list) if (h.validFrom <= at) found = h.facts as T;
  return found === undefined
    ? { facts: list[0]!.facts as T, assumed: true }
    : { facts: found, assumed: false };
}

/** A service as the trend needs it: when it came and went, and the estate facts it has today. */
export type ServiceSpan = {
  id: string;
  edition: Edition;
  units: number;
  region: string;
  state: string;
  createdAt: Date;
  retiredAt: Date | null;
  parts: { id: string; kind: string; attributes: ComponentAttributes }[];
};

/** Every service ever recorded, deleted ones included: the trend counts each on the days it existed. */
export async function readServiceSpans(db: Db): Promise<ServiceSpan[]> {
  const [serviceRows, componentRows, linkRows] = await Promise.all([
    db.select().from(services).orderBy(asc(services.position), asc(services.id)),
    db.select().from(components),
    db
      .select()
      .from(serviceComponents)
      .orderBy(asc(serviceComponents.serviceId), asc(serviceComponents.position)),
  ]);
  const byId = new Map(componentRows.map((c) => [c.id, c]));
  return serviceRows.map((s) => ({
    id: s.id,
    edition: s.edition as Edition,
    units: s.units,
    region: s.region,
    state: s.state,
    createdAt: s.createdAt,
    retiredAt: s.retiredAt,
    parts: linkRows
      .filter((l) => l.serviceId === s.id)
      .map((l) => byId.get(l.componentId))
      .filter((c) => c !== undefined)
      .map((c) => ({ id: c.id, kind: c.kind, attributes: c.attributes as ComponentAttributes })),
  }));
}
