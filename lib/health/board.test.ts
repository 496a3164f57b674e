import { describe, expect, it } from "vitest";
import { loadDemoEstate } from "../estate/load";
import type { Estate } from "../estate/types";
import { buildBoardView, type StoredStatus } from "./board";

const now = new Date("2026-11-24T12:00:00Z");
const loaded = loadDemoEstate({ intervalMs: 30_000, timeoutMs: 5_000 });
const estate: Estate = { ...loaded, version: 1 };
const fresh = (
  status: StoredStatus["status"],
  extra: Partial<StoredStatus> = {},
): StoredStatus => ({
  status,
  reason: null,
  since: new Date(now.getTime() - 600_000),
  checkedAt: new Date(now.getTime() - 10_000),
  attemptError: null,
  latencyMs: 20,
  detail: null,
  ...extra,
});
const allOperational = () => new Map(estate.components.map((c) => [c.id, fresh("operational")]));
const running = { running: true, lastBeatAt: now, beatEveryMs: 5_000 };

describe("board view", () => {
  it("is all green only when every component has fresh operational data and the poller runs", () => {
    const view = buildBoardView(estate, allOperational(), running, now, 5_000);
    expect(view.overall.indicator).toBe("none");
    // The suspended service's role instances are counted apart, not as operational.
    expect(view.counts.operational).toBe(estate.components.length - 1);
    expect(view.notServing).toBe(1);
    const watched = view.regions.filter((r) => r.id !== "northeurope");
    expect(watched.every((r) => r.status === "operational")).toBe(true);
    expect(view.demo).toBe(true);
  });

  it("a region with nothing monitored is unknown, never green", () => {
    const view = buildBoardView(estate, allOperational(), running, now, 5_000);
    expect(Object.values(view.components).some((c) => c.region === "northeurope")).toBe(false);
    expect(view.regions.find((r) => r.id === "northeurope")!.status).toBe("unknown");
  });

  it("a suspended service's role instances carry its state, and make no health claim", () => {
    const statuses = allOperational();
    statuses.set("fabrikam-eai.roles", fresh("major_outage"));
    const view = buildBoardView(estate, statuses, running, now, 5_000);
    expect(view.services.find((s) => s.id === "fabrikam-eai")).toMatchObject({
      state: "suspended",
      status: "operational",
      reason: null,
    });
    expect(view.components["fabrikam-eai.roles"]!.serviceState).toBe("suspended");
    expect(view.components["fabrikam-b2b.roles"]!.serviceState).toBeNull();
    // Stopped on purpose is not an outage of the estate.
    expect(view.overall.indicator).toBe("none");
    expect(view.regions.find((r) => r.id === "westus")!.status).toBe("operational");
  });

  it("shows a failing read from its first failure, while the status holds until it is stale", () => {
    const statuses = allOperational();
    const attemptAt = new Date(now.getTime() - 2_000);
    statuses.set(
      "northwind-dev.acs",
      fresh("operational", { attemptAt, attemptError: "no answer within 5000 ms" }),
    );
    // A failure older than the newest good reading is over.
    statuses.set(
      "contoso-edi.acs",
      fresh("operational", {
        attemptAt: new Date(now.getTime() - 60_000),
        attemptError: "ECONNRESET",
      }),
    );
    const view = buildBoardView(estate, statuses, running, now, 5_000);
    expect(view.components["northwind-dev.acs"]).toMatchObject({
      status: "operational",
      stale: false,
      lastFailure: { at: attemptAt.toISOString(), error: "no answer within 5000 ms" },
    });
    expect(view.components["contoso-edi.acs"]!.lastFailure).toBeNull();
    const later = new Date(now.getTime() + 90_000);
    const aged = buildBoardView(estate, statuses, running, later, 5_000);
    expect(aged.components["northwind-dev.acs"]).toMatchObject({
      status: "unknown",
      reason: "no fresh data for 100 s; last read failed: no answer within 5000 ms",
    });
  });

  it("aged past the store's last reading, each status turns unknown at its own limit", () => {
    const store = { readAt: now.toISOString(), unreachableSince: now.toISOString() };
    const at = (ms: number) =>
      buildBoardView(estate, allOperational(), running, new Date(now.getTime() + ms), 5_000, store);
    // Every reading was 10 s old at `now`; the demo's limit is 90 s.
    expect(at(80_000).overall.indicator).toBe("none");
    expect(at(80_000).overall.description).toMatch(/^Last known status, as of 12:00:00 UTC/);
    const stale = at(81_000);
    expect(stale.overall).toEqual({
      indicator: "unknown",
      description: "Status unknown: the status store cannot be read since 12:00:00 UTC",
    });
    expect(stale.counts.unknown).toBe(estate.components.length - 1);
    expect(stale.store).toEqual(store);
  });

  it("shows a component with no data as unknown, and its service and region not green", () => {
    const statuses = allOperational();
    statuses.delete("northwind-dev.storage");
    const view = buildBoardView(estate, statuses, running, now, 5_000);
    expect(view.components["northwind-dev.storage"]).toMatchObject({
      status: "unknown",
      checkedAt: null,
      stale: true,
    });
    expect(view.services.find((s) => s.id === "northwind-dev")!.status).toBe("unknown");
    expect(view.regions.find((r) => r.id === "southeastasia")!.status).toBe("unknown");
    expect(view.overall.indicator).toBe("unknown");
  });

  it("counts role instances from the stored detail", () => {
    const statuses = allOperational();
    statuses.set(
      "contoso-edi.roles",
      fresh("partial_outage", {
        detail: {
          instances: [
            { name: "IN_0", status: "major_outage" },
            ...[1, 2, 3].map((i) => ({ name: `IN_${i}`, status: "operational" })),
          ],
        },
      }),
    );
    const view = buildBoardView(estate, statuses, running, now, 5_000);
    expect(view.components["contoso-edi.roles"]!.instances).toEqual({ up: 3, total: 4 });
    expect(view.regions.find((r) => r.id === "westeurope")!.status).toBe("partial_outage");
    expect(view.regions.find((r) => r.id === "eastus")!.status).toBe("operational");
  });

  it("lists every service that depends on a shared component", () => {
    const view = buildBoardView(estate, allOperational(), running, now, 5_000);
    expect(view.components["fabrikam-shared-acs"]!.serviceIds).toEqual([
      "fabrikam-b2b",
      "fabrikam-eai",
    ]);
  });

  it("a failing shared component impacts every service that uses it", () => {
    const statuses = allOperational();
    statuses.set("fabrikam-shared-acs", fresh("major_outage"));
    const view = buildBoardView(estate, statuses, running, now, 5_000);
    for (const id of ["fabrikam-b2b", "fabrikam-eai"]) {
      expect(view.services.find((s) => s.id === id)).toMatchObject({
        status: "major_outage",
        impactedBy: ["fabrikam-shared-acs"],
        reason: expect.stringMatching(/^Impacted by access control fabrikam-identity/),
      });
    }
    // The banner and the services agree.
    expect(view.overall.indicator).toBe("critical");
  });

  it("reports the poller stopped, and the overall indicator unknown", () => {
    const view = buildBoardView(
      estate,
      allOperational(),
      { running: false, lastBeatAt: new Date(now.getTime() - 60_000), beatEveryMs: 5_000 },
      now,
      5_000,
    );
    expect(view.poller.running).toBe(false);
    expect(view.overall.indicator).toBe("unknown");
  });
});
