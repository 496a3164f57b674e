/** Client-safe: Azure resource ids, parsed once so batching and matching agree on them. */
import { z } from "zod";

const SEGMENT = String.raw`[^/\s'"\\]+`;
const RESOURCE_ID = new RegExp(
  `^/subscriptions/(${SEGMENT})/resourceGroups/(${SEGMENT})/providers/(${SEGMENT})/(${SEGMENT}/${SEGMENT}(?:/${SEGMENT}/${SEGMENT})*)$`,
  "i",
);

export type ParsedResourceId = {
  id: string;
  subscriptionId: string;
  resourceGroup: string;
  /** `Microsoft.Sql/servers/databases`: the provider and each type segment, as metric namespaces name it. */
  type: string;
  name: string;
};

export function parseResourceId(id: string): ParsedResourceId | null {
  const m = RESOURCE_ID.exec(id);
  if (!m) return null;
  const parts = m[4]!.split("/");
  const types = parts.filter((_, i) => i % 2 === 0);
  return {
    id,
    subscriptionId: m[1]!,
    resourceGroup: m[2]!,
    type: [m[3]!, ...types].join("/"),
    name: parts[parts.length - 1]!,
  };
}

export const AzureResourceId = z
  .string()
  .trim()
  .refine((id) => parseResourceId(id) !== null, {
    message:
      "expected an Azure resource id such as /subscriptions/<subscription>/resourceGroups/<group>/providers/Microsoft.Storage/storageAccounts/<name>",
  });

/** Resource ids are case-insensitive in Azure; answers often come back lower-cased. */
export const sameResource = (a: string, b: string) =>
  a.replace(/\/+$/, "").toLowerCase() === b.replace(/\/+$/, "").toLowerCase();

export const resourceKey = (id: string) => id.replace(/\/+$/, "").toLowerCase();
