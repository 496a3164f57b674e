import "server-only";
import type { Ctx } from "../auth";
import type { Stores } from "../backups";
import { getDb, type Db } from "../db";
import { isLiveService, readDrill, readDrills, readDrillSchedule, toDrillView } from "./read";
import { requestDrill as request, setDrillSchedule as schedule } from "./requests";
import { DrillWorker } from "./worker";

export * from "./drill-types";
export { DrillWorker } from "./worker";
export { seedDemoDrills } from "./demo";

const KEY = Symbol.for("standfast.drillWorker");
type Global = typeof globalThis & { [KEY]?: DrillWorker };
const worker = () => (globalThis as Global)[KEY];

export function startDrillWorker(options: {
  db: Db;
  stores: Stores;
  tickMs?: number;
  heartbeatMs?: number;
}) {
  if (worker()) return worker()!;
  const w = new DrillWorker(options);
  (globalThis as Global)[KEY] = w;
  w.start();
  return w;
}
export async function stopDrillWorker() {
  const w = worker();
  delete (globalThis as Global)[KEY];
  await w?.stop();
}

// Reads: pages and API routes check the viewer role before calling them.
export const listDrills = async (serviceId: string, db?: Db) =>
  readDrills(db ?? (await getDb()), serviceId);
/** A service's drills (newest first) and drill schedule; null for no such live service. */
export async function getServiceDrills(serviceId: string, db?: Db) {
  const d = db ?? (await getDb());
  if (!(await isLiveService(d, serviceId))) return null;
  const [drills, schedule] = await Promise.all([
    readDrills(d, serviceId),
    readDrillSchedule(d, serviceId),
  ]);
  return { serviceId, drills, schedule, asOf: new Date().toISOString() };
}
export const getDrill = async (id: string, db?: Db) => readDrill(db ?? (await getDb()), id);
export const getDrillSchedule = async (serviceId: string, db?: Db) =>
  readDrillSchedule(db ?? (await getDb()), serviceId);

// Writes: each authorizes and validates inside; the worker is woken so the drill starts now.
export async function requestDrill(ctx: Ctx, serviceId: string, raw: unknown) {
  const row = await request(ctx, serviceId, raw);
  worker()?.kick();
  return toDrillView(row);
}
export const setDrillSchedule = async (ctx: Ctx, serviceId: string, raw: unknown) => {
  await schedule(ctx, serviceId, raw);
  worker()?.kick();
  return getDrillSchedule(serviceId, ctx.db);
};
