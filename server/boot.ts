import { DataFolderLockedError, openDatabase, installDatabase, type Database } from "../lib/db";
import { ensureAdminToken, prepareSignIn } from "../lib/auth";
import { EstateConfigError, loadConfiguredEstate, type LoadedEstate } from "../lib/estate";
import { backfillDemoHistory, Poller } from "../lib/health";
import {
  createControlPlane,
  ensureConfigurations,
  installControlPlane,
  syncEstate,
} from "../lib/control-plane";
import {
  installStores,
  seedDemoBackups,
  startBackupWorker,
  stopBackupWorker,
  storesOf,
  startActivityFeed,
  createStores,
  isStoreError,
  StoreConfigError,
} from "../lib/backups";
import { startRestoreWorker, stopRestoreWorker } from "../lib/restores";
import { seedDemoDrills, startDrillWorker, stopDrillWorker } from "../lib/drills";
import { startNotificationWorker, stopNotificationWorker } from "../lib/incidents/notify";
import { detectionConfig, startIncidentDetector, stopIncidentDetector } from "../lib/incidents";
import { logger } from "../lib/log";
import { getSettings, SettingsError, type Settings } from "../lib/settings";

export type Runtime = {
  settings: Settings;
  database: Database;
  estate: LoadedEstate;
  poller: Poller | null;
  stop(): Promise<void>;
};

const log = logger("standfast");

/** How long each step of start-up took, for one line in the log: where a slow start goes. */
function startupSteps() {
  const started = performance.now();
  const spent: string[] = [];
  const note = (name: string, from: number) =>
    spent.push(`${name} ${((performance.now() - from) / 1000).toFixed(1)} s`);
  function time<T>(name: string, step: () => T): T {
    const from = performance.now();
    const result = step();
    if (result instanceof Promise) return result.finally(() => note(name, from)) as T;
    note(name, from);
    return result;
  }
  const summary = () =>
    `${((performance.now() - started) / 1000).toFixed(1)} s (${spent.join(", ")})`;
  return { time, summary };
}

/** Problems a user can fix: print the message alone, without a stack trace. */
export function isConfigurationError(error: unknown): error is Error {
  return (
    error instanceof SettingsError ||
    error instanceof EstateConfigError ||
    error instanceof DataFolderLockedError ||
    error instanceof StoreConfigError ||
    isStoreError(error, "invalid")
  );
}

/**
 * Everything a Standfast process needs before it serves: validated settings, the estate,
 * the store (locked and migrated), the admin token for the CLI, and the poller.
 */
export async function boot(): Promise<Runtime> {
  const steps = startupSteps();
  const settings = getSettings();
  const estate = steps.time("estate file", () => loadConfiguredEstate(settings));
  const database = await steps.time("store", () =>
    openDatabase({
      databaseUrl: settings.DATABASE_URL,
      dataDir: settings.STANDFAST_DATA_DIR,
    }),
  );
  installDatabase(database);
  const controlPlane = createControlPlane();
  installControlPlane(controlPlane);
  log.info(`control plane: ${controlPlane.label}`);
  const { changed, version } = await steps.time("estate sync", () =>
    syncEstate(database.db, estate),
  );
  await steps.time("demo history", () => backfillDemoHistory(database.db, estate));
  log.info(
    `${estate.demo ? "demo estate" : `estate ${estate.source}`}: ${estate.services.length} services, ${estate.components.length} components, ` +
      `${estate.regions.length} regions (version ${version}${changed ? ", updated" : ""})`,
  );
  log.info(
    `store: ${database.engine === "pglite" ? `embedded PGlite in ${database.location}` : `PostgreSQL at ${database.location}`}`,
  );
  const token = await ensureAdminToken(database.db, {
    configured: settings.STANDFAST_ADMIN_TOKEN,
    dataDir: settings.STANDFAST_DATA_DIR,
  });
  log.info(
    token.source === "setting"
      ? "admin API token: from STANDFAST_ADMIN_TOKEN"
      : `admin API token for the CLI: ${token.file}`,
  );
  for (const line of await prepareSignIn(database.db, settings, { demo: estate.demo }))
    log.info(line);

  const stores = storesOf(
    createStores(estate.backupStores, { dataDir: settings.STANDFAST_DATA_DIR }),
  );
  installStores(stores);
  log.info(
    `backup stores: ${stores
      .list()
      .map((s) => `${s.id} (${s.label}${"root" in s ? ` in ${s.root}` : ""})`)
      .join(", ")}`,
  );
  await steps.time("configurations", () =>
    ensureConfigurations(database.db, { demo: estate.demo }),
  );
  if (estate.demo) {
    const seeded = await steps.time("demo backups", () => seedDemoBackups(database.db, stores));
    if (seeded.seeded) {
      log.info(`demo backups: ${seeded.backups} backups of the last 90 days`);
      const drilled = await steps.time("demo drills", () => seedDemoDrills(database.db, stores));
      log.info(
        `demo drills: ${drilled.ran} run now, ${drilled.recorded} earlier ones recorded as history`,
      );
    }
  }
  const jobs = {
    db: database.db,
    stores,
    tickMs: settings.STANDFAST_BACKUP_TICK,
    heartbeatMs: settings.STANDFAST_JOB_HEARTBEAT,
  };
  startBackupWorker(jobs);
  startRestoreWorker(jobs);
  startDrillWorker(jobs);
  startNotificationWorker(database.db, settings);
  const activityFeed = startActivityFeed(database.db, estate);
  if (activityFeed) log.info("activity log: reading management operations every 5 min");

  const poller =
    settings.STANDFAST_POLLER === "on"
      ? new Poller({
          db: database.db,
          concurrency: settings.STANDFAST_POLL_CONCURRENCY,
          sampleRetentionMs: settings.STANDFAST_SAMPLE_RETENTION,
        })
      : null;
  poller?.start();
  if (!poller) log.info("poller: off (STANDFAST_POLLER=off); another instance must poll");
  // Incidents are judged where readings are taken; a lock keeps instances from judging twice.
  if (poller) startIncidentDetector({ db: database.db, config: detectionConfig() });
  log.info(`start-up: ${steps.summary()}`);

  return {
    settings,
    database,
    estate,
    poller,
    async stop() {
      await poller?.stop();
      await stopIncidentDetector();
      await stopBackupWorker();
      await stopRestoreWorker();
      await stopDrillWorker();
      await stopNotificationWorker();
      await activityFeed?.stop();
      await database.close();
    },
  };
}
