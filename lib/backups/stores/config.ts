import "server-only";
import path from "node:path";
import type { TokenCredential } from "@azure/core-auth";
import { AzureBlobStore } from "./azure-blob";
import { FilesystemStore } from "./filesystem";
import { StoreError, type BackupStore } from "./types";

import type { z } from "zod";
import { parseStoreConfig, parseStoreConfigs, StoreConfig } from "../../estate/store-config-types";

export * from "../../estate/store-config-types";

export type StoreContext = {
  /** The data folder; the default store keeps archives in `<dataDir>/backups`. */
  dataDir: string;
  /** For azure-blob stores configured with accountUrl (from @azure/identity). */
  credential?: TokenCredential;
  env?: Record<string, string | undefined>;
};

export const DEFAULT_STORE_ID = "local";

/**
 * The store a configuration describes (validated here too, so a direct caller gets the same
 * messages); with no configuration, the default store: `local`, a folder in the data folder.
 */
export function createStore(
  input: z.input<typeof StoreConfig> | undefined,
  ctx: StoreContext,
): BackupStore {
  const config = parseStoreConfig(input ?? { id: DEFAULT_STORE_ID, kind: "filesystem" });
  if (config.kind === "filesystem") {
    const root = config.root ?? path.join(path.resolve(ctx.dataDir), "backups");
    return new FilesystemStore({
      id: config.id,
      root,
      label: config.label,
      createRoot: config.root === undefined,
    });
  }
  let connectionString = config.connectionString;
  if (config.connectionStringEnv) {
    connectionString = (ctx.env ?? process.env)[config.connectionStringEnv]?.trim() || undefined;
    if (!connectionString)
      throw new StoreError(
        "invalid",
        `backup store ${config.id}: the environment variable ${config.connectionStringEnv} (its connectionStringEnv) is not set: set it to the storage account's connection string`,
      );
  }
  if (config.accountUrl && !ctx.credential && !new URL(config.accountUrl).searchParams.has("sig"))
    throw new StoreError(
      "invalid",
      `backup store ${config.id}: accountUrl needs an Azure identity, and none is available here: use connectionString, or add a SAS token to the URL`,
    );
  return new AzureBlobStore({
    id: config.id,
    label: config.label,
    connectionString,
    accountUrl: config.accountUrl,
    credential: ctx.credential,
    containerPrefix: config.containerPrefix,
  });
}

/** The configured stores, or the default one when none are. */
export function createStores(
  configs: z.input<typeof StoreConfig>[] | undefined,
  ctx: StoreContext,
): BackupStore[] {
  if (!configs?.length) return [createStore(undefined, ctx)];
  return parseStoreConfigs(configs).map((config) => createStore(config, ctx));
}
