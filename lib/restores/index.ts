import "server-only";
import { desc, eq, inArray } from "drizzle-orm";
import type { Actor, Ctx } from "../auth";
import { getStores, withoutStorePaths } from "../backups";
import { getDb, tables, type Db } from "../db";
import { getBoard } from "../health";
import {
  checkRestore as check,
  requestRestore as request,
  type RestoreDeps,
  type RestoreRecord,
} from "./requests";
import { checkedItemsFor } from "./checked-items";
import type { ChosenSchedule } from "./restore-choices";
import type { CheckedItem, RestoreStatus, RestoreStep, RestoreView } from "./restore-types";
import { RestoreWorker } from "./worker";
import { MAX_ATTEMPTS, MISSED_BEATS } from "./claim";
import { getSettings } from "../settings";
import { regionHealth } from "./preflight";
import { readEvacuationPlan } from "./evacuation-read";
import type { EvacuationPlan } from "./evacuation-plan";
import { evacuationKey, startEvacuation as start } from "./evacuation-start";

export * from "./restore-types";
export { RestoreWorker } from "./worker";

const KEY = Symbol.for("standfast.restoreWorker");
type Global = typeof globalThis & { [KEY]?: RestoreWorker };
const worker = () => (globalThis as Global)[KEY];

export function startRestoreWorker(options: ConstructorParameters<typeof RestoreWorker>[0]) {
  if (worker()) return worker()!;
  const w = new RestoreWorker(options);
  (globalThis as Global)[KEY] = w;
  w.start();
  return w;
}
export async function stopRestoreWorker() {
  const w = worker();
  delete (globalThis as Global)[KEY];
  await w?.stop();
}

const deps = (db: Db): RestoreDeps => ({
  stores: getStores(),
  regionStatus: async (region) => (await regionStatuses(db))(region),
});

export function toRestoreView(
  r: RestoreRecord,
  extra: {
    backupName: string;
    sourceService: string;
    targetState: string | null;
    checks: CheckedItem[];
  },
): RestoreView {
  return {
    id: r.id,
    backupId: r.backupId,
    backupName: extra.backupName,
    sourceService: extra.sourceService,
    target: r.target,
    region: r.region,
    edition: r.edition,
    trackingDatabase: r.trackingDatabase,
    storage: r.storage,
    status: r.status as RestoreStatus,
    step: r.step as RestoreStep | "done",
    progress: r.progress,
    requestedBy: r.requestedBy,
    requestedAt: r.requestedAt.toISOString(),
    finishedAt: r.finishedAt?.toISOString() ?? null,
    // A failure can quote a store's message, which may name a server folder or a secret.
    error: r.error === null ? null : withoutStorePaths(r.error, getStores()),
    log: (r.log as RestoreView["log"]).map((l) => ({
      ...l,
      message: withoutStorePaths(l.message, getStores()),
    })),
    checklist: r.checklist as RestoreView["checklist"],
    checks: extra.checks,
    storageReplication: r.storageReplication,
    backupSchedule: r.backupSchedule as ChosenSchedule | null,
    targetState: extra.targetState,
    resumedAt: r.resumedAt?.toISOString() ?? null,
    resumedBy: r.resumedBy,
    worker: {
      heartbeatAt: r.heartbeatAt?.toISOString() ?? null,
      attempts: r.attempts,
      maxAttempts: MAX_ATTEMPTS,
      lostAt: r.workerLostAt?.toISOString() ?? null,
      lostAfterMs: getSettings().STANDFAST_JOB_HEARTBEAT * MISSED_BEATS,
    },
    asOf: new Date().toISOString(),
  };
}

export async function getRestore(id: string, db?: Db): Promise<RestoreView | null> {
  const d = db ?? (await getDb());
  if (!/^[0-9a-f-]{36}$/.test(id)) return null;
  const rows = await d.select().from(tables.restores).where(eq(tables.restores.id, id));
  return (await restoreViews(d, rows))[0] ?? null;
}

