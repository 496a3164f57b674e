/**
 * Pure incident detection: from what each component reads now and since when, which incidents to
 * open, which failures join an incident already open (or one that resolved itself moments ago),
 * how impact follows the worst status, and which incidents resolve themselves. No I/O, no clock.
 */
import { STATUS_LABEL, type Status } from "../status/vocabulary";
import { impactFromStatuses, isFailing, isHealthy, worseImpact, worseStatus } from "./impact";
import type { Impact } from "./incident-types";

export type DetectionConfig = {
  /** A component must fail this many of its intervals before it opens an incident. */
  debounceIntervals: number;
  /** Every affected component healthy this many of its intervals resolves the incident. */
  quietIntervals: number;
  /** Failures in one region this close together join one incident; a resolved one reopens within it. */
  groupWindowMs: number;
};

export const DEFAULT_DETECTION: DetectionConfig = {
  debounceIntervals: 2,
  quietIntervals: 5,
  groupWindowMs: 5 * 60_000,
};

export type WatchedComponent = {
  id: string;
  name: string;
  region: string;
  serviceIds: string[];
  intervalMs: number;
  /** What it reads now, stale readings already `unknown`. */
  status: Status;
  /** When its current run of failing (or of healthy) readings began. */
  runStart: Date | null;
  /** In a maintenance that is in progress: it opens nothing. */
  underMaintenance: boolean;
  /** The role instances of a service that is not serving: they say nothing about it. */
  notServing: boolean;
};

export type TrackedComponent = {
  componentId: string;
  worstStatus: Status;
  lastStatus: Status;
  healthySince: Date | null;
  removed: boolean;
};

export type OpenIncident = {
  id: string;
  startedAt: Date;
  impact: Impact;
  impactSetBy: string | null;
  operatorUpdatedAt: Date | null;
  recoveredAt: Date | null;
  components: TrackedComponent[];
};

/** An incident that resolved by itself lately: the same failure coming back reopens it. */
export type RecentlyResolved = { id: string; resolvedAt: Date; componentIds: string[] };

export type Joiner = { componentId: string; status: Status; failingSince: Date };

export type DetectionPlan = {
  opened: { key: string; title: string; startedAt: Date; impact: Impact; components: Joiner[] }[];
  joined: { incidentId: string; components: Joiner[] }[];
  reopened: { incidentId: string; components: Joiner[] }[];
  tracked: { incidentId: string; componentId: string; changes: Partial<TrackedComponent> }[];
  impacts: { incidentId: string; impact: Impact }[];
  resolved: { incidentId: string }[];
  /** Incidents a person holds: every component recovered (a date) or failing again (null). */
  recovered: { incidentId: string; at: Date | null }[];
};

export type DetectionInput = {
  now: Date;
  components: Map<string, WatchedComponent>;
  open: OpenIncident[];
  recent: RecentlyResolved[];
  config: DetectionConfig;
};

/** A failing component that has failed for longer than the debounce: it belongs in an incident. */
export function confirmedFailing(c: WatchedComponent, now: Date, config: DetectionConfig): boolean {
  if (!isFailing(c.status) || c.underMaintenance || c.notServing || !c.runStart) return false;
  return now.getTime() - c.runStart.getTime() >= config.debounceIntervals * c.intervalMs;
}

/** Healthy for the quiet period: it no longer holds an incident open. */
export function quietFor(c: WatchedComponent | undefined, now: Date, config: DetectionConfig) {
  if (!c || !isHealthy(c.status) || !c.runStart) return false;
  return now.getTime() - c.runStart.getTime() >= config.quietIntervals * c.intervalMs;
}

/** A title for a detected incident: its worst status and what failed first. */
export function detectedTitle(first: WatchedComponent, worst: Status, more: number): string {
  const services = first.serviceIds.filter((s) => !first.name.includes(s));
  const what = `${first.name}${services.length ? ` (${services.join(", ")})` : ""}`;
  return `${STATUS_LABEL[worst]}: ${what}${more ? ` and ${more} more` : ""}`;
}

type Group = {
  kind: "open" | "reopened" | "new";
  id: string;
  startedAt: Date;
  members: WatchedComponent[];
  joiners: Joiner[];
};

/** Same service (a shared dependency's services count), or same region close in time. */
function related(group: Group, c: WatchedComponent, start: Date, windowMs: number): boolean {
  const services = new Set(group.members.flatMap((m) => m.serviceIds));
  if (c.serviceIds.some((s) => services.has(s))) return true;
  const near = Math.abs(start.getTime() - group.startedAt.getTime()) <= windowMs;
  return near && group.members.some((m) => m.region === c.region);
}

