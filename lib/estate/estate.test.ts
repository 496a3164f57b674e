import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import { describe, expect, it } from "vitest";
import { DEMO_ESTATE } from "./demo";
import { EstateConfigError, loadDemoEstate, loadEstateFile, parseEstate } from "./load";

const defaults = { intervalMs: 30_000, timeoutMs: 5_000 };
const clone = () => structuredClone(DEMO_ESTATE) as Record<string, any>;

function problems(input: unknown): string[] {
  try {
    parseEstate(input, "estate.yaml", defaults);
  } catch (error) {
    expect(error).toBeInstanceOf(EstateConfigError);
    return (error as EstateConfigError).problems;
  }
  throw new Error("expected the estate to be refused");
}

describe("demo estate", () => {
  const demo = loadDemoEstate(defaults);

  it("has at least 3 services over at least 4 regions with the editions the brief asks for", () => {
    expect(demo.demo).toBe(true);
    expect(demo.services.length).toBeGreaterThanOrEqual(3);
    expect(new Set(demo.services.map((s) => s.region)).size).toBeGreaterThanOrEqual(4);
    const premium = demo.services.find((s) => s.edition === "premium")!;
    expect(premium.units).toBe(2);
    expect(demo.components.find((c) => c.id === `${premium.id}.roles`)!.attributes.instances).toBe(
      4,
    );
    const developer = demo.services.find((s) => s.edition === "developer")!;
    expect(
      demo.components.find((c) => c.id === `${developer.id}.roles`)!.attributes.instances,
    ).toBe(1);
    expect(demo.services.some((s) => s.edition === "standard")).toBe(true);
  });

  it("gives every service role instances, a tracking database, storage with a replication kind, and access control", () => {
    const byId = new Map(demo.components.map((c) => [c.id, c]));
    for (const s of demo.services) {
      const kinds = s.components.map((c) => byId.get(c.id)!.kind);
      expect(kinds).toEqual(["role-instances", "tracking-database", "storage", "access-control"]);
      const storage = s.components.map((c) => byId.get(c.id)!).find((c) => c.kind === "storage")!;
      expect(storage.attributes.replication).toMatch(/RS$/);
    }
  });

  it("derives staleness limits: 3 intervals, never more than 10 minutes", () => {
    expect(demo.components.every((c) => c.staleAfterMs === 90_000)).toBe(true);
    const slow = loadDemoEstate({ intervalMs: 5 * 60_000, timeoutMs: 5_000 });
    expect(slow.components.every((c) => c.staleAfterMs === 10 * 60_000)).toBe(true);
  });

  it("hashes the same estate the same way", () => {
    expect(loadDemoEstate(defaults).hash).toBe(demo.hash);
    expect(loadDemoEstate({ ...defaults, intervalMs: 2_000 }).hash).not.toBe(demo.hash);
  });
});

