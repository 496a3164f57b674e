import fs from "node:fs";
import os from "node:os";
import path from "node:path";

type LockInfo = { pid: number; host: string; startedAt: string };

export class DataFolderLockedError extends Error {
  constructor(folder: string, info: LockInfo) {
    super(
      `The data folder ${folder} is in use by another Standfast process (pid ${info.pid} on ${info.host}, ` +
        `started ${info.startedAt}). PGlite cannot be shared between processes: stop that process, ` +
        `set STANDFAST_DATA_DIR to another folder, or run several processes against PostgreSQL with DATABASE_URL.`,
    );
    this.name = "DataFolderLockedError";
  }
}

function alive(pid: number): boolean {
  try {
    process.kill(pid, 0);
    return true;
  } catch (error) {
    return (error as NodeJS.ErrnoException).code === "EPERM";
  }
}

function readLock(file: string): LockInfo | null {
  try {
    return JSON.parse(fs.readFileSync(file, "utf8")) as LockInfo;
  } catch {
    return null;
  }
}

/**
 * Takes an exclusive lock on a data folder, because PGlite does not lock it itself and two
 * processes on one folder silently lose writes. The lock is a file created with O_EXCL;
 * a lock left by a dead process on this host is taken over. Returns the release function.
 */
export function lockDataFolder(folder: string): () => void {
  fs.mkdirSync(folder, { recursive: true });
  const file = path.join(folder, "standfast.lock");
  const mine: LockInfo = {
    pid: process.pid,
    host: os.hostname(),
    startedAt: new Date().toISOString(),
  };
  for (let attempt = 0; attempt < 3; attempt++) {
    try {
      fs.writeFileSync(file, JSON.stringify(mine), { flag: "wx" });
      let released = false;
      const release = () => {
        if (released) return;
        released = true;
        if (readLock(file)?.pid === process.pid) fs.rmSync(file, { force: true });
        process.off("exit", release);
      };
      process.on("exit", release);
      return release;
    } catch (error) {
      if ((error as NodeJS.ErrnoException).code !== "EEXIST") throw error;
      const holder = readLock(file);
      if (
        holder &&
        (holder.host !== mine.host || alive(holder.pid)) &&
        holder.pid !== process.pid
      ) {
        throw new DataFolderLockedError(folder, holder);
      }
      if (holder?.pid === process.pid && holder.host === mine.host) {
        throw new DataFolderLockedError(folder, holder);
      }
      // Stale: its process is gone. Remove it and try again.
      fs.rmSync(file, { force: true });
    }
  }
  throw new Error(
    `Could not lock the data folder ${folder}; remove ${file} if no Standfast process is running.`,
  );
}
