import { describe, expect, it } from "vitest";
import { isDomainError } from "../errors";
import { ServiceConfiguration } from "./configuration";
import { demoConfiguration } from "./demo-config";
import { applyOperation, OperationInput } from "./operations";

const now = new Date("2026-11-24T12:00:00Z");
const base = demoConfiguration({
  id: "fabrikam-eai",
  edition: "basic",
  units: 1,
  region: "westus",
});
const apply = (raw: unknown) => applyOperation(base, OperationInput.parse(raw), now);
const refusal = (raw: unknown) => {
  try {
    apply(raw);
  } catch (error) {
    if (isDomainError(error)) return error.message;
    throw error;
  }
  throw new Error("expected a refusal");
};

describe("management operations", () => {
  it("replace the SSL certificate with a new thumbprint and expiry, leaving the input untouched", () => {
    const before = JSON.stringify(base);
    const r = apply({ kind: "update-ssl-certificate", validForDays: 397 });
    expect(r.configuration.sslCertificate.thumbprint).not.toBe(base.sslCertificate.thumbprint);
    expect(r.configuration.sslCertificate.expiresAt.slice(0, 10)).toBe("2027-12-26");
    expect(r.summary).toMatch(/SSL certificate .* replaced; expires 2027-12-26/);
    expect(JSON.stringify(base)).toBe(before);
    expect(ServiceConfiguration.safeParse(r.configuration).success).toBe(true);
  });

  it("add, change and remove agreements", () => {
    const added = apply({
      kind: "add-agreement",
      name: "New X12",
      protocol: "X12",
      guestPartner: "p2",
    });
    expect(added.configuration.agreements).toHaveLength(base.agreements.length + 1);
    const changed = apply({ kind: "change-agreement", agreementId: "a1-1", enabled: false });
    expect(changed.configuration.agreements.find((a) => a.id === "a1-1")?.enabled).toBe(false);
    expect(changed.summary).toMatch(/disabled/);
    const removed = apply({ kind: "remove-agreement", agreementId: "a1-1" });
    expect(removed.configuration.agreements.some((a) => a.id === "a1-1")).toBe(false);
  });

  it("change a bridge and scale within the edition", () => {
    const r = apply({ kind: "change-bridge", bridgeId: "b1", address: "https://x.example/b1" });
    expect(r.configuration.bridges.find((b) => b.id === "b1")?.address).toBe(
      "https://x.example/b1",
    );
    expect(apply({ kind: "scale-units", units: 2 }).configuration.settings.units).toBe(2);
  });

  it("refuse what cannot apply, naming the field and the fix", () => {
    expect(refusal({ kind: "scale-units", units: 3 })).toMatch(
      /^units: the basic edition allows at most 2 units/,
    );
    expect(refusal({ kind: "scale-units", units: 1 })).toMatch(/already runs 1 unit/);
    expect(refusal({ kind: "remove-agreement", agreementId: "nope" })).toMatch(
      /^agreementId: no agreement "nope"/,
    );
    expect(
      refusal({ kind: "add-agreement", name: "x", protocol: "AS2", guestPartner: "p99" }),
    ).toMatch(/^guestPartner: no partner "p99" in this service; use one of p1, p2, p3/);
    expect(refusal({ kind: "change-agreement", agreementId: "a1-1" })).toMatch(/nothing to change/);
    expect(refusal({ kind: "change-bridge", bridgeId: "b1" })).toMatch(/nothing to change/);
  });

  it("validate input shapes", () => {
    expect(OperationInput.safeParse({ kind: "delete-everything" }).success).toBe(false);
    expect(
      OperationInput.safeParse({ kind: "update-ssl-certificate", validForDays: 5000 }).success,
    ).toBe(false);
    expect(
      OperationInput.safeParse({ kind: "change-bridge", bridgeId: "b1", address: "http://x" })
        .success,
    ).toBe(false);
    expect(OperationInput.safeParse({ kind: "scale-units", units: 2, extra: 1 }).success).toBe(
      false,
    );
  });
});
