import { describe, expect, it } from "vitest";
import type { Status } from "../status/vocabulary";
import {
  DEFAULT_DETECTION,
  planDetection,
  type DetectionInput,
  type OpenIncident,
  type WatchedComponent,
} from "./detection";

const T0 = Date.parse("2026-11-24T10:00:00Z");
const at = (s: number) => new Date(T0 + s * 1000);
const INTERVAL = 30_000;

/** A component of the demo's shape: `<service>.<part>` in a region, read every 30 s. */
function comp(
  id: string,
  status: Status,
  runStartS: number | null,
  extra: Partial<WatchedComponent> = {},
) {
  const service = id.split(".")[0]!;
  return {
    id,
    name: id,
    region: "westeurope",
    serviceIds: [service],
    intervalMs: INTERVAL,
    status,
    runStart: runStartS === null ? null : at(runStartS),
    underMaintenance: false,
    notServing: false,
    ...extra,
  } satisfies WatchedComponent;
}

function input(
  nowS: number,
  list: WatchedComponent[],
  more: Partial<DetectionInput> = {},
): DetectionInput {
  return {
    now: at(nowS),
    components: new Map(list.map((c) => [c.id, c])),
    open: [],
    recent: [],
    config: DEFAULT_DETECTION,
    ...more,
  };
}

function openIncident(
  id: string,
  rows: [string, Status][],
  extra: Partial<OpenIncident> = {},
): OpenIncident {
  return {
    id,
    startedAt: at(0),
    impact: "critical",
    impactSetBy: null,
    operatorUpdatedAt: null,
    recoveredAt: null,
    components: rows.map(([componentId, s]) => ({
      componentId,
      worstStatus: s,
      lastStatus: s,
      healthySince: null,
      removed: false,
    })),
    ...extra,
  };
}

describe("debounce", () => {
  it("a failure shorter than two intervals opens nothing; at two intervals it opens one incident from its first failing reading", () => {
    const failing = comp("contoso-edi.roles", "major_outage", 0);
    expect(planDetection(input(59, [failing])).opened).toEqual([]);
    const plan = planDetection(input(60, [failing]));
    expect(plan.opened).toHaveLength(1);
    expect(plan.opened[0]).toMatchObject({
      startedAt: at(0),
      impact: "critical",
      title: "Major outage: contoso-edi.roles",
      components: [
        { componentId: "contoso-edi.roles", status: "major_outage", failingSince: at(0) },
      ],
    });
  });

  it("the debounce is counted in the component's own interval and can be configured", () => {
    const slow = comp("contoso-edi.storage", "degraded_performance", 0, { intervalMs: 60_000 });
    expect(planDetection(input(119, [slow])).opened).toEqual([]);
    expect(planDetection(input(120, [slow])).opened).toHaveLength(1);
    const config = { ...DEFAULT_DETECTION, debounceIntervals: 5 };
    expect(planDetection(input(299, [slow], { config })).opened).toEqual([]);
    expect(planDetection(input(300, [slow], { config })).opened[0]!.impact).toBe("minor");
  });

  it("unknown, maintenance and a service that is not serving open nothing", () => {
    const plan = planDetection(
      input(600, [
        comp("a-svc.roles", "unknown", 0),
        comp("b-svc.roles", "major_outage", 0, { underMaintenance: true }),
        comp("c-svc.roles", "major_outage", 0, { notServing: true }),
        comp("d-svc.roles", "operational", 0),
      ]),
    );
    expect(plan.opened).toEqual([]);
  });

  it("a component that flaps faster than the debounce never opens an incident", () => {
    // Each new failing run restarts the count: the run start moves with every recovery.
    for (let s = 0; s < 600; s += 40)
      expect(
        planDetection(input(s + 39, [comp("a-svc.roles", "partial_outage", s)])).opened,
      ).toEqual([]);
  });
});

