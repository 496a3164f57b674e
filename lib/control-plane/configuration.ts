import { z } from "zod";
import { EDITIONS } from "../estate/types";

/**
 * A service's configuration: what a backup holds (domain brief, section 4). Connection strings,
 * keys and certificate passwords are part of it, so a backup is as secret as the service itself.
 */
const id = z.string().min(1).max(100);
const iso = z.iso.datetime();

export const Certificate = z.strictObject({
  name: z.string().min(1),
  subject: z.string().min(1),
  thumbprint: z
    .string()
    .regex(/^[0-9A-F]{40}$/, "expected a 40-character upper-case hex SHA-1 thumbprint"),
  expiresAt: iso,
  pfxBase64: z.string(),
});

export const SslCertificate = Certificate.extend({ password: z.string() });

export const Profile = z.strictObject({
  id,
  name: z.string(),
  qualifier: z.string(),
  identifier: z.string(),
});
export const Partner = z.strictObject({ id, name: z.string().min(1), profiles: z.array(Profile) });

export const Agreement = z.strictObject({
  id,
  name: z.string().min(1),
  protocol: z.enum(["X12", "EDIFACT", "AS2"]),
  hostPartner: id,
  guestPartner: id,
  enabled: z.boolean(),
  /** Interchange control numbers: restored as of the backup, so later messages can get duplicates. */
  controlNumbers: z.strictObject({
    interchange: z.number().int().min(0),
    group: z.number().int().min(0),
    transaction: z.number().int().min(0),
  }),
  as2MicValues: z.array(z.string()).default([]),
  transforms: z.array(id),
  source: z.string().nullable(),
});

export const Bridge = z.strictObject({
  id,
  name: z.string().min(1),
  kind: z.enum(["xml-one-way", "xml-request-reply", "pass-through"]),
  address: z.string(),
  pipeline: z.array(z.string()),
  transforms: z.array(id),
});

export const Transform = z.strictObject({ id, name: z.string().min(1), xslt: z.string() });
export const Assembly = z.strictObject({
  name: z.string().min(1),
  version: z.string(),
  contentBase64: z.string(),
});

export const Settings = z.strictObject({
  edition: z.enum(EDITIONS),
  units: z.number().int().min(1).max(8),
  region: z.string().min(1),
  productVersion: z.string(),
  acsNamespace: z.string(),
  acsKey: z.string(),
  trackingDatabase: z.string(),
  monitoringStorage: z.string(),
  archivingStorage: z.string(),
});

export const ServiceConfiguration = z.strictObject({
  settings: Settings,
  sslCertificate: SslCertificate,
  partners: z.array(Partner),
  agreements: z.array(Agreement),
  bridges: z.array(Bridge),
  transforms: z.array(Transform),
  pipelines: z.array(z.strictObject({ id, name: z.string(), stages: z.array(z.string()) })),
  assemblies: z.array(Assembly),
  certificates: z.array(Certificate),
  portalTemplates: z.array(z.strictObject({ name: z.string(), body: z.string() })),
  x12Mappings: z.array(
    z.strictObject({ name: z.string(), segment: z.string(), target: z.string() }),
  ),
});
export type ServiceConfiguration = z.output<typeof ServiceConfiguration>;

/** Counts for a manifest's contents summary. */
export function summarise(c: ServiceConfiguration): Record<string, number> {
  return {
    partners: c.partners.length,
    agreements: c.agreements.length,
    bridges: c.bridges.length,
    transforms: c.transforms.length,
    pipelines: c.pipelines.length,
    assemblies: c.assemblies.length,
    certificates: c.certificates.length,
    portalTemplates: c.portalTemplates.length,
    x12Mappings: c.x12Mappings.length,
  };
}
