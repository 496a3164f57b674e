/** The compliance report: the pure rules of ./compliance applied to what the store knows. */
import { tables, type Db } from "../db";
import { listOperations } from "../control-plane";
import { RULE_TITLE, type ServiceCompliance } from "./compliance-types";
import { evaluateService, type ComplianceInput } from "./compliance";
import type { ComplianceReport, ComplianceTrendPoint } from "./backup-types";
import { nextSteps, stepText } from "./next-steps";
import {
  backupFactsAt,
  factsAt,
  readDrillFacts,
  readFactHistory,
  readServiceSpans,
  type FactHistory,
  type ServiceDrillFact,
  type ServiceSpan,
} from "./report-facts";
import type { BackupRecord } from "./runner";
import { inArray } from "drizzle-orm";

const DAY = 86_400_000;
const { backups } = tables;

type History = {
  backups: BackupRecord[];
  operations: Awaited<ReturnType<typeof listOperations>>;
  drills: ServiceDrillFact[];
  facts: FactHistory;
  /** Told of each moment judged with facts assumed (before the first record). */
  assumedBefore: (at: Date) => void;
};
/** How recent a successful drill must be, unless set (STANDFAST_DRILL_WITHIN). */
export const DRILL_WITHIN_DEFAULT_MS = 30 * DAY;
export type ReportOptions = { rpoMs: number; drillWithinMs?: number; days: number; now?: Date };

/** Whether a service existed at some moment of [from, to]: created by its end, not deleted before its start. */
export const existedDuring = (
  s: { createdAt: Date; retiredAt: Date | null },
  from: Date,
  to: Date,
) => s.createdAt <= to && (!s.retiredAt || s.retiredAt > from);
const existing = (spans: ServiceSpan[], from: Date, to: Date) =>
  spans.filter((s) => existedDuring(s, from, to));

function inputAt(
  s: ServiceSpan,
  history: History,
  at: Date,
  options: ReportOptions,
): ComplianceInput {
  // A service deleted that day is judged as it was when it went.
  const when = s.retiredAt && s.retiredAt < at ? s.retiredAt : at;
  // The estate facts of that moment: today's facts judged a past day as if they had always held.
  const part = (kind: string) => {
    const c = s.parts.find((p) => p.kind === kind);
    if (!c) return undefined;
    const known = factsAt(history.facts, `component:${c.id}`, when, c.attributes);
    if (known.assumed) history.assumedBefore(when);
    return known.facts;
  };
  const roles = part("role-instances");
  const storage = part("storage");
  const tracking = part("tracking-database");
  const units = factsAt(history.facts, `service:${s.id}`, when, { units: s.units }).facts.units;
  return {
    service: { id: s.id, edition: s.edition, region: s.region },
    instances: roles?.instances ?? units,
    storage: {
      replication: storage?.replication ?? null,
      secondaryRegion: storage?.secondaryRegion ?? null,
      syncLagMs: null,
    },
    trackingContinuity: tracking?.continuity ?? null,
    backups: backupFactsAt(history.backups, s.id, when),
    operations: history.operations
      .filter((o) => o.serviceId === s.id && o.at <= when)
      .map((o) => ({ id: String(o.id), kind: o.kind, summary: o.summary, at: o.at })),
    drills: history.drills.filter((d) => d.serviceId === s.id && d.finishedAt <= when),
    now: when,
    rpoMs: options.rpoMs,
    drillWithinMs: options.drillWithinMs ?? DRILL_WITHIN_DEFAULT_MS,
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

export async function complianceReport(db: Db, options: ReportOptions): Promise<ComplianceReport> {
  const now = options.now ?? new Date();
  const [spans, rows, operations, drillFacts, facts] = await Promise.all([
    readServiceSpans(db),
    db
      .select()
      .from(backups)
      .where(inArray(backups.status, ["succeeded", "pruned", "failed"])),
    listOperations(db, { limit: 100_000 }),
    readDrillFacts(db),
    readFactHistory(db),
  ]);
  let assumedUntil: Date | null = null;
  const history: History = {
    backups: rows,
    operations,
    drills: drillFacts,
    facts,
    assumedBefore: (at) => {
      if (!assumedUntil || at > assumedUntil) assumedUntil = at;
    },
  };
  const services: ServiceCompliance[] = spans
    .filter((s) => !s.retiredAt)
    .map((s) => withNextSteps(evaluateService(inputAt(s, history, now, options)), s));

  const trend: ComplianceTrendPoint[] = [];
  const today = Date.UTC(now.getUTCFullYear(), now.getUTCMonth(), now.getUTCDate());
  for (let d = options.days - 1; d >= 0; d--) {
    const start = today - d * DAY;
    const at = new Date(Math.min(start + DAY - 1, now.getTime()));
    const results = existing(spans, new Date(start), at).map((s) =>
      evaluateService(inputAt(s, history, at, options)),
    );
    const failing = results.filter((r) => r.verdict === "fail").length;
    const failingByRule: ComplianceTrendPoint["failingByRule"] = {};
    for (const r of results.flatMap((x) => x.rules))
      if (r.verdict === "fail") failingByRule[r.rule] = (failingByRule[r.rule] ?? 0) + 1;
    trend.push({
      day: new Date(start).toISOString().slice(0, 10),
      compliant: results.length - failing,
      failing,
      total: results.length,
      failingByRule,
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
    trendNote: trendNote(assumedUntil),
  };
}

function trendNote(assumedUntil: Date | null): string {
  const base =
    "Each day counts the services that existed that day, judged by what was recorded by its end: backups, management operations, restore drills and the estate's facts (instances, storage replication, tracking database continuity).";
  return assumedUntil
    ? `${base} Estate facts were first recorded after ${assumedUntil.toISOString().slice(0, 10)}: days up to then use the first facts recorded.`
    : base;
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
