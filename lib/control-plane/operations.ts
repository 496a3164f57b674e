/**
 * Management operations of the local fabric, as pure functions: validated input in, the new
 * configuration and a human summary of what changed out. The store side is in ./store.ts.
 */
import { randomBytes, randomUUID } from "node:crypto";
import { z } from "zod";
import type { Edition } from "../estate/types";
import type { ServiceConfiguration } from "./configuration";
import { validationError } from "../errors";

/** A refusal naming the field at fault: "units: the basic edition allows at most 2 units; …". */
function invalid(message: string) {
  const colon = message.indexOf(": ");
  const field =
    colon > 0 && !message.slice(0, colon).includes(" ") ? message.slice(0, colon) : "input";
  return validationError(message, {
    [field]: [field === "input" ? message : message.slice(colon + 2)],
  });
}

const slug = z
  .string()
  .trim()
  .min(1, "must not be empty")
  .max(100, "must be at most 100 characters");

export const OperationInput = z.discriminatedUnion(
  "kind",
  [
    z.strictObject({
      kind: z.literal("update-ssl-certificate"),
      subject: z
        .string()
        .trim()
        .regex(/^CN=[^,]{1,200}$/, "expected a subject such as CN=myservice.example.com")
        .optional(),
      validForDays: z.coerce
        .number()
        .int("must be a whole number of days")
        .min(30, "must be at least 30 days")
        .max(825, "must be at most 825 days (public certificates cannot be valid longer)"),
    }),
    z.strictObject({
      kind: z.literal("add-agreement"),
      name: slug,
      protocol: z.enum(["X12", "EDIFACT", "AS2"], "expected X12, EDIFACT or AS2"),
      guestPartner: slug.describe("id of an existing partner"),
    }),
    z.strictObject({
      kind: z.literal("change-agreement"),
      agreementId: slug,
      enabled: z.boolean().optional(),
      name: slug.optional(),
    }),
    z.strictObject({ kind: z.literal("remove-agreement"), agreementId: slug }),
    z.strictObject({
      kind: z.literal("change-bridge"),
      bridgeId: slug,
      address: z.url({ protocol: /^https$/, message: "expected an https:// address" }).optional(),
      pipeline: z
        .array(z.enum(["decode", "validate", "enrich", "transform", "encode"]))
        .min(1, "needs at least one stage")
        .optional(),
    }),
    z.strictObject({
      kind: z.literal("scale-units"),
      units: z.coerce.number().int("must be a whole number").min(1, "must be at least 1"),
    }),
  ],
  {
    error: () =>
      "expected kind to be one of update-ssl-certificate, add-agreement, change-agreement, remove-agreement, change-bridge, scale-units",
  },
);
export type OperationInput = z.output<typeof OperationInput>;

/** Units each edition allows. */
export const MAX_UNITS: Record<Edition, number> = {
  developer: 1,
  basic: 2,
  standard: 4,
  premium: 8,
};

export type Applied = {
  configuration: ServiceConfiguration;
  summary: string;
  detail: Record<string, unknown>;
};

const upperHex = (bytes: number) => randomBytes(bytes).toString("hex").toUpperCase();

