import fs from "node:fs/promises";
import path from "node:path";
import { StoreError } from "./types";

const WHY: Record<string, (where: string) => string> = {
  ENOENT: (p) => `${p} does not exist: create it, or point the store's root at a folder that does`,
  ENOTDIR: (p) => `${p} is not a folder (part of the path is a file): point root at a folder`,
  EACCES: (p) => `permission denied on ${p}: let the user running Standfast write there`,
  EPERM: (p) => `operation not permitted on ${p}: let the user running Standfast write there`,
  ENOSPC: (p) => `no space left on the disk holding ${p}: free some space or use another root`,
  EDQUOT: (p) => `the disk quota for ${p} is exhausted: raise it or use another root`,
  EROFS: (p) => `${p} is on a read-only file system: remount it read-write or use another root`,
  EIO: (p) => `input/output error on ${p}: check the disk or network share`,
  EISDIR: (p) => `${p} is a folder where a file was expected: remove it`,
  EMFILE: () => `too many open files in this process: raise the open-file limit`,
};

/** An operating-system error as a sentence that says where, what, and what to do. */
export function describeFsError(error: unknown, where: string): string {
  const e = error as NodeJS.ErrnoException;
  const why = e?.code ? WHY[e.code] : undefined;
  if (why) return `${why(where)} (${e.code})`;
  return `${where}: ${e?.message ?? String(error)}`;
}

export function unreachable(storeLabel: string, error: unknown, where: string): StoreError {
  return new StoreError("unreachable", `${storeLabel}: ${describeFsError(error, where)}`);
}

/** Temp files are `.<name>.<random>.tmp`; list() never shows them. */
export const tempFileName = (name: string, random: string) => `.${name}.${random}.tmp`;
const TEMP = /^\.[a-z0-9][a-z0-9-]*\.[0-9a-f]+\.tmp$/;

/** A write that has not finished in this long crashed: its temp file is removed. */
export const STALE_TEMP_MS = 60 * 60 * 1000;

/** Removes temp files left by writes that crashed; writes in progress elsewhere are left alone. */
export async function removeStaleTempFiles(dir: string, names: string[], now = Date.now()) {
  for (const file of names) {
    if (!TEMP.test(file)) continue;
    const full = path.join(dir, file);
    try {
      const stat = await fs.stat(full);
      if (now - stat.mtimeMs > STALE_TEMP_MS) await fs.rm(full, { force: true });
    } catch {
      // Gone already, or not ours to remove: the next listing tries again.
    }
  }
}

/** Makes a rename or unlink durable; some platforms cannot open a folder, which is fine there. */
export async function syncFolder(dir: string): Promise<void> {
  let handle: fs.FileHandle | undefined;
  try {
    handle = await fs.open(dir, "r");
    await handle.sync();
  } catch (error) {
    const code = (error as NodeJS.ErrnoException).code;
    if (code !== "EISDIR" && code !== "EPERM" && code !== "EINVAL" && code !== "EBADF") throw error;
  } finally {
    await handle?.close();
  }
}
