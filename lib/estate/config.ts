import { z } from "zod";
import { AzureConnection } from "./azure-connection-types";
import { DurationText, SourceSpec } from "./source-spec-types";
import { CONTINUITY, EDITIONS, REPLICATIONS, SERVICE_STATES } from "./types";
import { StoreConfig } from "./store-config-types";

const id = z
  .string()
  .regex(
    /^[a-z0-9][a-z0-9-]*$/,
    "expected lower-case letters, digits and hyphens, such as westeurope",
  );

/** Service names follow the platform rule: 6 to 20 characters, letters, digits and hyphens. */
export const ServiceName = z
  .string()
  .regex(/^[A-Za-z0-9-]{6,20}$/, "expected 6 to 20 characters: letters, digits and hyphens");

const timing = {
  interval: DurationText.optional(),
  timeout: DurationText.optional(),
  staleAfter: DurationText.optional(),
};

const Instance = z.strictObject({ name: z.string().min(1), source: SourceSpec });

const Roles = z.strictObject({
  name: z.string().min(1).optional(),
  region: id.optional(),
  instances: z
    .union([z.number().int().min(1).max(64), z.array(Instance).min(1).max(64)])
    .optional(),
  source: SourceSpec.optional(),
  ...timing,
});

const Dependency = {
  id: id.optional(),
  name: z.string().min(1),
  region: id.optional(),
  source: SourceSpec,
  ...timing,
};

const TrackingDatabase = z.strictObject({
  ...Dependency,
  continuity: z.enum(CONTINUITY).default("none"),
});
const Storage = z.strictObject({
  ...Dependency,
  replication: z.enum(REPLICATIONS),
  secondaryRegion: id.optional(),
});
const AccessControl = z.strictObject(Dependency);
const Use = z.strictObject({ use: id });

const Service = z.strictObject({
  name: ServiceName,
  edition: z.enum(EDITIONS),
  units: z.number().int().min(1).max(8).default(1),
  region: id,
  state: z.enum(SERVICE_STATES).default("active"),
  roles: Roles.default({}),
  trackingDatabase: TrackingDatabase,
  storage: z.union([Storage, Use]),
  accessControl: z.union([AccessControl, Use]),
});

const SharedComponent = z.discriminatedUnion("kind", [
  z.strictObject({ kind: z.literal("storage"), ...Storage.shape, id }),
  z.strictObject({ kind: z.literal("access-control"), ...AccessControl.shape, id }),
]);

export const EstateFile = z.strictObject({
  regions: z.array(z.strictObject({ id, name: z.string().min(1) })).min(1),
  defaults: z.strictObject(timing).default({}),
  azure: AzureConnection.optional().describe("how Azure sources reach Azure"),
  shared: z.array(SharedComponent).default([]),
  services: z.array(Service).min(1),
  /** Where backups are written; without it, one filesystem store under the data folder. */
  backups: z
    .strictObject({
      stores: z.array(StoreConfig).min(1, "list at least one store, or leave out backups"),
    })
    .optional(),
});

export type EstateFile = z.output<typeof EstateFile>;
export type EstateFileInput = z.input<typeof EstateFile>;
