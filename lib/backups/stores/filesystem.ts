import "server-only";
import { randomBytes } from "node:crypto";
import fs from "node:fs/promises";
import path from "node:path";
import { PendingArchive } from "../archive";
import { removeStaleTempFiles, syncFolder, tempFileName, unreachable } from "./fs-errors";
import {
  abortedError,
  ARCHIVE_EXTENSION,
  archiveNameOf,
  checkName,
  checkRegion,
  newestFirst,
} from "./names";
import { hashAhead, writeArchive } from "./fs-write";
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
/** Bytes per read call. */
const READ_CHUNK = 8 * MiB;
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
    // People see the label (pages, API, verdicts): it names the store, never the server's folder.
    this.label = options.label ?? `Local folder (${this.id})`;
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

  /**
   * Writes to a temp file, fsyncs it, links it into place and fsyncs the folder: nothing is ever
   * under the final name before all of it is on disk. A PendingArchive is hashed while it is
   * written: its first chunks while the folder is checked and the temp file opened, then each
   * chunk while the one before it is being written; the header goes in at offset 0 last, before
   * the fsync.
   */
  async write(
    region: string,
    name: string,
    archive: Buffer | PendingArchive,
    options: WriteOptions = {},
  ) {
    const final = this.locate(region, name);
    const { signal, onProgress } = options;
    const checkAbort = () => {
      if (signal?.aborted) throw abortedError(signal, `writing ${name}`);
    };
    checkAbort();
    let opened = false;
    const opening = this.openTemp(region, name, final).finally(() => (opened = true));
    opening.catch(() => {}); // awaited below: this only keeps an early failure from being unhandled
    if (archive instanceof PendingArchive) await hashAhead(archive, this.chunkSize, () => opened);
    const { dir, temp, handle: file } = await opening;
    let handle: fs.FileHandle | undefined = file;
    let published = false;
    try {
      await writeArchive(handle, archive, this.chunkSize, checkAbort, onProgress);
      await handle.sync();
      await handle.close();
      handle = undefined;
      checkAbort();
      const linked = await this.publish(temp, final, name, region);
      published = true;
      // The link is what must be durable; the temp name goes meanwhile (list() removes it if not).
      await Promise.all([linked && fs.unlink(temp).catch(() => {}), syncFolder(dir)]);
    } catch (error) {
      if (error instanceof StoreError || (error as Error).name === "AbortError") throw error;
      throw unreachable(this.label, error, dir);
    } finally {
      await handle?.close().catch(() => {});
      if (!published) await fs.rm(temp, { force: true }).catch(() => {});
    }
    const size = archive instanceof PendingArchive ? archive.size : archive.length;
    return { size, location: final };
  }

  /**
   * A new temp file in the region's folder, opened while the final name is checked (both at once).
   * The folder is made, and the root checked, only when the temp file cannot be opened.
   */
  private async openTemp(region: string, name: string, final: string) {
    const dir = path.dirname(final);
    const temp = path.join(dir, tempFileName(name, randomBytes(6).toString("hex")));
    // Archives hold keys and connection strings: readable by their owner only.
    const open = () => fs.open(temp, "wx", 0o600);
    const [opened, taken] = await Promise.allSettled([
      open().catch(async (error: NodeJS.ErrnoException) => {
        if (error.code !== "ENOENT" && error.code !== "ENOTDIR") throw error;
        await this.regionFolder(region, true); // says why when the root is missing or a file
        return open();
      }),
      exists(final, this.label),
    ]);
    if (opened.status === "rejected") {
      if (opened.reason instanceof StoreError) throw opened.reason;
      throw unreachable(this.label, opened.reason, dir);
    }
    if (taken.status === "fulfilled" && !taken.value) return { dir, temp, handle: opened.value };
    await opened.value.close().catch(() => {});
    await fs.rm(temp, { force: true }).catch(() => {});
    if (taken.status === "rejected") throw taken.reason;
    throw this.exists(name, region);
  }

  /** The archive's bytes as stored: one read call per 8 MiB (fs.readFile makes one per 512 KiB). */
  async read(region: string, name: string, options: { signal?: AbortSignal } = {}) {
    const file = this.locate(region, name);
    const { signal } = options;
    const checkAbort = () => {
      if (signal?.aborted) throw abortedError(signal, `reading ${name}`);
    };
    let handle: fs.FileHandle | undefined;
    try {
      checkAbort();
      handle = await fs.open(file, "r");
      const { size } = await handle.stat();
      const bytes = Buffer.allocUnsafe(size);
      let at = 0;
      while (at < size) {
        checkAbort();
        const length = Math.min(READ_CHUNK, size - at);
        const { bytesRead } = await handle.read(bytes, at, length, at);
        if (bytesRead === 0) break; // it shrank while being read: what is there is returned
        at += bytesRead;
      }
      return at === size ? bytes : Buffer.from(bytes.subarray(0, at));
    } catch (error) {
      if ((error as Error).name === "AbortError") throw error;
      if ((error as NodeJS.ErrnoException).code === "ENOENT") {
        await this.rootFolder(false); // a missing root is an unreachable store, not a missing archive
        throw new StoreError(
          "not-found",
          `no archive ${name} in region ${region} of ${this.label}`,
        );
      }
      throw unreachable(this.label, error, file);
    } finally {
      await handle?.close().catch(() => {});
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

  /**
   * A hard link never replaces an existing file, so a concurrent writer cannot be overwritten.
   * True when linked (the temp name is still there), false when renamed.
   */
  private async publish(temp: string, final: string, name: string, region: string) {
    try {
      await fs.link(temp, final);
      return true;
    } catch (error) {
      const code = (error as NodeJS.ErrnoException).code ?? "";
      if (code === "EEXIST") throw this.exists(name, region);
      if (!NO_LINKS.has(code)) throw error;
    }
    // Without hard links: check, then rename (a narrow race with another writer remains).
    if (await exists(final, this.label)) throw this.exists(name, region);
    await fs.rename(temp, final);
    return false;
  }

  private exists(name: string, region: string) {
    return new StoreError(
      "exists",
      `an archive named ${name} already exists in region ${region} of ${this.label}: choose another name`,
    );
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