export function planDetection(input: DetectionInput): DetectionPlan {
  const { now, components, config } = input;
  const plan: DetectionPlan = {
    opened: [],
    joined: [],
    reopened: [],
    tracked: [],
    impacts: [],
    resolved: [],
    recovered: [],
  };
  const covered = new Set(input.open.flatMap((i) => i.components.map((c) => c.componentId)));
  const member = (id: string): WatchedComponent =>
    components.get(id) ?? {
      id,
      name: id,
      region: "",
      serviceIds: [],
      intervalMs: 30_000,
      status: "unknown",
      runStart: null,
      underMaintenance: false,
      notServing: false,
    };
  const groups: Group[] = input.open.map((i) => ({
    kind: "open",
    id: i.id,
    startedAt: i.startedAt,
    members: i.components.filter((c) => !c.removed).map((c) => member(c.componentId)),
    joiners: [],
  }));

  let fresh = 0;
  const candidates = [...components.values()]
    .filter((c) => !covered.has(c.id) && confirmedFailing(c, now, config))
    .sort((a, b) => a.runStart!.getTime() - b.runStart!.getTime() || a.id.localeCompare(b.id));
  for (const c of candidates) {
    const joiner: Joiner = { componentId: c.id, status: c.status, failingSince: c.runStart! };
    let group = groups.find((g) => related(g, c, c.runStart!, config.groupWindowMs));
    if (!group) {
      const back = input.recent.find(
        (r) =>
          r.componentIds.includes(c.id) &&
          now.getTime() - r.resolvedAt.getTime() <= config.groupWindowMs,
      );
      if (back) {
        group = {
          kind: "reopened",
          id: back.id,
          startedAt: c.runStart!,
          members: back.componentIds.map(member),
          joiners: [],
        };
        groups.push(group);
      }
    }
    if (!group) {
      group = {
        kind: "new",
        id: `new-${fresh++}`,
        startedAt: c.runStart!,
        members: [],
        joiners: [],
      };
      groups.push(group);
    }
    group.members.push(c);
    group.joiners.push(joiner);
  }

  for (const g of groups) {
    if (!g.joiners.length) continue;
    if (g.kind === "open") plan.joined.push({ incidentId: g.id, components: g.joiners });
    else if (g.kind === "reopened") plan.reopened.push({ incidentId: g.id, components: g.joiners });
    else {
      const worst = g.joiners.map((j) => j.status).reduce(worseStatus);
      const first = components.get(g.joiners[0]!.componentId)!;
      plan.opened.push({
        key: g.id,
        title: detectedTitle(first, worst, g.joiners.length - 1),
        startedAt: g.startedAt,
        impact: impactFromStatuses([worst]),
        components: g.joiners,
      });
    }
  }

  for (const incident of input.open) trackIncident(incident, input, plan, groups);
  return plan;
}

/** Per open incident: what each component reads, the impact, and whether it resolves itself. */
function trackIncident(
  incident: OpenIncident,
  input: DetectionInput,
  plan: DetectionPlan,
  groups: Group[],
) {
  const { now, components, config } = input;
  const active = incident.components.filter((c) => !c.removed);
  const statuses: Status[] = [];
  for (const row of active) {
    const c = components.get(row.componentId);
    const status: Status = c?.status ?? "unknown";
    const worst = isFailing(status) ? worseStatus(row.worstStatus, status) : row.worstStatus;
    const healthySince = isHealthy(status) ? (c?.runStart ?? row.healthySince ?? now) : null;
    statuses.push(worst);
    const changes: Partial<TrackedComponent> = {};
    if (status !== row.lastStatus) changes.lastStatus = status;
    if (worst !== row.worstStatus) changes.worstStatus = worst;
    if (healthySince?.getTime() !== row.healthySince?.getTime())
      changes.healthySince = healthySince;
    if (Object.keys(changes).length)
      plan.tracked.push({ incidentId: incident.id, componentId: row.componentId, changes });
  }
  const joiners = groups.find((g) => g.kind === "open" && g.id === incident.id)?.joiners ?? [];
  statuses.push(...joiners.map((j) => j.status));
  if (!incident.impactSetBy) {
    const impact = worseImpact(incident.impact, impactFromStatuses(statuses));
    if (impact !== incident.impact) plan.impacts.push({ incidentId: incident.id, impact });
  }
  const quiet =
    active.length > 0 &&
    joiners.length === 0 &&
    active.every((row) => quietFor(components.get(row.componentId), now, config));
  if (quiet && !incident.operatorUpdatedAt) plan.resolved.push({ incidentId: incident.id });
  else if (quiet && !incident.recoveredAt)
    plan.recovered.push({ incidentId: incident.id, at: now });
  else if (!quiet && incident.recoveredAt)
    plan.recovered.push({ incidentId: incident.id, at: null });
}
