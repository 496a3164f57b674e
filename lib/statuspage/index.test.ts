import { describe, expect, it } from "vitest";
import { loadDemoEstate } from "../estate/load";
import type { Estate } from "../estate/types";
import { buildBoardView, type StoredStatus } from "../health/board";
import type { BoardView } from "../health/board-types";
import {
  components,
  componentsDocument,
  page,
  PAGE_ID,
  statusDocument,
  summaryDocument,
  type StatuspageComponent,
} from "./index";

const now = new Date("2026-11-24T12:00:00.000Z");
const URL_ = "https://status.example.com";
const estate: Estate = {
  ...loadDemoEstate({ intervalMs: 30_000, timeoutMs: 5_000 }),
  version: 1,
  services: loadDemoEstate({ intervalMs: 30_000, timeoutMs: 5_000 }).services.map((s) => ({
    ...s,
    stateChangedAt: "2026-11-01T08:00:00.000Z",
  })),
};
const running = { running: true, lastBeatAt: now, beatEveryMs: 5_000 };

const fresh = (
  status: StoredStatus["status"],
  extra: Partial<StoredStatus> = {},
): StoredStatus => ({
  status,
  reason: null,
  since: new Date("2026-11-24T11:00:00.000Z"),
  checkedAt: new Date(now.getTime() - 10_000),
  attemptError: null,
  latencyMs: 20,
  detail: null,
  ...extra,
});
const allOperational = () => new Map(estate.components.map((c) => [c.id, fresh("operational")]));
const view = (statuses = allOperational(), at = now): BoardView =>
  buildBoardView(estate, statuses, running, at, 5_000);

/** The field set of a Statuspage API v2 component (GET /api/v2/components.json). */
const COMPONENT_FIELDS = [
  "created_at",
  "description",
  "group",
  "group_id",
  "id",
  "name",
  "only_show_if_degraded",
  "page_id",
  "position",
  "showcase",
  "start_date",
  "status",
  "updated_at",
];
const STATUSPAGE_STATUSES = [
  "operational",
  "under_maintenance",
  "degraded_performance",
  "partial_outage",
  "major_outage",
];
const ISO = /^\d{4}-\d\d-\d\dT\d\d:\d\d:\d\d\.\d{3}Z$/;
const SERVICES = ["contoso-edi", "fabrikam-b2b", "fabrikam-eai", "northwind-dev"];

const byId = (list: StatuspageComponent[], id: string) => {
  const found = list.filter((c) => c.id === id);
  expect(found, id).toHaveLength(1);
  return found[0]!;
};

describe("Statuspage v2 page", () => {
  it("has exactly the page fields, with their types", () => {
    const p = page(view(), URL_);
    expect(Object.keys(p).sort()).toEqual(["id", "name", "time_zone", "updated_at", "url"]);
    expect(p).toEqual({
      id: PAGE_ID,
      name: "Standfast",
      url: URL_,
      time_zone: "Etc/UTC",
      updated_at: expect.stringMatching(ISO),
    });
  });

  it("says when the page last changed, not when it was generated", () => {
    // The newest change in the view: statuses since 11:00, services since 1 November.
    expect(page(view(), URL_).updated_at).toBe("2026-11-24T11:00:00.000Z");
    const statuses = allOperational();
    statuses.set(
      "fabrikam-b2b.storage",
      fresh("degraded_performance", { since: new Date("2026-11-24T11:45:00.000Z") }),
    );
    expect(page(view(statuses), URL_).updated_at).toBe("2026-11-24T11:45:00.000Z");
  });

  it("while the store cannot be read, stays at what its last reading knew", () => {
    const store = { readAt: now.toISOString(), unreachableSince: now.toISOString() };
    // Five minutes on, every status has gone stale after the last reading: the page stays at it.
    const later = buildBoardView(
      estate,
      allOperational(),
      running,
      new Date(now.getTime() + 300_000),
      5_000,
      store,
    );
    expect(later.overall.indicator).toBe("unknown");
    expect(page(later, URL_).updated_at).toBe(now.toISOString());
  });
});

