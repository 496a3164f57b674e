import { describe, expect, it } from "vitest";
import { ServiceConfiguration, summarise } from "./configuration";
import { demoConfiguration } from "./demo-config";

const svc = (edition: "premium" | "standard" | "basic" | "developer") => ({
  id: `acme-${edition}`,
  edition,
  units: 1,
  region: "westeurope",
});

describe("demo configurations", () => {
  it("are valid configurations, and the same on every call", () => {
    for (const e of ["premium", "standard", "basic", "developer"] as const) {
      const c = demoConfiguration(svc(e));
      expect(ServiceConfiguration.safeParse(c).success).toBe(true);
      expect(JSON.stringify(demoConfiguration(svc(e)))).toBe(JSON.stringify(c));
    }
  });

  it("differ in size, the largest being several MB", () => {
    const size = (e: "premium" | "developer") => JSON.stringify(demoConfiguration(svc(e))).length;
    expect(size("premium")).toBeGreaterThan(4_000_000);
    expect(size("developer")).toBeLessThan(200_000);
  });

  it("summarise what they hold", () => {
    expect(summarise(demoConfiguration(svc("standard")))).toMatchObject({
      partners: 6,
      agreements: 10,
      bridges: 6,
      assemblies: 2,
    });
  });
});
