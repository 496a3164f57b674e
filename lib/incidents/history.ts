import "server-only";
import { and, gte, lt } from "drizzle-orm";
import { tables, type Db } from "../db";
import { getBoard, readUptime } from "../health";
import { groupByDay, serviceUptime, type HistoryEntry } from "./history-days";
import type { ServiceUptime } from "./history-types";
import { readIncidentRecords, readMaintenanceRecords } from "./records";
import { toIncidentView, toMaintenanceView } from "./views";

const DAY_MS = 86_400_000;

/** The last `days` days of incidents and maintenance, grouped by day, newest first. */
export async function readIncidentHistory(
  db: Db,
  options: { now?: Date; days?: number } = {},
): Promise<HistoryEntry[]> {
  const now = options.now ?? new Date();
  const days = options.days ?? 90;
  const from = new Date(Math.floor(now.getTime() / DAY_MS) * DAY_MS - (days - 1) * DAY_MS);
  const to = new Date(from.getTime() + days * DAY_MS);
  const s = tables.scheduledMaintenances;
  const [records, maintenanceIds, board] = await Promise.all([
    readIncidentRecords(db, { from, to }),
    db
      .select({ id: s.id })
      .from(s)
      .where(and(gte(s.scheduledFor, from), lt(s.scheduledFor, to))),
    getBoard(db),
  ]);
  const maintenances = await readMaintenanceRecords(db, { ids: maintenanceIds.map((m) => m.id) });
  return groupByDay(
    records.map((r) => toIncidentView(r, board)),
    maintenances.map((m) => toMaintenanceView(m, board)),
    now,
    days,
  );
}

/** Each service's uptime over 30 and 90 days, from the daily roll-ups of its components. */
export async function readServiceUptime(db: Db, now = new Date()): Promise<ServiceUptime[]> {
  const board = await getBoard(db);
  const ids = Object.keys(board.components);
  const [d30, d90] = await Promise.all([
    readUptime(ids, { db, now, days: 30 }),
    readUptime(ids, { db, now, days: 90 }),
  ]);
  const of = (list: typeof d30, id: string) =>
    list.find((u) => u.componentId === id)?.uptime ?? null;
  return board.services.map((s) => ({
    serviceId: s.id,
    uptime30: serviceUptime(s.components.map((c) => of(d30, c.id))),
    uptime90: serviceUptime(s.components.map((c) => of(d90, c.id))),
  }));
}
