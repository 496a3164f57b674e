import { createHash } from "node:crypto";
import type { Edition } from "../estate/types";
import type { ServiceConfiguration } from "./configuration";

/** Deterministic bytes, so a demo configuration is the same on every machine and every start. */
function bytes(seed: string, size: number): Buffer {
  const out = Buffer.alloc(size);
  let block = createHash("sha256").update(seed).digest();
  for (let i = 0; i < size; i += block.length) {
    block.copy(out, i, 0, Math.min(block.length, size - i));
    block = createHash("sha256").update(block).digest();
  }
  return out;
}

const hex = (seed: string) => createHash("sha1").update(seed).digest("hex").toUpperCase();
const PARTNERS = [
  "Fabrikam",
  "Contoso",
  "Northwind Traders",
  "Tailspin Toys",
  "Litware",
  "Adventure Works",
  "Wide World Importers",
  "Proseware",
  "Woodgrove Bank",
  "Alpine Ski House",
];

/** How big each demo service's configuration is: the largest is several MB, as real ones with custom assemblies are. */
export type DemoSize = {
  partners: number;
  agreementsPerPartner: number;
  bridges: number;
  assemblyKb: number[];
};
export const SIZE_BY_EDITION: Record<Edition, DemoSize> = {
  premium: {
    partners: 10,
    agreementsPerPartner: 3,
    bridges: 12,
    assemblyKb: [1536, 1024, 768, 512],
  },
  standard: { partners: 6, agreementsPerPartner: 2, bridges: 6, assemblyKb: [256, 128] },
  basic: { partners: 3, agreementsPerPartner: 2, bridges: 3, assemblyKb: [64] },
  developer: { partners: 2, agreementsPerPartner: 1, bridges: 2, assemblyKb: [] },
};

/** No partners, bridges or assemblies: the settings and SSL certificate alone. */
export const NO_CONTENT: DemoSize = {
  partners: 0,
  agreementsPerPartner: 0,
  bridges: 0,
  assemblyKb: [],
};

export function demoConfiguration(
  service: { id: string; edition: Edition; units: number; region: string },
  now = new Date("2026-11-01T00:00:00Z"),
  size: DemoSize = SIZE_BY_EDITION[service.edition],
): ServiceConfiguration {
  const s = service.id;
  const year = (n: number) => new Date(now.getTime() + n * 365 * 86_400_000).toISOString();
  const partners = PARTNERS.slice(0, size.partners).map((name, i) => ({
    id: `p${i + 1}`,
    name,
    profiles: [
      {
        id: `p${i + 1}-x12`,
        name: `${name} X12`,
        qualifier: "ZZ",
        identifier: `${name.replace(/\W/g, "").toUpperCase().slice(0, 10)}${i}`,
      },
    ],
  }));
  const transforms = Array.from({ length: size.bridges }, (_, i) => ({
    id: `t${i + 1}`,
    name: `PO_850_to_Canonical_${i + 1}`,
    xslt: `<xsl:stylesheet version="1.0" xmlns:xsl="http://www.w3.org/1999/XSL/Transform"><!-- ${s} map ${i + 1} --><xsl:template match="/">${'<xsl:value-of select="//PO1"/>'.repeat(40)}</xsl:template></xsl:stylesheet>`,
  }));
  return {
    settings: {
      edition: service.edition,
      units: service.units,
      region: service.region,
      productVersion: "2.4.1",
      acsNamespace: `${s}-acs`,
      acsKey: bytes(`${s}:acs`, 32).toString("base64"),
      trackingDatabase: `Server=tcp:${s}-tracking.database.windows.net,1433;Database=${s}-tracking;User ID=bts;Password=${bytes(`${s}:sql`, 12).toString("base64url")}`,
      monitoringStorage: `DefaultEndpointsProtocol=https;AccountName=${s.replace(/-/g, "")}store;AccountKey=${bytes(`${s}:st`, 64).toString("base64")}`,
      archivingStorage: `DefaultEndpointsProtocol=https;AccountName=${s.replace(/-/g, "")}store;AccountKey=${bytes(`${s}:st`, 64).toString("base64")}`,
    },
    sslCertificate: {
      name: "ssl",
      subject: `CN=${s}.biztalk.windows.net`,
      thumbprint: hex(`${s}:ssl`),
      expiresAt: year(1),
      pfxBase64: bytes(`${s}:pfx`, 2_400).toString("base64"),
      password: bytes(`${s}:pfxpw`, 9).toString("base64url"),
    },
    partners,
    agreements: partners.slice(1).flatMap((p, i) =>
      Array.from({ length: size.agreementsPerPartner }, (_, k) => ({
        id: `a${i + 1}-${k + 1}`,
        name: `${partners[0]!.name} ↔ ${p.name} ${k === 0 ? "X12 850/855" : k === 1 ? "EDIFACT ORDERS" : "AS2"}`,
        protocol: (["X12", "EDIFACT", "AS2"] as const)[k % 3]!,
        hostPartner: partners[0]!.id,
        guestPartner: p.id,
        enabled: true,
        controlNumbers: {
          interchange: 1000 + i * 37 + k,
          group: 500 + i * 11 + k,
          transaction: 9000 + i * 91 + k,
        },
        as2MicValues: k % 3 === 2 ? [bytes(`${s}:mic:${i}`, 20).toString("base64")] : [],
        transforms: [transforms[(i + k) % transforms.length]!.id],
        source: `https://${s}.biztalk.windows.net/default/${p.id}`,
      })),
    ),
    bridges: transforms.map((t, i) => ({
      id: `b${i + 1}`,
      name: `${i % 2 ? "Inbound" : "Outbound"}Bridge${i + 1}`,
      kind: (["xml-one-way", "xml-request-reply", "pass-through"] as const)[i % 3]!,
      address: `https://${s}.biztalk.windows.net/default/bridge${i + 1}`,
      pipeline: ["decode", "validate", "enrich", "transform", "encode"],
      transforms: [t.id],
    })),
    transforms,
    pipelines: [
      { id: "default", name: "Default XML pipeline", stages: ["validate", "enrich", "transform"] },
    ],
    assemblies: size.assemblyKb.map((kb, i) => ({
      name: `${s}.Extensions${i + 1}.dll`,
      version: `1.${i}.0.0`,
      contentBase64: bytes(`${s}:asm:${i}`, kb * 1024).toString("base64"),
    })),
    certificates: partners.map((p) => ({
      name: `${p.name} signing`,
      subject: `CN=${p.name}`,
      thumbprint: hex(`${s}:${p.id}`),
      expiresAt: year(p.id === "p3" ? 0.05 : 2),
      pfxBase64: bytes(`${s}:${p.id}:pfx`, 1_800).toString("base64"),
    })),
    portalTemplates: [{ name: "Agreement onboarding", body: `Welcome to ${s}. `.repeat(50) }],
    x12Mappings: [{ name: "850 header", segment: "BEG", target: "Order/Header" }],
  };
}
