import type { Db } from "../db";
import type { Stores } from "./registry";
import { BackupWorker } from "./worker";

const KEY = Symbol.for("standfast.backupWorker");
type Global = typeof globalThis & { [KEY]?: BackupWorker };

/** The process's one backup worker (on globalThis: route handlers may get their own module copies). */
export function getWorker(): BackupWorker | undefined {
  return (globalThis as Global)[KEY];
}

export function startBackupWorker(options: {
  db: Db;
  stores: Stores;
  tickMs: number;
}): BackupWorker {
  const existing = getWorker();
  if (existing) return existing;
  const worker = new BackupWorker(options);
  (globalThis as Global)[KEY] = worker;
  worker.start();
  return worker;
}

export async function stopBackupWorker(): Promise<void> {
  const worker = getWorker();
  if (!worker) return;
  delete (globalThis as Global)[KEY];
  await worker.stop();
}
