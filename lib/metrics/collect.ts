/**
 * One scrape: the board's statuses from the shared snapshot (the same truth as the board, stale
 * data unknown), and backup, restore and notification figures from the store, set on the gauges
 * and serialised. Scrapes run one at a time, so two never interleave their resets.
 */
import { sql } from "drizzle-orm";
import { BACKUP_STATUSES } from "../backups/backup-types";
import { queryRows, type Db } from "../db";
import { getBoardSnapshot } from "../health";
import { DELIVERY_STATUSES } from "../incidents/notify/notify-types";
import { RESTORE_STATUSES } from "../restores/restore-types";
import { getMetrics } from "./registry";

type Count = { status: string; n: string | number };

async function countsBy(db: Db, table: "backups" | "restores" | "notification_deliveries") {
  const rows = await queryRows<Count>(
    db,
    sql`select status, count(*) as n from ${sql.identifier(table)} group by status`,
  );
  return new Map(rows.map((r) => [r.status, Number(r.n)]));
}

async function collect(db: Db, now: number): Promise<string> {
  const m = getMetrics();
  const { view } = await getBoardSnapshot(db);
  const [lastBackups, backups, restores, deliveries] = await Promise.all([
    queryRows<{ service_id: string; last: Date | string }>(
      db,
      sql`select service_id, max(finished_at) as last from backups
           where status = 'succeeded' group by service_id`,
    ),
    countsBy(db, "backups"),
    countsBy(db, "restores"),
    countsBy(db, "notification_deliveries"),
  ]);

  m.componentStatus.reset();
  for (const c of Object.values(view.components))
    m.componentStatus.set({ component: c.id, region: c.region, kind: c.kind, status: c.status }, 1);
  m.serviceStatus.reset();
  for (const s of view.services)
    m.serviceStatus.set({ service: s.id, region: s.region, status: s.status }, 1);
  m.overall.reset();
  m.overall.set({ indicator: view.overall.indicator }, 1);
  m.boardAge.set(Math.max(0, (now - Date.parse(view.store.readAt)) / 1000));
  m.pollerRunning.set(view.poller.running ? 1 : 0);

  const last = new Map(lastBackups.map((r) => [r.service_id, new Date(r.last).getTime()]));
  m.backupAge.reset();
  for (const s of view.services) {
    const at = last.get(s.id);
    m.backupAge.set(
      { service: s.id },
      at === undefined ? Infinity : Math.max(0, (now - at) / 1000),
    );
  }
  for (const [gauge, statuses, counts] of [
    [m.backups, BACKUP_STATUSES, backups],
    [m.restores, RESTORE_STATUSES, restores],
    [m.deliveries, DELIVERY_STATUSES, deliveries],
  ] as const)
    for (const status of statuses) gauge.set({ status }, counts.get(status) ?? 0);

  return m.registry.metrics();
}

let queue: Promise<unknown> = Promise.resolve();

export function renderMetrics(db: Db, now = Date.now()): Promise<string> {
  const next = queue.then(() => collect(db, now));
  queue = next.catch(() => undefined);
  return next;
}

export const METRICS_CONTENT_TYPE = () => getMetrics().registry.contentType;