describe("Statuspage v2 components", () => {
  it("every entry has the Statuspage field set and types; groups add their member list", () => {
    const list = components(view());
    expect(list.length).toBeGreaterThan(0);
    for (const c of list) {
      const expected = c.group ? [...COMPONENT_FIELDS, "components"].sort() : COMPONENT_FIELDS;
      expect(Object.keys(c).sort(), c.id).toEqual(expected);
      expect(typeof c.id).toBe("string");
      expect(typeof c.name).toBe("string");
      expect(STATUSPAGE_STATUSES).toContain(c.status);
      expect(c.created_at).toMatch(ISO);
      expect(c.updated_at).toMatch(ISO);
      expect(Number.isInteger(c.position)).toBe(true);
      expect(c.description === null || typeof c.description === "string").toBe(true);
      expect(typeof c.showcase).toBe("boolean");
      expect(c.start_date).toBeNull();
      expect(c.group_id === null || typeof c.group_id === "string").toBe(true);
      expect(c.page_id).toBe(PAGE_ID);
      expect(typeof c.group).toBe("boolean");
      expect(c.only_show_if_degraded).toBe(false);
    }
  });

  it("services are groups listing their components; members point back at their group", () => {
    const list = components(view());
    const groups = list.filter((c) => c.group);
    expect(groups.map((g) => g.id)).toEqual(SERVICES);
    for (const service of estate.services) {
      const group = byId(list, service.id);
      expect(group.group_id).toBeNull();
      expect(group.components).toEqual(service.components.map((c) => c.id));
      for (const id of group.components!) {
        const member = byId(list, id);
        expect(member.group).toBe(false);
        expect(member.components).toBeUndefined();
        expect(estate.services.find((s) => s.id === member.group_id)!.components).toContainEqual(
          expect.objectContaining({ id }),
        );
      }
    }
  });

  it("each estate component appears exactly once; a shared one under the first service using it", () => {
    const list = components(view());
    const members = list.filter((c) => !c.group);
    expect(members.map((c) => c.id).sort()).toEqual(estate.components.map((c) => c.id).sort());
    const shared = byId(list, "fabrikam-shared-acs");
    expect(shared.group_id).toBe("fabrikam-b2b");
    expect(shared.description).toContain("shared by fabrikam-b2b, fabrikam-eai");
    expect(byId(list, "fabrikam-b2b").components).toContain("fabrikam-shared-acs");
    expect(byId(list, "fabrikam-eai").components).toContain("fabrikam-shared-acs");
  });

  it("members follow their group, and positions run 1, 2, 3 ... in document order", () => {
    const list = components(view());
    expect(list.map((c) => c.position)).toEqual(list.map((_, i) => i + 1));
    let group: string | null = null;
    for (const c of list) {
      if (c.group) group = c.id;
      else expect(c.group_id, c.id).toBe(group);
    }
  });

  it("carries each component's status, and the service roll-up on its group", () => {
    const statuses = allOperational();
    statuses.set(
      "fabrikam-b2b.tracking-db",
      fresh("major_outage", {
        reason: "login timeout",
        since: new Date("2026-11-24T11:30:00.000Z"),
      }),
    );
    const list = components(view(statuses));
    const db = byId(list, "fabrikam-b2b.tracking-db");
    expect(db.status).toBe("major_outage");
    expect(db.description).toBe("Tracking database in eastus: login timeout");
    expect(db.updated_at).toBe("2026-11-24T11:30:00.000Z");
    expect(byId(list, "fabrikam-b2b").status).toBe("major_outage");
    expect(byId(list, "fabrikam-b2b").updated_at).toBe("2026-11-24T11:30:00.000Z");
    expect(byId(list, "contoso-edi").status).toBe("operational");
    expect(byId(list, "contoso-edi").updated_at).toBe("2026-11-24T11:00:00.000Z");
    // created_at never runs ahead of updated_at.
    for (const c of list)
      expect(Date.parse(c.created_at)).toBeLessThanOrEqual(Date.parse(c.updated_at));
  });

  it("a failing read shows in the description from the first failure, with when and why", () => {
    const statuses = allOperational();
    statuses.set(
      "northwind-dev.acs",
      fresh("operational", {
        attemptAt: new Date("2026-11-24T11:59:58.000Z"),
        attemptError: "no answer within 5000 ms",
      }),
    );
    const acs = byId(components(view(statuses)), "northwind-dev.acs");
    expect(acs.status).toBe("operational");
    expect(acs.description).toBe(
      "Access control in southeastasia: last read failed at 2026-11-24 11:59:58 UTC: no answer within 5000 ms",
    );
    expect(byId(components(view()), "northwind-dev.acs").description).toBe(
      "Access control in southeastasia",
    );
  });

  it("a suspended service says it is not serving, on its group and its role instances", () => {
    const list = components(view());
    expect(byId(list, "fabrikam-eai").description).toMatch(/, suspended \(not serving\)$/);
    expect(byId(list, "fabrikam-eai.roles").description).toBe(
      "Role instances in westus: service suspended, not serving",
    );
    expect(byId(list, "fabrikam-b2b").description).not.toContain("not serving");
  });

  it("a stale component reports unknown, never its last green", () => {
    const statuses = allOperational();
    statuses.set(
      "northwind-dev.storage",
      fresh("operational", { checkedAt: new Date(now.getTime() - 30 * 60_000) }),
    );
    statuses.delete("contoso-edi.acs");
    const list = components(view(statuses));
    expect(byId(list, "northwind-dev.storage").status).toBe("unknown");
    expect(byId(list, "northwind-dev.storage").description).toContain("no fresh data");
    expect(byId(list, "contoso-edi.acs").status).toBe("unknown");
    expect(byId(list, "northwind-dev").status).toBe("unknown");
    expect(byId(list, "contoso-edi").status).toBe("unknown");
  });

  it("is the same document when only the clock moved, so its ETag can stay the same", () => {
    const a = view(allOperational(), now);
    const b = view(allOperational(), new Date(now.getTime() + 5_000));
    expect(a.generatedAt).not.toBe(b.generatedAt);
    expect(JSON.stringify(componentsDocument(b, URL_))).toBe(
      JSON.stringify(componentsDocument(a, URL_)),
    );
    expect(JSON.stringify(summaryDocument(b, URL_))).toBe(JSON.stringify(summaryDocument(a, URL_)));
  });
});