describe("estate file validation", () => {
  it("names the path and the fix for a bad edition", () => {
    const doc = clone();
    doc.services[1].edition = "gold";
    const [p] = problems(doc);
    expect(p).toMatch(
      /^services\[1\]\.edition: .*developer.*basic.*standard.*premium.*\(got "gold"\)/,
    );
  });

  it("refuses unknown fields, naming them", () => {
    const doc = clone();
    doc.services[0].storage.replicaton = "GRS";
    expect(problems(doc)).toContainEqual(
      expect.stringMatching(/^services\[0\]\.storage: .*"replicaton".*spelling/),
    );
  });

  it("names the field inside a storage account or a `use` reference", () => {
    const doc = clone();
    doc.services[0].storage.replication = "XRS";
    expect(problems(doc)).toEqual([
      expect.stringMatching(/^services\[0\]\.storage\.replication: .*LRS.*RA-GZRS.*\(got "XRS"\)$/),
    ]);
    const other = clone();
    other.services[1].accessControl = { use: "fabrikam-shared-acs", extra: 1 };
    expect(problems(other)).toEqual([
      expect.stringMatching(/^services\[1\]\.accessControl: unknown field "extra"/),
    ]);
  });

  it("refuses a region that is not declared", () => {
    const doc = clone();
    doc.services[0].region = "moon-1";
    expect(problems(doc)).toContainEqual(
      expect.stringMatching(
        /^services\[0\]\.region: region "moon-1" is not declared under regions \(declared: westeurope/,
      ),
    );
  });

  it("applies the service name rule", () => {
    const doc = clone();
    doc.services[0].name = "abc";
    expect(problems(doc)).toContainEqual(
      expect.stringMatching(/^services\[0\]\.name: expected 6 to 20 characters/),
    );
  });

  it("keeps the developer edition to one unit and one instance", () => {
    const doc = clone();
    doc.services[3].units = 2;
    doc.services[3].roles.instances = 3;
    const found = problems(doc);
    expect(found).toContainEqual("services[3].units: the developer edition runs exactly 1 unit");
    expect(found).toContainEqual(
      "services[3].roles.instances: the developer edition runs exactly 1 role instance",
    );
  });

  it("refuses a `use` of a component that is not shared", () => {
    const doc = clone();
    doc.services[1].accessControl = { use: "nope" };
    expect(problems(doc)).toContainEqual(
      expect.stringMatching(
        /^services\[1\]\.accessControl\.use: "nope" is not a shared access-control/,
      ),
    );
  });

  it("refuses a tracking database `use`: it is never shared", () => {
    const doc = clone();
    doc.services[1].trackingDatabase = { use: "fabrikam-shared-acs" };
    expect(problems(doc)).toContainEqual(expect.stringMatching(/^services\[1\]\.trackingDatabase/));
  });

  it("refuses duplicate services and bad durations", () => {
    const doc = clone();
    doc.services[2].name = "Contoso-EDI";
    doc.defaults = { interval: "often" };
    const found = problems(doc);
    expect(found).toContainEqual(
      expect.stringMatching(/^defaults\.interval: expected a duration such as 500ms/),
    );
    doc.defaults = {};
    expect(problems(doc)).toContainEqual(
      'services[2].name: service "Contoso-EDI" is declared twice',
    );
  });

  it("refuses a staleness limit over 10 minutes and a timeout longer than the interval", () => {
    const doc = clone();
    doc.services[0].storage.staleAfter = "15m";
    doc.services[0].trackingDatabase.interval = "2s";
    doc.services[0].trackingDatabase.timeout = "5s";
    const found = problems(doc);
    expect(found).toContainEqual("services[0].storage.staleAfter: expected at most 10m");
    expect(found).toContainEqual(
      "services[0].trackingDatabase.timeout: the timeout must not exceed the interval (2000 ms)",
    );
  });

  it("refuses an http source without a usable URL", () => {
    const doc = clone();
    doc.services[0].roles.source = { type: "http", url: "ftp://example.com" };
    expect(problems(doc)).toContainEqual(
      expect.stringMatching(
        /^services\[0\]\.roles\.source\.url: expected an http:\/\/ or https:\/\/ URL/,
      ),
    );
  });

  it("reads a YAML file and names the file in errors", () => {
    const dir = fs.mkdtempSync(path.join(os.tmpdir(), "estate-"));
    const good = path.join(dir, "estate.yaml");
    fs.writeFileSync(
      good,
      `regions:
  - { id: westeurope, name: West Europe }
services:
  - name: acme-edi-prod
    edition: standard
    region: westeurope
    roles:
      instances:
        - { name: IN_0, source: { type: http, url: "https://acme.example/health" } }
        - { name: IN_1, source: { type: tcp, host: 10.0.0.5, port: 443 } }
    trackingDatabase: { name: acme-tracking, source: { type: postgres, urlEnv: ACME_TRACKING_URL }, continuity: geo-replication }
    storage: { name: acmestore, replication: GZRS, source: { type: http, url: "https://acmestore.blob.core.windows.net/" } }
    accessControl: { name: acme-acs, source: { type: tcp, host: acme.servicebus.windows.net, port: 443 } }
`,
    );
    const estate = loadEstateFile(good, defaults);
    expect(estate.demo).toBe(false);
    expect(estate.components.find((c) => c.id === "acme-edi-prod.roles")).toMatchObject({
      attributes: { instances: 2 },
      source: { type: "each-instance" },
    });
    const bad = path.join(dir, "bad.yaml");
    fs.writeFileSync(bad, "regions: [\n");
    expect(() => loadEstateFile(bad, defaults)).toThrow(
      new RegExp(`${bad.replace(/[.]/g, "\\.")} is not valid:\\n  - YAML syntax`),
    );
    expect(() => loadEstateFile(path.join(dir, "missing.yaml"), defaults)).toThrow(
      /cannot read it \(ENOENT\): check STANDFAST_ESTATE/,
    );
    fs.rmSync(dir, { recursive: true });
  });
});
