import "server-only";
import { randomBytes } from "node:crypto";
import type { TokenCredential } from "@azure/core-auth";
import {
  AnonymousCredential,
  BlobServiceClient,
  type ContainerClient,
  type StoragePipelineOptions,
} from "@azure/storage-blob";
import { azureFailure, checkContainerName, codeOf, statusOf } from "./azure-errors";
import {
  abortedError,
  ARCHIVE_EXTENSION,
  archiveNameOf,
  checkName,
  checkRegion,
  newestFirst,
} from "./names";
import { StoreError, type BackupStore, type StoredArchive, type WriteOptions } from "./types";
import { DEFAULT_CONTAINER_PREFIX } from "../../estate/store-config-types";

export type AzureBlobStoreOptions = {
  id: string;
  label?: string;
  /** An account-key or SAS connection string. */
  connectionString?: string;
  /** `https://<account>.blob.core.windows.net`, with `credential` or a SAS query string. */
  accountUrl?: string;
  credential?: TokenCredential;
  /** Containers are `<prefix><region>`. */
  containerPrefix?: string;
  /** Deadline for each request that carries no archive bytes (probe, list, remove, commit). */
  timeoutMs?: number;
  /** Deadline for each try of a block upload or download. */
  transferTimeoutMs?: number;
  blockSize?: number;
  concurrency?: number;
};

export { DEFAULT_CONTAINER_PREFIX };
const MiB = 1024 * 1024;
const MAX_BLOCKS = 50_000;

function serviceClient(o: AzureBlobStoreOptions): BlobServiceClient {
  const pipeline: StoragePipelineOptions = {
    retryOptions: {
      maxTries: 3,
      retryDelayInMs: 200,
      maxRetryDelayInMs: 1_000,
      tryTimeoutInMs: o.transferTimeoutMs ?? 60_000,
    },
  };
  try {
    if (o.connectionString)
      return BlobServiceClient.fromConnectionString(o.connectionString, pipeline);
    if (!o.accountUrl) throw new Error("give a connection string or an account URL");
    const url = new URL(o.accountUrl);
    if (o.credential) return new BlobServiceClient(url.toString(), o.credential, pipeline);
    if (url.searchParams.has("sig"))
      return new BlobServiceClient(url.toString(), new AnonymousCredential(), pipeline);
    throw new Error(
      "an account URL needs a credential (an Azure identity) or a SAS token in its query string",
    );
  } catch (error) {
    throw new StoreError("invalid", `backup store ${o.id}: ${(error as Error).message}`);
  }
}

/** Archives as block blobs in one container per region; a blob appears only when its block list is committed. */
export class AzureBlobStore implements BackupStore {
  readonly kind = "azure-blob" as const;
  readonly id: string;
  readonly label: string;
  private readonly client: BlobServiceClient;
  private readonly prefix: string;
  private readonly host: string;
  private readonly timeoutMs: number;
  private readonly blockSize: number;
  private readonly concurrency: number;
  private readonly ready = new Set<string>();

  constructor(options: AzureBlobStoreOptions) {
    this.id = options.id;
    this.client = serviceClient(options);
    this.host = new URL(this.client.url).host;
    this.label = options.label ?? `Azure Blob ${this.client.accountName || this.host}`;
    this.prefix = options.containerPrefix ?? DEFAULT_CONTAINER_PREFIX;
    this.timeoutMs = options.timeoutMs ?? 5_000;
    this.blockSize = options.blockSize ?? 4 * MiB;
    this.concurrency = Math.max(1, options.concurrency ?? 4);
  }

  locate(region: string, name: string): string {
    const url = new URL(this.container(region).getBlobClient(blobName(name)).url);
    url.search = ""; // never show a SAS token
    return url.toString();
  }

  async probe(region: string): Promise<void> {
    await this.ensureContainer(this.container(region), "probing");
  }

  async write(region: string, name: string, bytes: Buffer, options: WriteOptions = {}) {
    const container = this.container(region);
    const blob = container.getBlockBlobClient(blobName(name));
    const { signal, onProgress } = options;
    await this.ensureContainer(container, `writing ${name}`, signal);
    if (await this.call(`writing ${name}`, signal, (s) => blob.exists({ abortSignal: s })))
      throw this.exists(name, region);

    const size = Math.max(this.blockSize, Math.ceil(bytes.length / MAX_BLOCKS));
    const writeId = randomBytes(8).toString("hex");
    const ids = Array.from({ length: Math.ceil(bytes.length / size) }, (_, i) =>
      Buffer.from(`${writeId}-${String(i).padStart(6, "0")}`).toString("base64"),
    );
    // One failed block stops the others; uncommitted blocks are never visible, and Azure drops them.
    const stop = new AbortController();
    const stageSignal = signal ? AbortSignal.any([signal, stop.signal]) : stop.signal;
    let written = 0;
    let next = 0;
    const worker = async () => {
      while (next < ids.length) {
        const i = next++;
        const chunk = bytes.subarray(i * size, Math.min(bytes.length, (i + 1) * size));
        await blob.stageBlock(ids[i]!, chunk, chunk.length, { abortSignal: stageSignal });
        written += chunk.length;
        onProgress?.(written, bytes.length);
      }
    };
    try {
      await Promise.all(
        Array.from({ length: Math.min(this.concurrency, ids.length) }, () =>
          worker().catch((error) => {
            stop.abort(error);
            throw error;
          }),
        ),
      );
      if (ids.length === 0) onProgress?.(0, 0);
      if (signal?.aborted) throw abortedError(signal, `writing ${name}`);
      // Bounded by the pipeline's try timeout, like the blocks: a long block list takes a while.
      await blob.commitBlockList(ids, {
        abortSignal: signal,
        conditions: { ifNoneMatch: "*" },
        blobHTTPHeaders: { blobContentType: "application/octet-stream" },
      });
    } catch (error) {
      if (signal?.aborted) throw abortedError(signal, `writing ${name}`);
      if (error instanceof NotFound || statusOf(error) === 404) {
        this.ready.delete(container.containerName);
        throw new StoreError(
          "unreachable",
          `${this.label}: the container ${container.containerName} disappeared while writing ${name}: try again`,
        );
      }
      const status = statusOf(error);
      // 409/412: someone committed this name first; InvalidBlockList: their commit dropped our blocks.
      if (status === 409 || status === 412 || codeOf(error) === "InvalidBlockList")
        throw this.exists(name, region);
      throw azureFailure(error, this.where(`writing ${name}`), { timedOut: false, timeoutMs: 0 });
    }
    return { size: bytes.length, location: this.locate(region, name) };
  }