describe("Statuspage v2 documents", () => {
  it("summary has page, components, incidents, scheduled_maintenances and status", () => {
    const doc = summaryDocument(view(), URL_);
    expect(Object.keys(doc).sort()).toEqual(
      ["components", "incidents", "page", "scheduled_maintenances", "status"].sort(),
    );
    expect(doc.incidents).toEqual([]);
    expect(doc.scheduled_maintenances).toEqual([]);
    expect(doc.status).toEqual({ indicator: "none", description: "All Systems Operational" });
    expect(doc.components).toEqual(components(view()));
  });

  it("status.json has page and status only; components.json has page and components only", () => {
    expect(Object.keys(statusDocument(view(), URL_)).sort()).toEqual(["page", "status"]);
    expect(Object.keys(componentsDocument(view(), URL_)).sort()).toEqual(["components", "page"]);
  });

  it("the indicator uses Statuspage's words, worst first", () => {
    const statuses = allOperational();
    statuses.set("contoso-edi.storage", fresh("degraded_performance"));
    expect(statusDocument(view(statuses), URL_).status).toEqual({
      indicator: "minor",
      description: "Minor Service Outage",
    });
    statuses.set(
      "contoso-edi.roles",
      fresh("partial_outage", {
        detail: { instances: [{ name: "IN_0", status: "major_outage" }] },
      }),
    );
    expect(statusDocument(view(statuses), URL_).status).toEqual({
      indicator: "major",
      description: "Partial System Outage",
    });
    statuses.set("fabrikam-b2b.storage", fresh("major_outage"));
    expect(statusDocument(view(statuses), URL_).status).toEqual({
      indicator: "critical",
      description: "Major System Outage",
    });
  });

  it("an unknown component keeps the overall status from claiming all is operational", () => {
    const statuses = allOperational();
    statuses.delete("northwind-dev.acs");
    expect(statusDocument(view(statuses), URL_).status.indicator).toBe("unknown");
    expect(statusDocument(view(statuses), URL_).status.description).not.toMatch(/Operational/);
  });
});
