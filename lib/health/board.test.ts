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
    expect(view.counts.operational).toBe(estate.components.length);
    expect(view.regions.every((r) => r.status === "operational")).toBe(true);
    expect(view.demo).toBe(true);
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
        status: "degraded_performance",
        impactedBy: ["fabrikam-shared-acs"],
      });
    }
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