/** The newest restores: five queries, however many are listed. */
export async function listRestores(limit = 50, db?: Db): Promise<RestoreView[]> {
  const d = db ?? (await getDb());
  const rows = await d
    .select()
    .from(tables.restores)
    .orderBy(desc(tables.restores.requestedAt))
    .limit(limit);
  return restoreViews(d, rows);
}

/** Views of restore rows, with their backups, targets and checked items read in one go each. */
async function restoreViews(d: Db, rows: RestoreRecord[]): Promise<RestoreView[]> {
  if (rows.length === 0) return [];
  const targets = [...new Set(rows.map((r) => r.target))];
  const [backups, services, checks] = await Promise.all([
    d
      .select({
        id: tables.backups.id,
        name: tables.backups.name,
        serviceId: tables.backups.serviceId,
      })
      .from(tables.backups)
      .where(inArray(tables.backups.id, [...new Set(rows.map((r) => r.backupId))])),
    d
      .select({
        id: tables.services.id,
        state: tables.services.state,
        retiredAt: tables.services.retiredAt,
      })
      .from(tables.services)
      .where(inArray(tables.services.id, targets)),
    checkedItemsFor(d, targets),
  ]);
  return rows.map((row) => {
    const backup = backups.find((b) => b.id === row.backupId);
    const service = services.find((s) => s.id === row.target);
    return toRestoreView(row, {
      backupName: backup?.name ?? row.backupId,
      sourceService: backup?.serviceId ?? "",
      targetState: service && !service.retiredAt ? service.state : null,
      checks: checks.get(row.target) ?? [],
    });
  });
}

const ctxOf = async (actor: Actor): Promise<Ctx> => ({ actor, db: await getDb() });

export async function requestRestore(ctx: Ctx, raw: unknown) {
  const row = await request(ctx, raw, deps(ctx.db));
  worker()?.kick();
  return (await getRestore(row.id, ctx.db))!;
}
export { tickChecklist, resumeService, deleteFailedService } from "./after-restore";
export async function checkRestore(ctx: Ctx, raw: unknown) {
  return check(ctx, raw, deps(ctx.db));
}
export type { EvacuationPlan, EvacuationRow } from "./evacuation-plan";
export type { EvacuationOutcome } from "./evacuation-start";
export { evacuationKey };

/** The restores an evacuation of the plan's region started, found by their keys: its progress. */
export async function evacuationRestores(db: Db, plan: EvacuationPlan): Promise<RestoreView[]> {
  const keys = plan.rows.flatMap((r) =>
    r.backup ? [evacuationKey(plan.region.id, r.serviceId, r.backup.id)] : [],
  );
  if (keys.length === 0) return [];
  const rows = await db
    .select({ id: tables.restores.id })
    .from(tables.restores)
    .where(inArray(tables.restores.idempotencyKey, keys))
    .orderBy(tables.restores.target);
  return (await Promise.all(rows.map((r) => getRestore(r.id, db)))).filter(
    (r): r is RestoreView => r !== null,
  );
}

/** Each region's health for a restore, as pre-flight judges it, from one read of the board. */
async function regionStatuses(db: Db) {
  const components = Object.values((await getBoard(db)).components);
  return (region: string) => regionHealth(components.filter((c) => c.region === region));
}

/** The plan for evacuating a region (viewer): see evacuation-plan.ts. */
export async function evacuationPlan(ctx: Ctx, regionId: string) {
  return readEvacuationPlan(ctx, regionId, await regionStatuses(ctx.db));
}

/** Starts an evacuation (operator): one ordinary restore per row, each once. */
export async function startEvacuation(ctx: Ctx, regionId: string, raw: unknown) {
  const outcomes = await start(ctx, regionId, raw, {
    request: (c, input) => request(c, input, deps(c.db)),
    statusOf: await regionStatuses(ctx.db),
  });
  worker()?.kick();
  return outcomes;
}

/** The evacuation page's data for `actor`: the plan and the restores it started so far. */
export async function evacuationPageOf(actor: Actor, regionId: string) {
  const ctx = await ctxOf(actor);
  const plan = await evacuationPlan(ctx, regionId);
  return { plan, started: await evacuationRestores(ctx.db, plan) };
}
