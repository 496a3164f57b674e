/**
 * The backup stores an estate file may declare: their schema and parsers, client-safe and free of
 * the store implementations, so the estate (and settings screens) can validate them.
 */
import { z } from "zod";
import path from "node:path";

/** Containers Standfast creates in an Azure storage account start with this. */
export const DEFAULT_CONTAINER_PREFIX = "standfast-";

const StoreId = z
  .string({ error: "expected a store id such as local or azure-weu" })
  .regex(/^[a-z0-9][a-z0-9-]{0,39}$/, {
    error: "expected lower-case letters, digits and hyphens (at most 40), such as azure-weu",
  });
const Label = z.string().trim().min(1, { error: "give a label, or leave the field out" }).max(100);

export const FilesystemStoreConfig = z.strictObject({
  id: StoreId,
  kind: z.literal("filesystem"),
  label: Label.optional(),
  root: z
    .string()
    .refine((p) => path.isAbsolute(p), {
      error: "expected an absolute path, such as /var/backups/standfast",
    })
    .optional()
    .describe("default: <data folder>/backups"),
});

const EnvName = z.string().regex(/^[A-Z_][A-Z0-9_]*$/, {
  error: "expected an environment variable name, such as STANDFAST_BACKUP_BLOB",
});

export const AzureBlobStoreConfig = z
  .strictObject({
    id: StoreId,
    kind: z.literal("azure-blob"),
    label: Label.optional(),
    connectionString: z
      .string()
      .regex(/(^|;)\s*(AccountName|BlobEndpoint)=/i, {
        error:
          "expected an Azure Storage connection string (AccountName=…;AccountKey=… or BlobEndpoint=…;SharedAccessSignature=…)",
      })
      .optional(),
    connectionStringEnv: EnvName.optional().describe("keeps the secret out of the file"),
    accountUrl: z
      .url({
        protocol: /^https?$/,
        error: "expected the account's blob URL, such as https://myaccount.blob.core.windows.net",
      })
      .optional(),
    containerPrefix: z
      .string()
      .regex(/^([a-z0-9](?!.*--)[a-z0-9-]{0,29})?$/, {
        error:
          "expected lower-case letters, digits and single hyphens (at most 30), starting with a letter or digit, such as standfast-",
      })
      .default(DEFAULT_CONTAINER_PREFIX),
  })
  .refine(
    (c) =>
      [c.connectionString, c.connectionStringEnv, c.accountUrl].filter((v) => v !== undefined)
        .length === 1,
    {
      error:
        "give exactly one of connectionString, connectionStringEnv (the environment variable holding it) or accountUrl (signed in with an Azure identity)",
      path: ["connectionString"],
    },
  );

export const StoreConfig = z.discriminatedUnion(
  "kind",
  [FilesystemStoreConfig, AzureBlobStoreConfig],
  {
    error: (issue) =>
      issue.code === "invalid_union" ? 'expected kind "filesystem" or "azure-blob"' : undefined,
  },
);
export type StoreConfig = z.output<typeof StoreConfig>;

export const StoreConfigList = z.array(StoreConfig).superRefine((list, ctx) => {
  const seen = new Set<string>();
  list.forEach((store, i) => {
    if (seen.has(store.id))
      ctx.addIssue({
        code: "custom",
        path: [i, "id"],
        message: `the id ${store.id} is used by another store: give each store its own id`,
      });
    seen.add(store.id);
  });
});

export class StoreConfigError extends Error {
  constructor(readonly problems: string[]) {
    super(`Invalid backup store configuration:\n${problems.map((p) => `  - ${p}`).join("\n")}`);
    this.name = "StoreConfigError";
  }
}

const where = (parts: readonly PropertyKey[]) =>
  parts.map((p) => (typeof p === "number" ? `[${p}]` : `.${String(p)}`)).join("");

function problems(error: z.ZodError, label: string): string[] {
  return error.issues.map((issue) => {
    const at = `${label}${where(issue.path)}`;
    if (issue.code === "unrecognized_keys")
      return `${at}: unknown field ${issue.keys.map((k) => `"${k}"`).join(", ")}: remove it or check its spelling`;
    return `${at}: ${issue.message}`;
  });
}

/** Validates the `stores` list; every problem names its field (`stores[1].accountUrl`) and the fix. */
export function parseStoreConfigs(input: unknown, label = "stores"): StoreConfig[] {
  const parsed = StoreConfigList.safeParse(input);
  if (!parsed.success) throw new StoreConfigError(problems(parsed.error, label));
  return parsed.data;
}

export function parseStoreConfig(input: unknown, label = "store"): StoreConfig {
  const parsed = StoreConfig.safeParse(input);
  if (!parsed.success) throw new StoreConfigError(problems(parsed.error, label));
  return parsed.data;
}
