import {
  AccountSASPermissions,
  AccountSASResourceTypes,
  AccountSASServices,
  BlobServiceClient,
  generateAccountSASQueryParameters,
  StorageSharedKeyCredential,
} from "@azure/storage-blob";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { AZURITE_ACCOUNT, AZURITE_KEY, startAzurite, type Azurite } from "../../../testing/azurite";
import { closedPort, startUnansweredTcpPort } from "../../../testing/servers";
import { AzureBlobStore } from "./azure-blob";
import { sampleArchive, storeContract } from "../../../testing/backup-store-contract";
import { StoreError, type BackupStore } from "./types";

let azurite: Azurite;
beforeAll(async () => {
  azurite = await startAzurite();
});
afterAll(async () => {
  await azurite?.stop();
});

let count = 0;
const prefixes = new Map<BackupStore, string>();
const service = () => BlobServiceClient.fromConnectionString(azurite.connectionString);
const freshStore = (options: Partial<ConstructorParameters<typeof AzureBlobStore>[0]> = {}) => {
  const containerPrefix = `t${++count}-`;
  const store = new AzureBlobStore({
    id: "blob",
    connectionString: azurite.connectionString,
    containerPrefix,
    blockSize: 64 * 1024,
    concurrency: 2,
    ...options,
  });
  prefixes.set(store, containerPrefix);
  return store;
};
const containerOf = (store: BackupStore, region: string) =>
  service().getContainerClient(`${prefixes.get(store)}${region}`);

storeContract("azure-blob", {
  fresh: async () => freshStore(),
  unreachable: async () =>
    new AzureBlobStore({
      id: "blob",
      connectionString: azurite.connectionString.replace(
        /BlobEndpoint=http:\/\/127\.0\.0\.1:\d+/,
        `BlobEndpoint=http://127.0.0.1:${await closedPort()}`,
      ),
    }),
  visible: async (store, region) => {
    const container = containerOf(store, region);
    if (!(await container.exists())) return [];
    const names: string[] = [];
    for await (const item of container.listBlobsFlat()) names.push(item.name);
    return names;
  },
  plant: async (store, region, name, bytes) => {
    const container = containerOf(store, region);
    await container.createIfNotExists();
    await container.getBlockBlobClient(`${name}.sfbackup`).uploadData(bytes);
  },
});

const refusal = (promise: Promise<unknown>) =>
  promise.then(
    () => {
      throw new Error("expected a refusal");
    },
    (error: StoreError) => error,
  );

describe("azure-blob store", () => {
  it("keeps one container per region, <prefix><region>, created on first use", async () => {
    const store = freshStore({ containerPrefix: "backups-" });
    const { bytes } = sampleArchive("contoso-edi-1", 5);
    expect(await service().getContainerClient("backups-northeurope").exists()).toBe(false);
    const { location } = await store.write("northeurope", "contoso-edi-1", bytes);
    expect(location).toBe(`${azurite.accountUrl}/backups-northeurope/contoso-edi-1.sfbackup`);
    expect(await service().getContainerClient("backups-northeurope").exists()).toBe(true);
    expect(store.label).toBe(`Azure Blob ${AZURITE_ACCOUNT}`);
  });

  it("never overwrites an archive that appears while its blocks are being staged", async () => {
    const store = freshStore();
    const theirs = sampleArchive("late", 20).bytes;
    const ours = sampleArchive("late", 400).bytes;
    let planted: Promise<unknown> | undefined;
    const outcome = await store
      .write("westeurope", "late", ours, {
        onProgress: () => {
          planted ??= containerOf(store, "westeurope")
            .getBlockBlobClient("late.sfbackup")
            .uploadData(theirs);
        },
      })
      .then(
        () => "written",
        (error: StoreError) => error.code,
      );
    await planted;
    expect(outcome).toBe("exists");
    expect((await store.read("westeurope", "late")).equals(theirs)).toBe(true);
  });

  it("refuses a region whose container name Azure would refuse", async () => {
    const store = freshStore();
    for (const region of ["west--europe", "x".repeat(70)]) {
      const error = await refusal(store.write(region, "a", Buffer.from("a")));
      expect(error.code).toBe("invalid");
      expect(error.message).toMatch(/which Azure refuses: container names are 3 to 63/);
    }
  });

  it("works with a SAS connection string and never shows the SAS in a location", async () => {
    const sas = generateAccountSASQueryParameters(
      {
        expiresOn: new Date(Date.now() + 3_600_000),
        permissions: AccountSASPermissions.parse("rwdlac"),
        resourceTypes: AccountSASResourceTypes.parse("sco").toString(),
        services: AccountSASServices.parse("b").toString(),
      },
      new StorageSharedKeyCredential(AZURITE_ACCOUNT, AZURITE_KEY),
    ).toString();
    const store = freshStore({
      connectionString: `BlobEndpoint=${azurite.accountUrl};SharedAccessSignature=${sas}`,
    });
    const { bytes } = sampleArchive("sas", 5);
    const { location } = await store.write("westeurope", "sas", bytes);
    expect((await store.read("westeurope", "sas")).equals(bytes)).toBe(true);
    expect(location).not.toMatch(/sig=|\?/);
  });

  it("says unreachable, naming the host and the reason, when nothing listens", async () => {
    const port = await closedPort();
    const store = new AzureBlobStore({
      id: "blob",
      connectionString: azurite.connectionString.replace(/127\.0\.0\.1:\d+/, `127.0.0.1:${port}`),
    });
    const error = await refusal(store.probe("westeurope"));
    expect(error.code).toBe("unreachable");
    expect(error.message).toBe(
      `Azure Blob ${AZURITE_ACCOUNT}: probing: cannot reach 127.0.0.1:${port}: connection refused: ` +
        `is the account URL right, and is the service running? (ECONNREFUSED)`,
    );
  });

  it("gives up with unreachable, instead of hanging, when the host never answers", async () => {
    const silent = await startUnansweredTcpPort();
    try {
      const store = new AzureBlobStore({
        id: "blob",
        connectionString: azurite.connectionString.replace(
          /127\.0\.0\.1:\d+/,
          `127.0.0.1:${silent.port}`,
        ),
        timeoutMs: 1_000,
      });
      for (const attempt of [
        () => store.probe("westeurope"),
        () => store.list("westeurope"),
        () => store.read("westeurope", "a"),
        () => store.write("westeurope", "a", Buffer.from("a")),
        () => store.remove("westeurope", "a"),
      ]) {
        const error = await refusal(attempt());
        expect(error.code).toBe("unreachable");
        expect(error.message).toMatch(/no answer from 127\.0\.0\.1:\d+ within 1000 ms/);
      }
    } finally {
      silent.close();
    }
  });

  it("refuses wrong credentials as unreachable, saying access was denied", async () => {
    const store = freshStore({
      connectionString: azurite.connectionString.replace(
        AZURITE_KEY,
        Buffer.alloc(64, 1).toString("base64"),
      ),
    });
    const error = await refusal(store.probe("westeurope"));
    expect(error.code).toBe("unreachable");
    expect(error.message).toMatch(/access denied by 127\.0\.0\.1:\d+ \(HTTP 403/);
  });

  it("refuses a malformed connection string or an account URL without a credential", () => {
    expect(() => new AzureBlobStore({ id: "blob", connectionString: "nonsense" })).toThrow(
      StoreError,
    );
    expect(
      () => new AzureBlobStore({ id: "blob", accountUrl: "https://a.blob.core.windows.net" }),
    ).toThrow(/an account URL needs a credential \(an Azure identity\) or a SAS token/);
  });
});
