/**
 * A backup store as people see it: its label and region, never a server folder or a blob URL.
 * Messages a store wrote (errors, the operation log) name the folder or URL they were about; the
 * reads of backups pass them through here, so viewers see the store's name instead.
 */
import { redactText } from "../secrets";
import type { Stores } from "./registry";
import type { BackupStore } from "./stores";

const rootOf = (store: BackupStore): string | null =>
  "root" in store && typeof store.root === "string" ? store.root : null;

/** The store's label, unless it is the default one that names the server folder. */
export function storeLabelFor(store: BackupStore): string {
  const root = rootOf(store);
  return root && store.label.includes(root) ? `Local folder (${store.id})` : store.label;
}

/**
 * A store's message without its server paths or archive URLs (each becomes the store's name),
 * and without secrets.
 */
export function withoutStorePaths(
  text: string,
  stores: Stores,
  archive?: { location: string | null; shownAs: string },
): string {
  let out = text;
  if (archive?.location) out = out.split(archive.location).join(archive.shownAs);
  for (const store of stores.list()) {
    const root = rootOf(store);
    const name = storeLabelFor(store);
    if (store.label !== name) out = out.split(store.label).join(name);
    // `folder <root>` was the default label in messages written before labels named the store.
    if (root) out = out.split(`folder ${root}`).join(name).split(root).join(name);
  }
  return redactText(out);
}
