import os from "node:os";
import path from "node:path";
import { describe, expect, it } from "vitest";
import { AzureBlobStore } from "./azure-blob";
import { createStore, createStores, parseStoreConfigs, StoreConfigError } from "./config";
import { FilesystemStore } from "./filesystem";
import { StoreError } from "./types";

const DEV_CONNECTION =
  "DefaultEndpointsProtocol=http;AccountName=devstoreaccount1;AccountKey=Eby8vdM02xNOcqFlqUwJPLlmEtlCDXJ1OUzFT50uSRZ6IFsuFq2UVErCz4I6tq/K1SZFPTOtr/KBHBeksoGMGw==;BlobEndpoint=http://127.0.0.1:10000/devstoreaccount1;";

function problems(input: unknown): string[] {
  try {
    parseStoreConfigs(input);
  } catch (error) {
    expect(error).toBeInstanceOf(StoreConfigError);
    return (error as StoreConfigError).problems;
  }
  throw new Error("expected the configuration to be refused");
}

describe("backup store configuration", () => {
  it("accepts both kinds and fills in the container prefix", () => {
    expect(
      parseStoreConfigs([
        { id: "local", kind: "filesystem" },
        { id: "nas", kind: "filesystem", root: "/mnt/nas/standfast", label: "NAS" },
        { id: "azure-weu", kind: "azure-blob", connectionStringEnv: "STANDFAST_BLOB" },
        { id: "azure-neu", kind: "azure-blob", accountUrl: "https://acct.blob.core.windows.net" },
      ]),
    ).toEqual([
      { id: "local", kind: "filesystem" },
      { id: "nas", kind: "filesystem", root: "/mnt/nas/standfast", label: "NAS" },
      {
        id: "azure-weu",
        kind: "azure-blob",
        connectionStringEnv: "STANDFAST_BLOB",
        containerPrefix: "standfast-",
      },
      {
        id: "azure-neu",
        kind: "azure-blob",
        accountUrl: "https://acct.blob.core.windows.net",
        containerPrefix: "standfast-",
      },
    ]);
  });

  it("names the field and the fix for each mistake", () => {
    expect(problems([{ id: "x", kind: "s3" }])).toEqual([
      'stores[0].kind: expected kind "filesystem" or "azure-blob"',
    ]);
    expect(problems([{ id: "local", kind: "filesystem", root: "backups" }])).toEqual([
      "stores[0].root: expected an absolute path, such as /var/backups/standfast",
    ]);
    expect(problems([{ id: "Local Disk", kind: "filesystem" }])).toEqual([
      "stores[0].id: expected lower-case letters, digits and hyphens (at most 40), such as azure-weu",
    ]);
    expect(problems([{ id: "local", kind: "filesystem", rooot: "/x" }])).toEqual([
      'stores[0]: unknown field "rooot": remove it or check its spelling',
    ]);
    const exactlyOne =
      "stores[0].connectionString: give exactly one of connectionString, connectionStringEnv (the environment variable holding it) or accountUrl (signed in with an Azure identity)";
    expect(problems([{ id: "blob", kind: "azure-blob" }])).toEqual([exactlyOne]);
    expect(
      problems([
        {
          id: "blob",
          kind: "azure-blob",
          connectionString: DEV_CONNECTION,
          accountUrl: "https://acct.blob.core.windows.net",
        },
      ]),
    ).toEqual([exactlyOne]);
    expect(problems([{ id: "blob", kind: "azure-blob", accountUrl: "ftp://acct" }])).toEqual([
      "stores[0].accountUrl: expected the account's blob URL, such as https://myaccount.blob.core.windows.net",
    ]);
    expect(
      problems([{ id: "blob", kind: "azure-blob", connectionString: "password=hunter2" }]),
    ).toEqual([
      "stores[0].connectionString: expected an Azure Storage connection string (AccountName=…;AccountKey=… or BlobEndpoint=…;SharedAccessSignature=…)",
    ]);
    expect(
      problems([
        { id: "blob", kind: "azure-blob", connectionStringEnv: "X", containerPrefix: "Backups_" },
      ]),
    ).toEqual([
      "stores[0].containerPrefix: expected lower-case letters, digits and single hyphens (at most 30), starting with a letter or digit, such as standfast-",
    ]);
    expect(
      problems([
        { id: "local", kind: "filesystem" },
        { id: "local", kind: "filesystem", root: "/srv" },
      ]),
    ).toEqual(["stores[1].id: the id local is used by another store: give each store its own id"]);
  });

  it("makes the default store, local, in <data folder>/backups", () => {
    const dataDir = path.join(os.tmpdir(), "standfast-data");
    const [store, ...rest] = createStores(undefined, { dataDir });
    expect(rest).toEqual([]);
    expect(store).toBeInstanceOf(FilesystemStore);
    expect(store!.id).toBe("local");
    expect(store!.locate("westeurope", "a")).toBe(
      path.join(dataDir, "backups", "westeurope", "a.sfbackup"),
    );
    expect(createStore(undefined, { dataDir }).locate("x", "a")).toBe(
      path.join(dataDir, "backups", "x", "a.sfbackup"),
    );
  });

  it("makes an azure-blob store from a connection string held in the environment", () => {
    const store = createStore(
      { id: "azure-weu", kind: "azure-blob", connectionStringEnv: "BLOB", containerPrefix: "sf-" },
      { dataDir: os.tmpdir(), env: { BLOB: DEV_CONNECTION } },
    );
    expect(store).toBeInstanceOf(AzureBlobStore);
    expect(store.locate("westeurope", "a")).toBe(
      "http://127.0.0.1:10000/devstoreaccount1/sf-westeurope/a.sfbackup",
    );
  });

  it("says what is missing when a store cannot be built", () => {
    const ctx = { dataDir: os.tmpdir(), env: {} };
    expect(() =>
      createStore({ id: "azure-weu", kind: "azure-blob", connectionStringEnv: "BLOB" }, ctx),
    ).toThrow(
      new StoreError(
        "invalid",
        "backup store azure-weu: the environment variable BLOB (its connectionStringEnv) is not set: set it to the storage account's connection string",
      ),
    );
    expect(() =>
      createStore(
        { id: "azure-neu", kind: "azure-blob", accountUrl: "https://acct.blob.core.windows.net" },
        ctx,
      ),
    ).toThrow(/accountUrl needs an Azure identity, and none is available here/);
    expect(() => createStore({ id: "x", kind: "tape" } as never, ctx)).toThrow(
      /store\.kind: expected kind "filesystem" or "azure-blob"/,
    );
  });
});
