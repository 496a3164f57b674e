/** Backup stores: where archives are kept. Adapters are chosen in config.ts (createStore). */
export {
  StoreError,
  isStoreError,
  type BackupStore,
  type StoreErrorCode,
  type StoreKind,
  type StoredArchive,
  type WriteOptions,
} from "./types";
export { ARCHIVE_EXTENSION, checkName, checkRegion } from "./names";
export {
  AzureBlobStoreConfig,
  createStore,
  createStores,
  DEFAULT_STORE_ID,
  FilesystemStoreConfig,
  parseStoreConfig,
  parseStoreConfigs,
  StoreConfig,
  StoreConfigError,
  StoreConfigList,
  type StoreContext,
} from "./config";
export { FilesystemStore, type FilesystemStoreOptions } from "./filesystem";
export { AzureBlobStore, DEFAULT_CONTAINER_PREFIX, type AzureBlobStoreOptions } from "./azure-blob";
