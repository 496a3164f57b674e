/** The compliance report: the pure rules of ./compliance applied to what the store knows. */
import { tables, type Db } from "../db";
import { listOperations } from "../control-plane";
import type { ComponentAttributes, Edition } from "../estate/types";
import { RULE_TITLE, type ServiceCompliance } from "./compliance-types";
import { evaluateService, type BackupFact, type ComplianceInput } from "./compliance";
import type { ComplianceReport, ComplianceTrendPoint } from "./backup-types";
import { nextSteps, stepText } from "./next-steps";
import type { BackupRecord } from "./runner";
import { asc, inArray } from "drizzle-orm";

const DAY = 86_400_000;
const { backups, components, serviceComponents, services } = tables;

type History = { backups: BackupRecord[]; operations: Awaited<ReturnType<typeof listOperations>> };

/** A backup counted as good at time `at`: finished well by then, not yet pruned, never found corrupted. */
function factsAt(rows: BackupRecord[], serviceId: string, at: Date): BackupFact[] {
  return rows
    .filter(
      (b) =>
        b.serviceId === serviceId &&
        b.finishedAt &&
        b.finishedAt <= at &&
        (!b.prunedAt || b.prunedAt > at),
    )
    .map((b) => ({
      name: b.name,
      region: b.region,
      good:
        (b.status === "succeeded" || b.status === "pruned") &&
        (b.checksum === "verified" || b.checksum === "unverified"),
      startedAt: b.startedAt ?? b.requestedAt,
      finishedAt: b.finishedAt,
    }));
}

/** A service as the trend needs it: when it came and went, and the estate facts it has today. */
type ServiceSpan = {
  id: string;
  edition: Edition;
  units: number;
  region: string;
  state: string;
  createdAt: Date;
  retiredAt: Date | null;
  parts: { kind: string; attributes: ComponentAttributes }[];
};

/** Every service ever recorded, deleted ones included: the trend counts each on the days it existed. */
async function readServiceSpans(db: Db): Promise<ServiceSpan[]> {
  const [serviceRows, componentRows, linkRows] = await Promise.all([
    db.select().from(services).orderBy(asc(services.position), asc(services.id)),
    db.select().from(components),
    db
      .select()
      .from(serviceComponents)
      .orderBy(asc(serviceComponents.serviceId), asc(serviceComponents.position)),
  ]);
  const byId = new Map(componentRows.map((c) => [c.id, c]));
  return serviceRows.map((s) => ({
    id: s.id,
    edition: s.edition as Edition,
    units: s.units,
    region: s.region,
    state: s.state,
    createdAt: s.createdAt,
    retiredAt: s.retiredAt,
    parts: linkRows
      .filter((l) => l.serviceId === s.id)
      .map((l) => byId.get(l.componentId))
      .filter((c) => c !== undefined)
      .map((c) => ({ kind: c.kind, attributes: c.attributes as ComponentAttributes })),
  }));
}

/** Whether a service existed at some moment of [from, to]: created by its end, not deleted before its start. */
export const existedDuring = (
  s: { createdAt: Date; retiredAt: Date | null },
  from: Date,
  to: Date,
) => s.createdAt <= to && (!s.retiredAt || s.retiredAt > from);
const existing = (spans: ServiceSpan[], from: Date, to: Date) =>
  spans.filter((s) => existedDuring(s, from, to));

function inputAt(s: ServiceSpan, history: History, at: Date, rpoMs: number): ComplianceInput {
  // A service deleted that day is judged as it was when it went.
  const when = s.retiredAt && s.retiredAt < at ? s.retiredAt : at;
  const roles = s.parts.find((c) => c.kind === "role-instances");
  const storage = s.parts.find((c) => c.kind === "storage");
  const tracking = s.parts.find((c) => c.kind === "tracking-database");
  return {
    service: { id: s.id, edition: s.edition, region: s.region },
    instances: roles?.attributes.instances ?? s.units,
    storage: {
      replication: storage?.attributes.replication ?? null,
      secondaryRegion: storage?.attributes.secondaryRegion ?? null,
      syncLagMs: null,
    },
    trackingContinuity: tracking?.attributes.continuity ?? null,
    backups: factsAt(history.backups, s.id, when),
    operations: history.operations
      .filter((o) => o.serviceId === s.id && o.at <= when)
      .map((o) => ({ id: String(o.id), kind: o.kind, summary: o.summary, at: o.at })),
    now: when,
    rpoMs,
  };
}