/** Applies one operation to a configuration. Throws `invalid` (with the fix) when it cannot apply. */
export function applyOperation(
  current: ServiceConfiguration,
  input: OperationInput,
  now: Date,
): Applied {
  const c = structuredClone(current);
  switch (input.kind) {
    case "update-ssl-certificate": {
      const before = c.sslCertificate;
      const expiresAt = new Date(now.getTime() + input.validForDays * 86_400_000).toISOString();
      c.sslCertificate = {
        name: before.name,
        subject: input.subject ?? before.subject,
        thumbprint: upperHex(20),
        expiresAt,
        pfxBase64: randomBytes(2_400).toString("base64"),
        password: randomBytes(9).toString("base64url"),
      };
      return {
        configuration: c,
        summary: `SSL certificate ${c.sslCertificate.subject} replaced; expires ${expiresAt.slice(0, 10)}`,
        // What changed, by thumbprint: the key and password themselves stay in the configuration.
        detail: {
          before: { thumbprint: before.thumbprint, expiresAt: before.expiresAt },
          after: { thumbprint: c.sslCertificate.thumbprint, expiresAt },
          privateKeyReplaced: true,
          passwordChanged: true,
        },
      };
    }
    case "add-agreement": {
      const host = c.partners[0];
      const guest = c.partners.find((p) => p.id === input.guestPartner);
      if (!host || !guest)
        throw invalid(
          `guestPartner: no partner "${input.guestPartner}" in this service; use one of ${c.partners.map((p) => p.id).join(", ") || "(none: add a partner first)"}`,
        );
      if (c.agreements.some((a) => a.name === input.name))
        throw invalid(`name: an agreement named "${input.name}" exists already; choose another`);
      const agreement = {
        id: `a-${randomUUID().slice(0, 8)}`,
        name: input.name,
        protocol: input.protocol,
        hostPartner: host.id,
        guestPartner: guest.id,
        enabled: true,
        controlNumbers: { interchange: 1, group: 1, transaction: 1 },
        as2MicValues: [],
        transforms: [],
        source: null,
      };
      c.agreements.push(agreement);
      return {
        configuration: c,
        summary: `agreement "${input.name}" (${input.protocol}) added with ${guest.name}`,
        detail: { agreementId: agreement.id },
      };
    }
    case "change-agreement": {
      const a = c.agreements.find((x) => x.id === input.agreementId);
      if (!a) throw invalid(`agreementId: no agreement "${input.agreementId}" in this service`);
      if (input.enabled === undefined && input.name === undefined)
        throw invalid("nothing to change: give enabled and/or name");
      const changes: string[] = [];
      if (input.name !== undefined && input.name !== a.name) {
        changes.push(`renamed "${a.name}" → "${input.name}"`);
        a.name = input.name;
      }
      if (input.enabled !== undefined && input.enabled !== a.enabled) {
        changes.push(input.enabled ? "enabled" : "disabled");
        a.enabled = input.enabled;
      }
      if (changes.length === 0)
        throw invalid(`agreement "${a.name}" already has these values: nothing to change`);
      return {
        configuration: c,
        summary: `agreement "${a.name}" ${changes.join(", ")}`,
        detail: { agreementId: a.id, changes },
      };
    }
    case "remove-agreement": {
      const a = c.agreements.find((x) => x.id === input.agreementId);
      if (!a) throw invalid(`agreementId: no agreement "${input.agreementId}" in this service`);
      c.agreements = c.agreements.filter((x) => x.id !== a.id);
      return {
        configuration: c,
        summary: `agreement "${a.name}" removed`,
        detail: { agreementId: a.id, name: a.name },
      };
    }
    case "change-bridge": {
      const b = c.bridges.find((x) => x.id === input.bridgeId);
      if (!b) throw invalid(`bridgeId: no bridge "${input.bridgeId}" in this service`);
      if (input.address === undefined && input.pipeline === undefined)
        throw invalid("nothing to change: give address and/or pipeline");
      const before = { address: b.address, pipeline: b.pipeline };
      if (input.address !== undefined) b.address = input.address;
      if (input.pipeline !== undefined) b.pipeline = input.pipeline;
      return {
        configuration: c,
        summary: `bridge ${b.name} changed (${[input.address && "address", input.pipeline && "pipeline"].filter(Boolean).join(", ")})`,
        detail: { bridgeId: b.id, before, after: { address: b.address, pipeline: b.pipeline } },
      };
    }
    case "scale-units": {
      const edition = c.settings.edition;
      if (input.units > MAX_UNITS[edition])
        throw invalid(
          `units: the ${edition} edition allows at most ${MAX_UNITS[edition]} unit${MAX_UNITS[edition] === 1 ? "" : "s"}; choose fewer or change the edition`,
        );
      if (input.units === c.settings.units)
        throw invalid(`units: the service already runs ${input.units} unit(s)`);
      const before = c.settings.units;
      c.settings.units = input.units;
      return {
        configuration: c,
        summary: `scaled from ${before} to ${input.units} unit${input.units === 1 ? "" : "s"}`,
        detail: { before, after: input.units },
      };
    }
  }
}
