/** The backup store adapter: where archives are kept, one place per region. */
export type StoreKind = "filesystem" | "azure-blob";

export type StoredArchive = { name: string; size: number; modifiedAt: Date };

export type WriteOptions = {
  /** Aborting rejects the write with an AbortError and leaves nothing under the final name. */
  signal?: AbortSignal;
  /** Called after each chunk (or block) is written; the last call has `written === total`. */
  onProgress?: (written: number, total: number) => void;
};

export interface BackupStore {
  readonly id: string;
  readonly kind: StoreKind;
  readonly label: string;
  /** Where an archive lives, for people: a path or a blob URL. */
  locate(region: string, name: string): string;
  /** Atomic: never a partial archive under the final name (temp name + rename / uncommitted blocks + commit).
   *  Refuses to overwrite an existing archive (StoreError code "exists"). Reports progress in chunks. */
  write(
    region: string,
    name: string,
    bytes: Buffer,
    options?: WriteOptions,
  ): Promise<{ size: number; location: string }>;
  /** The archive's bytes as stored, unverified (verifying is the caller's job: verifyArchive). */
  read(region: string, name: string, options?: { signal?: AbortSignal }): Promise<Buffer>;
  /** The region's archives, newest first; an empty or never-used region has none. */
  list(region: string): Promise<StoredArchive[]>;
  /** Removing an archive that is not there is not an error: the result is the same. */
  remove(region: string, name: string): Promise<void>;
  /** Throws StoreError("unreachable", reason) when the store cannot be used for that region. */
  probe(region: string): Promise<void>;
}

export type StoreErrorCode = "unreachable" | "not-found" | "exists" | "invalid";

export class StoreError extends Error {
  constructor(
    public code: StoreErrorCode,
    message: string,
  ) {
    super(message);
    this.name = "StoreError";
  }
}

export function isStoreError(error: unknown, code?: StoreErrorCode): error is StoreError {
  return (
    error instanceof Error &&
    error.name === "StoreError" &&
    (code === undefined || (error as StoreError).code === code)
  );
}
