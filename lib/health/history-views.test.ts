import { describe, expect, it } from "vitest";
import { loadDemoEstate } from "../estate/load";
import { buildBoardView, type StoredStatus } from "./board";
import { buildComponentView, buildServiceView } from "./history-views";
import type { Status } from "../status/vocabulary";

const estate = { ...loadDemoEstate({ intervalMs: 30_000, timeoutMs: 5_000 }), version: 1 };
const now = new Date("2026-03-10T12:00:00Z");

type Override = { status: Status; checkedAgoMs?: number; sinceAgoMs?: number; detail?: unknown };

function board(overrides: Record<string, Override> = {}) {
  const statuses = new Map<string, StoredStatus>();
  for (const c of estate.components) {
    const o = overrides[c.id];
    statuses.set(c.id, {
      status: o?.status ?? "operational",
      reason: null,
      since: new Date(now.getTime() - (o?.sinceAgoMs ?? 3_600_000)),
      checkedAt: new Date(now.getTime() - (o?.checkedAgoMs ?? 1_000)),
      attemptError: null,
      latencyMs: 20,
      detail: o?.detail ?? null,
    });
  }
  return buildBoardView(
    estate,
    statuses,
    { running: true, lastBeatAt: now, beatEveryMs: 5_000 },
    now,
    5_000,
  );
}

describe("buildServiceView", () => {
  it("lists role instances first, then dependencies, with region names and who else shares them", () => {
    const view = buildServiceView(
      board({ "fabrikam-b2b.storage": { status: "operational", sinceAgoMs: 600_000 } }),
      "fabrikam-b2b",
    )!;
    expect(view.components.map((c) => [c.kind, c.role])).toEqual([
      ["role-instances", "roles"],
      ["tracking-database", "dependency"],
      ["storage", "dependency"],
      ["access-control", "dependency"],
    ]);
    expect(view.regionName).toBe("East US");
    const acs = view.components.find((c) => c.id === "fabrikam-shared-acs")!;
    expect(acs.sharedWith.map((s) => s.id)).toEqual(["fabrikam-eai"]);
    expect(view.components[0]!.sharedWith).toEqual([]);
    // The service's status has held at least since its newest component change.
    expect(view.since).toBe("2026-03-10T11:50:00.000Z");
  });

  it("names the dependencies a service is impacted by, with their status", () => {
    const view = buildServiceView(
      board({ "fabrikam-b2b.tracking-db": { status: "major_outage" } }),
      "fabrikam-b2b",
    )!;
    expect(view.service.status).toBe("major_outage");
    expect(view.impactedBy).toEqual([
      { id: "fabrikam-b2b.tracking-db", name: "fabrikam-b2b-tracking", status: "major_outage" },
    ]);
  });

  it("is null for a service the estate does not have", () => {
    expect(buildServiceView(board(), "no-such-service")).toBeNull();
  });
});

describe("buildComponentView", () => {
  const detail = {
    checkedAt: new Date(now.getTime() - 1_000),
    instances: [
      { name: "IN_0", status: "operational" as Status, reason: null },
      { name: "IN_1", status: "major_outage" as Status, reason: "crashed" },
    ],
  };

  it("gives the dependents with their status, and the secondary region's name", () => {
    const view = buildComponentView(board(), "contoso-edi.storage", null)!;
    expect(view.dependents).toEqual([{ id: "contoso-edi", status: "operational", reason: null }]);
    expect(view.secondaryRegionName).toBe("North Europe");
    expect(view.instances).toBeNull();
  });

  it("shows per-instance states while the data is fresh", () => {
    const view = buildComponentView(board(), "contoso-edi.roles", detail)!;
    expect(view.instances).toEqual(detail.instances);
  });

  it("never shows an old green instance state once the data is stale", () => {
    const stale = board({
      "contoso-edi.roles": { status: "operational", checkedAgoMs: 5 * 60_000 },
    });
    const view = buildComponentView(stale, "contoso-edi.roles", {
      ...detail,
      checkedAt: new Date(now.getTime() - 5 * 60_000),
    })!;
    expect(view.component.status).toBe("unknown");
    expect(view.instances!.map((i) => i.status)).toEqual(["unknown", "unknown"]);
    expect(view.instances![0]!.reason).toBe("no fresh data; last reported operational 5 min ago");
  });

  it("is null for a component the estate does not have", () => {
    expect(buildComponentView(board(), "nope", null)).toBeNull();
  });
});
