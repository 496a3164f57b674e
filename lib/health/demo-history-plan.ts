/**
 * The demo's past, made from the simulated source's own deterministic functions: hourly roll-ups
 * for 90 days and a handful of short incidents, all ending before start-up. Pure: no I/O, no clock.
 */
import type { EstateComponent } from "../estate/types";
import { DAY_MS, HOUR_MS } from "./history-buckets";
import { simulatedLatency } from "./sources/simulated";
import type { KnownStatus } from "../status/vocabulary";

export const DEMO_HISTORY_DAYS = 90;

export type DemoIncident = {
  componentId: string;
  status: Exclude<KnownStatus, "operational" | "under_maintenance">;
  /** Start, as hours and minutes before the start of the hour the process started in. */
  hoursAgo: number;
  minute: number;
  minutes: number;
  reason: string;
};

export const DEMO_INCIDENTS: DemoIncident[] = [
  {
    componentId: "contoso-edi.roles",
    status: "partial_outage",
    hoursAgo: 9,
    minute: 12,
    minutes: 95,
    reason: "1 of 4 instances down: IN_2 (host recycled after a failed platform update)",
  },
  {
    componentId: "fabrikam-b2b.tracking-db",
    status: "major_outage",
    hoursAgo: 6 * 24 + 9,
    minute: 40,
    minutes: 130,
    reason: "tracking database unavailable during an unplanned failover",
  },
  {
    componentId: "contoso-edi.storage",
    status: "degraded_performance",
    hoursAgo: 17 * 24 + 3,
    minute: 5,
    minutes: 310,
    reason: "storage throttling: slow blob writes for archiving",
  },
  {
    componentId: "fabrikam-shared-acs",
    status: "degraded_performance",
    hoursAgo: 33 * 24 + 14,
    minute: 25,
    minutes: 70,
    reason: "token issuance slow in the access-control namespace",
  },
  {
    componentId: "northwind-dev.roles",
    status: "major_outage",
    hoursAgo: 52 * 24 + 20,
    minute: 0,
    minutes: 240,
    reason: "all 1 instances down: IN_0 (guest OS crash)",
  },
  {
    componentId: "fabrikam-eai.storage",
    status: "partial_outage",
    hoursAgo: 71 * 24 + 6,
    minute: 50,
    minutes: 180,
    reason: "some storage partitions unavailable",
  },
];

export type HourRow = {
  componentId: string;
  bucket: Date;
  samples: number;
  up: number;
  degraded: number;
  down: number;
  unknown: number;
  latencySum: number;
  latencyCount: number;
  latencyMax: number;
  worst: string;
};

export type ChangeRow = {
  componentId: string;
  at: Date;
  fromStatus: string;
  toStatus: string;
  reason: string | null;
};

/** The hours to backfill: 90 days of whole hours, ending before the hour `now` falls in. */
export function backfillWindow(now: Date): { from: number; to: number } {
  const to = Math.floor(now.getTime() / HOUR_MS) * HOUR_MS;
  return { from: to - DEMO_HISTORY_DAYS * DAY_MS, to };
}

export function incidentSpan(incident: DemoIncident, now: Date): { start: number; end: number } {
  const start = backfillWindow(now).to - incident.hoursAgo * HOUR_MS + incident.minute * 60_000;
  return { start, end: start + incident.minutes * 60_000 };
}

const LATENCY_DRAWS = 12;

/** Hourly roll-ups for one simulated component, incidents folded in. */
export function planHours(
  component: Pick<EstateComponent, "id" | "intervalMs"> & {
    spec: { latencyMs: number; jitterMs: number };
  },
  incidents: DemoIncident[],
  now: Date,
): HourRow[] {
  const { from, to } = backfillWindow(now);
  const perHour = Math.max(1, Math.round(HOUR_MS / component.intervalMs));
  const spans = incidents
    .filter((i) => i.componentId === component.id)
    .map((i) => ({ ...incidentSpan(i, now), status: i.status }));
  const rows: HourRow[] = [];
  for (let h = from; h < to; h += HOUR_MS) {
    let sum = 0;
    let max = 0;
    for (let d = 0; d < LATENCY_DRAWS; d++) {
      const l = simulatedLatency(component.spec, component.id, new Date(h + d * 300_000 + 7_000));
      sum += l;
      max = Math.max(max, l);
    }
    const mean = sum / LATENCY_DRAWS;
    const span = spans.find((s) => s.start < h + HOUR_MS && s.end > h);
    const overlap = span
      ? (Math.min(span.end, h + HOUR_MS) - Math.max(span.start, h)) / HOUR_MS
      : 0;
    const bad = span ? Math.max(1, Math.round(overlap * perHour)) : 0;
    const slow = span?.status === "degraded_performance" ? 3 : 1;
    rows.push({
      componentId: component.id,
      bucket: new Date(h),
      samples: perHour,
      up: perHour - bad,
      degraded: slow > 1 ? bad : 0,
      down: slow > 1 ? 0 : bad,
      unknown: 0,
      latencySum: Math.round((mean * (perHour - bad) + mean * slow * bad) * 10) / 10,
      latencyCount: perHour,
      latencyMax: bad && slow > 1 ? Math.round(max * slow) : max,
      worst: span ? span.status : "operational",
    });
  }
  return rows;
}

/** The status changes of the incidents on the given components: into each, and back out. */
export function planChanges(componentIds: Set<string>, now: Date): ChangeRow[] {
  return DEMO_INCIDENTS.filter((i) => componentIds.has(i.componentId)).flatMap((i) => {
    const { start, end } = incidentSpan(i, now);
    return [
      {
        componentId: i.componentId,
        at: new Date(start),
        fromStatus: "operational",
        toStatus: i.status,
        reason: i.reason,
      },
      {
        componentId: i.componentId,
        at: new Date(end),
        fromStatus: i.status,
        toStatus: "operational",
        reason: null,
      },
    ];
  });
}
