import "server-only";
import { randomBytes } from "node:crypto";
import fs from "node:fs/promises";
import path from "node:path";
import { removeStaleTempFiles, syncFolder, tempFileName, unreachable } from "./fs-errors";
import {
  abortedError,
  ARCHIVE_EXTENSION,
  archiveNameOf,
  checkName,
  checkRegion,
  newestFirst,
} from "./names";
import { StoreError, type BackupStore, type StoredArchive, type WriteOptions } from "./types";

export type FilesystemStoreOptions = {
  id: string;
  /** An absolute path; one subfolder per region. */
  root: string;
  label?: string;
  /** Create the root when it is missing (the default store); a configured root must exist. */
  createRoot?: boolean;
  /** Bytes per write call and progress report. */
  chunkSize?: number;
};

const MiB = 1024 * 1024;
/** Link errors of file systems without hard links (FAT, some network shares). */
const NO_LINKS = new Set(["EPERM", "ENOTSUP", "EOPNOTSUPP", "ENOSYS", "EMLINK", "EXDEV"]);

/** Archives as files: `<root>/<region>/<name>.sfbackup`, written to a temp file and linked into place. */
export class FilesystemStore implements BackupStore {
  readonly kind = "filesystem" as const;
  readonly id: string;
  readonly label: string;
  readonly root: string;
  private readonly createRoot: boolean;
  private readonly chunkSize: number;

  constructor(options: FilesystemStoreOptions) {
    if (!path.isAbsolute(options.root))
      throw new StoreError("invalid", `root ${options.root} is not an absolute path`);
    this.id = options.id;
    this.root = path.normalize(options.root);
    this.label = options.label ?? `folder ${this.root}`;
    this.createRoot = options.createRoot ?? false;
    this.chunkSize = Math.max(1, options.chunkSize ?? MiB);
  }

  locate(region: string, name: string): string {
    return path.join(this.root, checkRegion(region), `${checkName(name)}${ARCHIVE_EXTENSION}`);
  }

  async probe(region: string): Promise<void> {
    const dir = await this.regionFolder(region, true);
    const probe = path.join(dir, tempFileName("probe", randomBytes(6).toString("hex")));
    try {
      await fs.writeFile(probe, "standfast probe", { flag: "wx" });
    } catch (error) {
      throw unreachable(this.label, error, dir);
    } finally {
      await fs.rm(probe, { force: true }).catch(() => {});
    }
  }

  async write(region: string, name: string, bytes: Buffer, options: WriteOptions = {}) {
    const final = this.locate(region, name);
    const dir = await this.regionFolder(region, true);
    const { signal, onProgress } = options;
    if (signal?.aborted) throw abortedError(signal, `writing ${name}`);
    if (await exists(final, this.label)) throw this.exists(name, region);
    const temp = path.join(dir, tempFileName(name, randomBytes(6).toString("hex")));
    let handle: fs.FileHandle | undefined;
    try {
      // Archives hold keys and connection strings: readable by their owner only.
      handle = await fs.open(temp, "wx", 0o600);
      let at = 0;
      do {
        if (signal?.aborted) throw abortedError(signal, `writing ${name}`);
        const length = Math.min(this.chunkSize, bytes.length - at);
        await writeFully(handle, bytes, at, length);
        at += length;
        onProgress?.(at, bytes.length);
      } while (at < bytes.length);
      await handle.sync();
      await handle.close();
      handle = undefined;
      if (signal?.aborted) throw abortedError(signal, `writing ${name}`);
      await this.publish(temp, final, name, region);
      await syncFolder(dir);
    } catch (error) {
      if (error instanceof StoreError || (error as Error).name === "AbortError") throw error;
      throw unreachable(this.label, error, dir);
    } finally {
      await handle?.close().catch(() => {});
      await fs.rm(temp, { force: true }).catch(() => {});
    }
    return { size: bytes.length, location: final };
  }

