import { z } from "zod";
import { EDITIONS } from "../estate/types";

export const ARCHIVE_FORMAT = 1;

/** What a backup never holds; written into every manifest and shown in the UI. */
export const NOT_INCLUDED = [
  "hybrid connections (recreate them by hand after a restore)",
  "messages waiting in batches (lost if a batch was active during the backup)",
  "the tracking database's data (use SQL Database point-in-time restore, geo-restore or geo-replication)",
  "storage account data (use Storage geo-replication)",
  "the access-control namespace itself (it is recreated, not restored)",
] as const;

export const Manifest = z.strictObject({
  format: z.literal(ARCHIVE_FORMAT),
  name: z.string().min(1).max(200),
  service: z.string().min(1),
  edition: z.enum(EDITIONS),
  units: z.number().int().min(1),
  region: z.string().min(1),
  productVersion: z.string(),
  createdAt: z.iso.datetime(),
  trigger: z.enum(["on-demand", "scheduled", "after-change"]),
  contents: z.record(z.string(), z.number().int().min(0)),
  notIncluded: z.array(z.string()),
  payload: z.strictObject({
    encoding: z.literal("json"),
    size: z.number().int().min(0),
    sha256: z.string().regex(/^[0-9a-f]{64}$/),
  }),
});
export type Manifest = z.output<typeof Manifest>;
