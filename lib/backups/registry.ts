import type { BackupStore } from "./stores";

/** The backup stores this process writes to, built once at start-up from the estate's settings. */
export type Stores = {
  list(): BackupStore[];
  get(id: string): BackupStore | undefined;
};

export function storesOf(list: BackupStore[]): Stores {
  const byId = new Map(list.map((s) => [s.id, s]));
  return { list: () => [...byId.values()], get: (id) => byId.get(id) };
}

const KEY = Symbol.for("standfast.backupStores");
type Global = typeof globalThis & { [KEY]?: Stores };

export function installStores(stores: Stores): void {
  (globalThis as Global)[KEY] = stores;
}

export function getStores(): Stores {
  const stores = (globalThis as Global)[KEY];
  if (!stores)
    throw new Error("Backup stores are not configured: the server's start-up installs them.");
  return stores;
}
