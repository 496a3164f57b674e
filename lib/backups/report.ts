/** The compliance report: the pure rules of ./compliance applied to what the store knows. */
import { tables, type Db } from "../db";
import { listOperations } from "../control-plane";
import { readEstate } from "../estate/read";
import type { Estate } from "../estate/types";
import { RULE_TITLE, type ServiceCompliance } from "./compliance-types";
import { evaluateService, type BackupFact, type ComplianceInput } from "./compliance";
import type { ComplianceReport, ComplianceTrendPoint } from "./backup-types";
import type { BackupRecord } from "./runner";
import { inArray } from "drizzle-orm";

const DAY = 86_400_000;
const { backups } = tables;

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

function inputsAt(estate: Estate, history: History, at: Date, rpoMs: number): ComplianceInput[] {
  const byId = new Map(estate.components.map((c) => [c.id, c]));
  return estate.services.map((s) => {
    const parts = s.components.map((l) => byId.get(l.id)).filter((c) => c !== undefined);
    const roles = parts.find((c) => c.kind === "role-instances");
    const storage = parts.find((c) => c.kind === "storage");
    const tracking = parts.find((c) => c.kind === "tracking-database");
    return {
      service: { id: s.id, edition: s.edition, region: s.region },
      instances: roles?.attributes.instances ?? s.units,
      storage: {
        replication: storage?.attributes.replication ?? null,
        secondaryRegion: storage?.attributes.secondaryRegion ?? null,
        syncLagMs: null,
      },
      trackingContinuity: tracking?.attributes.continuity ?? null,
      backups: factsAt(history.backups, s.id, at),
      operations: history.operations
        .filter((o) => o.serviceId === s.id && o.at <= at)
        .map((o) => ({ id: String(o.id), kind: o.kind, summary: o.summary, at: o.at })),
      now: at,
      rpoMs,
    };
  });
}

export async function complianceReport(
  db: Db,
  options: { rpoMs: number; days: number; now?: Date },
): Promise<ComplianceReport> {
  const now = options.now ?? new Date();
  const estate = await readEstate(db);
  const [rows, operations] = await Promise.all([
    db
      .select()
      .from(backups)
      .where(inArray(backups.status, ["succeeded", "pruned", "failed"])),
    listOperations(db, { limit: 100_000 }),
  ]);
  const history: History = { backups: rows, operations };
  const services: ServiceCompliance[] = inputsAt(estate, history, now, options.rpoMs).map(
    evaluateService,
  );

  const trend: ComplianceTrendPoint[] = [];
  const today = Date.UTC(now.getUTCFullYear(), now.getUTCMonth(), now.getUTCDate());
  for (let d = options.days - 1; d >= 0; d--) {
    const start = today - d * DAY;
    const at = new Date(Math.min(start + DAY - 1, now.getTime()));
    const results = inputsAt(estate, history, at, options.rpoMs).map(evaluateService);
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
      "Past days are evaluated from the backups and management operations recorded then, with today's estate facts (instances, storage replication, tracking database continuity).",
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
    ["service", "region", "edition", "overall", "rule", "verdict", "evidence", "items"],
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
      ]);
  return `${lines.map((l) => l.map(cell).join(",")).join("\r\n")}\r\n`;
}