/** Each failing rule with what fixes it. */
function withNextSteps(result: ServiceCompliance, s: ServiceSpan): ServiceCompliance {
  return {
    ...result,
    rules: result.rules.map((r) =>
      r.verdict === "fail" ? { ...r, nextSteps: nextSteps(r.rule, s) } : r,
    ),
  };
}

export async function complianceReport(
  db: Db,
  options: { rpoMs: number; days: number; now?: Date },
): Promise<ComplianceReport> {
  const now = options.now ?? new Date();
  const [spans, rows, operations] = await Promise.all([
    readServiceSpans(db),
    db
      .select()
      .from(backups)
      .where(inArray(backups.status, ["succeeded", "pruned", "failed"])),
    listOperations(db, { limit: 100_000 }),
  ]);
  const history: History = { backups: rows, operations };
  const services: ServiceCompliance[] = spans
    .filter((s) => !s.retiredAt)
    .map((s) => withNextSteps(evaluateService(inputAt(s, history, now, options.rpoMs)), s));

  const trend: ComplianceTrendPoint[] = [];
  const today = Date.UTC(now.getUTCFullYear(), now.getUTCMonth(), now.getUTCDate());
  for (let d = options.days - 1; d >= 0; d--) {
    const start = today - d * DAY;
    const at = new Date(Math.min(start + DAY - 1, now.getTime()));
    const results = existing(spans, new Date(start), at).map((s) =>
      evaluateService(inputAt(s, history, at, options.rpoMs)),
    );
    const failing = results.filter((r) => r.verdict === "fail").length;
    trend.push({
      day: new Date(start).toISOString().slice(0, 10),
      compliant: results.length - failing,
      failing,
      total: results.length,
    });
  }
  const failing = services.filter((s) => s.verdict === "fail").length;
  return {
    generatedAt: now.toISOString(),
    rpoMs: options.rpoMs,
    services,
    summary: {
      services: services.length,
      compliant: services.length - failing,
      failing,
      notApplicable: services.filter((s) => s.rules.every((r) => r.verdict === "not_applicable"))
        .length,
    },
    trend,
    trendNote:
      "Each day counts the services that existed that day, judged by the backups and management operations recorded by then, with today's estate facts (instances, storage replication, tracking database continuity).",
  };
}

/** A CSV cell; text a spreadsheet would run as a formula (=, +, -, @) is quoted as text. */
function cell(value: string): string {
  const v = /^[=+\-@\t\r]/.test(value) ? `'${value}` : value;
  return /[",\n\r]/.test(v) ? `"${v.replace(/"/g, '""')}"` : v;
}

/** One row per service and rule, with the evidence: for spreadsheets and audits. */
export function complianceCsv(report: ComplianceReport): string {
  const lines = [
    [
      "service",
      "region",
      "edition",
      "overall",
      "rule",
      "verdict",
      "evidence",
      "items",
      "next steps",
    ],
  ];
  for (const s of report.services)
    for (const r of s.rules)
      lines.push([
        s.service,
        s.region,
        s.edition,
        s.verdict,
        RULE_TITLE[r.rule],
        r.verdict,
        r.evidence,
        (r.items ?? []).join("; "),
        (r.nextSteps ?? []).map(stepText).join("; "),
      ]);
  return `${lines.map((l) => l.map(cell).join(",")).join("\r\n")}\r\n`;
}