  async read(region: string, name: string, options: { signal?: AbortSignal } = {}) {
    const blob = this.container(region).getBlockBlobClient(blobName(name));
    const { signal } = options;
    let size: number;
    try {
      // Under the short deadline: an unreachable store fails here, within seconds.
      const properties = await this.call(`reading ${name}`, signal, (s) =>
        blob.getProperties({ abortSignal: s }),
      );
      size = properties.contentLength ?? 0;
    } catch (error) {
      if (error instanceof NotFound)
        throw new StoreError(
          "not-found",
          `no archive ${name} in region ${region} of ${this.label}`,
        );
      throw error;
    }
    if (size === 0) return Buffer.alloc(0);
    try {
      return await blob.downloadToBuffer(0, size, {
        abortSignal: signal,
        blockSize: this.blockSize,
        concurrency: this.concurrency,
      });
    } catch (error) {
      if (signal?.aborted) throw abortedError(signal, `reading ${name}`);
      if (statusOf(error) === 404)
        throw new StoreError(
          "not-found",
          `no archive ${name} in region ${region} of ${this.label}`,
        );
      throw azureFailure(error, this.where(`reading ${name}`), { timedOut: false, timeoutMs: 0 });
    }
  }

  async list(region: string): Promise<StoredArchive[]> {
    const container = this.container(region);
    const out: StoredArchive[] = [];
    let marker: string | undefined;
    try {
      do {
        const page = await this.call("listing", undefined, (s) =>
          container
            .listBlobsFlat({ abortSignal: s })
            .byPage({ continuationToken: marker, maxPageSize: 1_000 })
            .next(),
        );
        if (page.done) break;
        for (const item of page.value.segment.blobItems) {
          const name = archiveNameOf(item.name);
          if (name)
            out.push({
              name,
              size: item.properties.contentLength ?? 0,
              modifiedAt: item.properties.lastModified,
            });
        }
        marker = page.value.continuationToken || undefined;
      } while (marker);
    } catch (error) {
      if (error instanceof NotFound) return []; // no container yet: no archives
      throw error;
    }
    return out.sort(newestFirst);
  }

  async remove(region: string, name: string): Promise<void> {
    const blob = this.container(region).getBlockBlobClient(blobName(name));
    try {
      await this.call(`removing ${name}`, undefined, (s) =>
        blob.delete({ abortSignal: s, deleteSnapshots: "include" }),
      );
    } catch (error) {
      if (error instanceof NotFound) return;
      throw error;
    }
  }

  private container(region: string): ContainerClient {
    const container = `${this.prefix}${checkRegion(region)}`;
    return this.client.getContainerClient(checkContainerName(container, region));
  }

  private async ensureContainer(container: ContainerClient, what: string, signal?: AbortSignal) {
    if (this.ready.has(container.containerName)) return;
    // A SAS scoped to an existing container may not create one: look before creating.
    const exists = await this.call(what, signal, (s) => container.exists({ abortSignal: s }));
    if (!exists)
      await this.call(what, signal, (s) => container.createIfNotExists({ abortSignal: s }));
    this.ready.add(container.containerName);
  }

  /** Runs one request under the store's deadline (and the caller's signal), mapping failures. */
  private async call<T>(
    what: string,
    signal: AbortSignal | undefined,
    run: (signal: AbortSignal) => Promise<T>,
  ): Promise<T> {
    if (signal?.aborted) throw abortedError(signal, what);
    const deadline = AbortSignal.timeout(this.timeoutMs);
    try {
      return await run(signal ? AbortSignal.any([signal, deadline]) : deadline);
    } catch (error) {
      if (signal?.aborted) throw abortedError(signal, what);
      if (statusOf(error) === 404 && !deadline.aborted) throw new NotFound(error);
      throw azureFailure(error, this.where(what), {
        timedOut: deadline.aborted,
        timeoutMs: this.timeoutMs,
      });
    }
  }

  private where(what: string) {
    return { label: this.label, host: this.host, what };
  }

  private exists(name: string, region: string) {
    return new StoreError(
      "exists",
      `an archive named ${name} already exists in region ${region} of ${this.label}: choose another name`,
    );
  }
}

/** A 404 inside `call`, kept with its Azure code so callers can tell a container from a blob. */
class NotFound extends StoreError {
  constructor(readonly azure: unknown) {
    super("not-found", (azure as Error).message);
  }
}

const blobName = (name: string) => `${checkName(name)}${ARCHIVE_EXTENSION}`;