  async read(region: string, name: string, options: { signal?: AbortSignal } = {}) {
    const file = this.locate(region, name);
    try {
      return await fs.readFile(file, { signal: options.signal });
    } catch (error) {
      if ((error as Error).name === "AbortError")
        throw abortedError(options.signal, `reading ${name}`);
      if ((error as NodeJS.ErrnoException).code === "ENOENT") {
        await this.rootFolder(false); // a missing root is an unreachable store, not a missing archive
        throw new StoreError(
          "not-found",
          `no archive ${name} in region ${region} of ${this.label}`,
        );
      }
      throw unreachable(this.label, error, file);
    }
  }

  async list(region: string): Promise<StoredArchive[]> {
    const dir = await this.regionFolder(region, false);
    let names: string[];
    try {
      names = await fs.readdir(dir);
    } catch (error) {
      if ((error as NodeJS.ErrnoException).code === "ENOENT") return [];
      throw unreachable(this.label, error, dir);
    }
    const out: StoredArchive[] = [];
    for (const file of names) {
      const name = archiveNameOf(file);
      if (!name) continue;
      try {
        const stat = await fs.stat(path.join(dir, file));
        if (stat.isFile()) out.push({ name, size: stat.size, modifiedAt: stat.mtime });
      } catch (error) {
        if ((error as NodeJS.ErrnoException).code !== "ENOENT")
          throw unreachable(this.label, error, path.join(dir, file));
      }
    }
    await removeStaleTempFiles(dir, names);
    return out.sort(newestFirst);
  }

  async remove(region: string, name: string): Promise<void> {
    const file = this.locate(region, name);
    await this.rootFolder(false);
    try {
      await fs.unlink(file);
      await syncFolder(path.dirname(file));
    } catch (error) {
      if ((error as NodeJS.ErrnoException).code === "ENOENT") return;
      throw unreachable(this.label, error, file);
    }
  }

  /** The region's folder; with `create`, made when missing (the root itself only if allowed). */
  private async regionFolder(region: string, create: boolean): Promise<string> {
    const dir = path.join(this.root, checkRegion(region));
    await this.rootFolder(create && this.createRoot);
    if (create) {
      try {
        await fs.mkdir(dir, { recursive: false, mode: 0o700 });
      } catch (error) {
        if ((error as NodeJS.ErrnoException).code !== "EEXIST")
          throw unreachable(this.label, error, dir);
      }
    }
    return dir;
  }

  private async rootFolder(create: boolean): Promise<void> {
    try {
      const stat = await fs.stat(this.root);
      if (!stat.isDirectory())
        throw new StoreError(
          "unreachable",
          `${this.label}: the root ${this.root} is a file, not a folder: point root at a folder`,
        );
    } catch (error) {
      if (error instanceof StoreError) throw error;
      if ((error as NodeJS.ErrnoException).code === "ENOENT" && create) {
        try {
          await fs.mkdir(this.root, { recursive: true, mode: 0o700 });
          return;
        } catch (inner) {
          throw unreachable(this.label, inner, this.root);
        }
      }
      throw unreachable(this.label, error, this.root);
    }
  }

  /** A hard link never replaces an existing file, so a concurrent writer cannot be overwritten. */
  private async publish(temp: string, final: string, name: string, region: string) {
    try {
      await fs.link(temp, final);
      return;
    } catch (error) {
      const code = (error as NodeJS.ErrnoException).code ?? "";
      if (code === "EEXIST") throw this.exists(name, region);
      if (!NO_LINKS.has(code)) throw error;
    }
    // Without hard links: check, then rename (a narrow race with another writer remains).
    if (await exists(final, this.label)) throw this.exists(name, region);
    await fs.rename(temp, final);
  }

  private exists(name: string, region: string) {
    return new StoreError(
      "exists",
      `an archive named ${name} already exists in region ${region} of ${this.label}: choose another name`,
    );
  }
}

async function writeFully(handle: fs.FileHandle, bytes: Buffer, at: number, length: number) {
  let done = 0;
  while (done < length) {
    const { bytesWritten } = await handle.write(bytes, at + done, length - done, at + done);
    done += bytesWritten;
  }
}

async function exists(file: string, label: string): Promise<boolean> {
  try {
    await fs.lstat(file);
    return true;
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === "ENOENT") return false;
    throw unreachable(label, error, file);
  }
}
