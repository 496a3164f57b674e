import { describe, expect, it } from "vitest";
import { preflight, regionHealth, type PreflightFacts } from "./preflight";

const facts = (
  over: Partial<{ [K in keyof PreflightFacts]: Partial<PreflightFacts[K]> }> = {},
): PreflightFacts => ({
  backup: {
    name: "contoso-edi-20261124-020000z",
    status: "succeeded",
    edition: "standard",
    serviceId: "contoso-edi",
    ...over.backup,
  },
  archive: { ok: true, message: "checksum matches", ...over.archive },
  store: { reachable: true, message: "local reachable", ...over.store },
  target: {
    name: "contoso-edi-dr",
    region: "northeurope",
    regionKnown: true,
    regionStatus: "operational",
    edition: "standard",
    existing: null,
    ...over.target,
  },
  inFlight: over.inFlight === undefined ? null : (over.inFlight as PreflightFacts["inFlight"]),
});
const failed = (f: PreflightFacts) =>
  preflight(f)
    .checks.filter((c) => !c.ok)
    .map((c) => c.id);

describe("restore pre-flight", () => {
  it("passes a restore under a new name into a healthy region", () => {
    const r = preflight(facts());
    expect(r.ok).toBe(true);
    expect(r.checks.map((c) => c.id)).toEqual([
      "archive",
      "store",
      "region",
      "target-state",
      "edition",
      "name",
      "in-flight",
    ]);
  });

  it("refuses a corrupted archive, or a backup that did not succeed", () => {
    expect(failed(facts({ archive: { ok: false, message: "corrupted" } }))).toEqual(["archive"]);
    expect(failed(facts({ backup: { status: "pruned" } }))).toEqual(["archive"]);
  });

  it("refuses an unreachable store", () => {
    expect(failed(facts({ store: { reachable: false, message: "ETIMEDOUT" } }))).toEqual(["store"]);
  });

  it("refuses a region in outage or unknown, and accepts a degraded one", () => {
    expect(failed(facts({ target: { regionStatus: "major_outage" } }))).toEqual(["region"]);
    expect(failed(facts({ target: { regionStatus: "unknown" } }))).toEqual(["region"]);
    expect(failed(facts({ target: { regionKnown: false } }))).toEqual(["region"]);
    expect(failed(facts({ target: { regionStatus: "degraded_performance" } }))).toEqual([]);
  });

  it("allows the same name only when the old service is deleted or restore_failed", () => {
    expect(failed(facts({ target: { existing: { state: "active", retired: false } } }))).toEqual([
      "target-state",
    ]);
    expect(failed(facts({ target: { existing: { state: "suspended", retired: false } } }))).toEqual(
      ["target-state"],
    );
    expect(
      failed(facts({ target: { existing: { state: "restore_failed", retired: false } } })),
    ).toEqual([]);
    expect(failed(facts({ target: { existing: { state: "active", retired: true } } }))).toEqual([]);
  });

  it("lets the edition stay or go up, never down; developer never", () => {
    expect(failed(facts({ target: { edition: "premium" } }))).toEqual([]);
    expect(failed(facts({ target: { edition: "basic" } }))).toEqual(["edition"]);
    const dev = preflight(
      facts({ backup: { edition: "developer" }, target: { edition: "premium" } }),
    );
    expect(dev.checks.find((c) => c.id === "edition")).toMatchObject({
      ok: false,
      detail: "the developer edition cannot be restored",
    });
  });

  it("needs a 6 to 20 character name", () => {
    expect(failed(facts({ target: { name: "short" } }))).toEqual(["name"]);
    expect(failed(facts({ target: { name: "a".repeat(21) } }))).toEqual(["name"]);
    expect(failed(facts({ target: { name: "has space" } }))).toEqual(["name"]);
    expect(failed(facts({ target: { name: "sixsix" } }))).toEqual([]);
  });

  it("refuses a second restore into a target with one in flight, naming who started it", () => {
    const r = preflight(facts({ inFlight: { id: "r1", requestedBy: "oscar" } }));
    expect(r.ok).toBe(false);
    expect(r.checks.find((c) => c.id === "in-flight")?.detail).toMatch(/restore r1 by oscar/);
  });
});

describe("regionHealth", () => {
  const c = (status: string, checkedAt: string | null = "2026-11-24T12:00:00Z") =>
    ({ status, checkedAt }) as Parameters<typeof regionHealth>[0][number];
  it("is the worst status of the components read, ignoring ones never read yet", () => {
    expect(regionHealth([c("operational"), c("unknown", null)])).toBe("operational");
    expect(regionHealth([c("operational"), c("partial_outage")])).toBe("partial_outage");
  });
  it("is unknown when what was read went stale, or nothing was read", () => {
    expect(regionHealth([c("operational"), c("unknown")])).toBe("unknown");
    expect(regionHealth([c("unknown", null)])).toBe("unknown");
    expect(regionHealth([])).toBe("unknown");
  });
});