describe("grouping", () => {
  it("failures of one service join one incident, titled by the first and impact from the worst", () => {
    const plan = planDetection(
      input(120, [
        comp("contoso-edi.storage", "degraded_performance", 0),
        comp("contoso-edi.roles", "major_outage", 30),
      ]),
    );
    expect(plan.opened).toHaveLength(1);
    expect(plan.opened[0]!.components.map((c) => c.componentId)).toEqual([
      "contoso-edi.storage",
      "contoso-edi.roles",
    ]);
    expect(plan.opened[0]!.impact).toBe("critical");
    expect(plan.opened[0]!.title).toBe("Major outage: contoso-edi.storage and 1 more");
    expect(plan.opened[0]!.startedAt).toEqual(at(0));
  });

  it("a shared dependency joins the incident of any service that uses it", () => {
    const shared = comp("shared-acs", "major_outage", 0, {
      name: "identity (shared)",
      region: "eastus",
      serviceIds: ["fabrikam-b2b", "fabrikam-eai"],
    });
    const eai = comp("fabrikam-eai.roles", "partial_outage", 3000, { region: "westus" });
    const plan = planDetection(input(3100, [shared, eai]));
    expect(plan.opened).toHaveLength(1);
    expect(plan.opened[0]!.title).toBe(
      "Major outage: identity (shared) (fabrikam-b2b, fabrikam-eai) and 1 more",
    );
  });

  it("one region within the window is one incident; further apart, or in another region, separate ones", () => {
    const near = planDetection(
      input(400, [
        comp("a-svc.roles", "major_outage", 0),
        comp("b-svc.roles", "major_outage", 290),
      ]),
    );
    expect(near.opened).toHaveLength(1);
    const far = planDetection(
      input(400, [
        comp("a-svc.roles", "major_outage", 0),
        comp("b-svc.roles", "major_outage", 301),
      ]),
    );
    expect(far.opened).toHaveLength(2);
    const elsewhere = planDetection(
      input(400, [
        comp("a-svc.roles", "major_outage", 0),
        comp("b-svc.roles", "major_outage", 10, { region: "eastus" }),
      ]),
    );
    expect(elsewhere.opened).toHaveLength(2);
  });

  it("a new failure related to an open incident joins it, and its impact rises", () => {
    const open = openIncident("inc1", [["contoso-edi.storage", "degraded_performance"]], {
      impact: "minor",
    });
    const plan = planDetection(
      input(
        600,
        [
          comp("contoso-edi.storage", "degraded_performance", 0),
          comp("contoso-edi.roles", "major_outage", 500),
        ],
        {
          open: [open],
        },
      ),
    );
    expect(plan.opened).toEqual([]);
    expect(plan.joined).toEqual([
      {
        incidentId: "inc1",
        components: [
          { componentId: "contoso-edi.roles", status: "major_outage", failingSince: at(500) },
        ],
      },
    ]);
    expect(plan.impacts).toEqual([{ incidentId: "inc1", impact: "critical" }]);
  });

  it("a component already in an open incident, even one a person removed from it, opens nothing more", () => {
    const open = openIncident("inc1", [["a-svc.roles", "major_outage"]]);
    open.components[0]!.removed = true;
    const plan = planDetection(
      input(600, [comp("a-svc.roles", "major_outage", 0)], { open: [open] }),
    );
    expect(plan.opened).toEqual([]);
    expect(plan.joined).toEqual([]);
  });

  it("an operator's impact stays as they set it", () => {
    const open = openIncident("inc1", [["a-svc.roles", "degraded_performance"]], {
      impact: "minor",
      impactSetBy: "Olivia Operator",
    });
    const plan = planDetection(
      input(600, [comp("a-svc.roles", "major_outage", 0)], { open: [open] }),
    );
    expect(plan.impacts).toEqual([]);
    expect(plan.tracked).toEqual([
      {
        incidentId: "inc1",
        componentId: "a-svc.roles",
        changes: { lastStatus: "major_outage", worstStatus: "major_outage" },
      },
    ]);
  });
});

describe("resolution", () => {
  const open = () =>
    openIncident("inc1", [
      ["a-svc.roles", "major_outage"],
      ["a-svc.storage", "degraded_performance"],
    ]);

  it("resolves itself once every affected component has been healthy for the quiet period", () => {
    const healthy = (since: number) => [
      comp("a-svc.roles", "operational", since),
      comp("a-svc.storage", "operational", 100),
    ];
    const early = planDetection(input(100 + 149, healthy(100), { open: [open()] }));
    expect(early.resolved).toEqual([]);
    expect(early.tracked.map((t) => t.changes.healthySince)).toEqual([at(100), at(100)]);
    expect(planDetection(input(250, healthy(100), { open: [open()] })).resolved).toEqual([
      { incidentId: "inc1" },
    ]);
  });

  it("an unknown or still failing component keeps it open", () => {
    const plan = planDetection(
      input(1000, [comp("a-svc.roles", "operational", 0), comp("a-svc.storage", "unknown", 0)], {
        open: [open()],
      }),
    );
    expect(plan.resolved).toEqual([]);
    const failing = planDetection(
      input(
        1000,
        [comp("a-svc.roles", "operational", 0), comp("a-svc.storage", "partial_outage", 900)],
        {
          open: [open()],
        },
      ),
    );
    expect(failing.resolved).toEqual([]);
    expect(failing.impacts).toEqual([]);
  });

  it("flapping inside an open incident restarts the quiet period rather than opening another", () => {
    // Failed again at 200 and healthy from 230: quiet counts from 230, not from the first recovery.
    const list = [
      comp("a-svc.roles", "operational", 230),
      comp("a-svc.storage", "operational", 100),
    ];
    expect(planDetection(input(379, list, { open: [open()] })).resolved).toEqual([]);
    expect(planDetection(input(380, list, { open: [open()] })).resolved).toHaveLength(1);
  });

  it("once a person has written an update, it is marked recovered for them to resolve, and unmarked when it fails again", () => {
    const held = openIncident("inc1", [["a-svc.roles", "major_outage"]], {
      operatorUpdatedAt: at(50),
    });
    const ok = planDetection(
      input(400, [comp("a-svc.roles", "operational", 100)], { open: [held] }),
    );
    expect(ok.resolved).toEqual([]);
    expect(ok.recovered).toEqual([{ incidentId: "inc1", at: at(400) }]);
    const again = planDetection(
      input(500, [comp("a-svc.roles", "major_outage", 480)], {
        open: [{ ...held, recoveredAt: at(400) }],
      }),
    );
    expect(again.recovered).toEqual([{ incidentId: "inc1", at: null }]);
  });

  it("an incident with no components (opened by a person) never resolves itself", () => {
    expect(planDetection(input(9999, [], { open: [openIncident("inc1", [])] })).resolved).toEqual(
      [],
    );
  });

  it("the same failure coming back soon after it resolved itself reopens that incident", () => {
    const recent = [{ id: "inc1", resolvedAt: at(1000), componentIds: ["a-svc.roles"] }];
    const back = planDetection(
      input(1200, [comp("a-svc.roles", "major_outage", 1100)], { recent }),
    );
    expect(back.opened).toEqual([]);
    expect(back.reopened).toEqual([
      {
        incidentId: "inc1",
        components: [
          { componentId: "a-svc.roles", status: "major_outage", failingSince: at(1100) },
        ],
      },
    ]);
    const later = planDetection(
      input(1400, [comp("a-svc.roles", "major_outage", 1300)], { recent }),
    );
    expect(later.reopened).toEqual([]);
    expect(later.opened).toHaveLength(1);
  });
});
