/** The backup rules of the domain brief, as pure functions of plain data. */
import { formatAge } from "../time";
import { GEO_REPLICATED, type Continuity, type Edition, type Replication } from "../estate/types";
import type { RuleResult, ServiceCompliance, Verdict } from "./compliance-types";

export type BackupFact = {
  name: string;
  region: string;
  good: boolean;
  startedAt: Date;
  finishedAt: Date | null;
};
export type OperationFact = { id: string; kind: string; summary: string; at: Date };
/** A finished restore drill of the service (see lib/drills). */
export type DrillFact = {
  backupName: string;
  succeeded: boolean;
  finishedAt: Date;
  rtoMs: number | null;
  reason: string | null;
};

export type ComplianceInput = {
  service: { id: string; edition: Edition; region: string };
  instances: number;
  storage: {
    replication: Replication | null;
    secondaryRegion: string | null;
    syncLagMs: number | null;
  };
  trackingContinuity: Continuity | null;
  backups: BackupFact[];
  operations: OperationFact[];
  drills: DrillFact[];
  now: Date;
  rpoMs: number;
  /** A drill must have succeeded within this long for the "restorable" rule. */
  drillWithinMs: number;
};

const supportsBackup = (edition: Edition) => edition !== "developer";
const good = (backups: BackupFact[]) =>
  backups
    .filter((b) => b.good && b.finishedAt)
    .sort((a, b) => b.finishedAt!.getTime() - a.finishedAt!.getTime());

export function rpoRule(i: ComplianceInput): RuleResult {
  if (!supportsBackup(i.service.edition))
    return {
      rule: "rpo",
      verdict: "not_applicable",
      evidence: "the developer edition cannot be backed up",
    };
  const last = good(i.backups)[0];
  const target = formatAge(i.rpoMs);
  if (!last)
    return {
      rule: "rpo",
      verdict: "fail",
      evidence: `no good backup at all (target: every ${target})`,
    };
  const age = i.now.getTime() - last.finishedAt!.getTime();
  return {
    rule: "rpo",
    verdict: age <= i.rpoMs ? "pass" : "fail",
    evidence: `last good backup ${last.name} is ${formatAge(age)} old (target: ${target})`,
  };
}

/** Every management operation must be followed by a good backup that started after it. */
export function afterChangeRule(i: ComplianceInput): RuleResult {
  if (!supportsBackup(i.service.edition))
    return {
      rule: "after-change",
      verdict: "not_applicable",
      evidence: "the developer edition cannot be backed up",
    };
  if (i.operations.length === 0)
    return {
      rule: "after-change",
      verdict: "not_applicable",
      evidence: "no management operations recorded",
    };
  const starts = good(i.backups).map((b) => b.startedAt.getTime());
  const uncovered = i.operations.filter((op) => !starts.some((s) => s >= op.at.getTime()));
  if (uncovered.length === 0) {
    return {
      rule: "after-change",
      verdict: "pass",
      evidence:
        i.operations.length === 1
          ? "the management operation was followed by a good backup"
          : `all ${i.operations.length} management operations were followed by a good backup`,
    };
  }
  return {
    rule: "after-change",
    verdict: "fail",
    evidence:
      i.operations.length === 1
        ? "the management operation has no good backup after it"
        : `${uncovered.length} of ${i.operations.length} management operations have no good backup after them`,
    items: uncovered.map((op) => `${op.at.toISOString()} ${op.kind}: ${op.summary}`),
  };
}

export function offsiteRule(i: ComplianceInput): RuleResult {
  if (!supportsBackup(i.service.edition))
    return {
      rule: "offsite",
      verdict: "not_applicable",
      evidence: "the developer edition cannot be backed up",
    };
  const elsewhere = good(i.backups).find((b) => b.region !== i.service.region);
  return elsewhere
    ? {
        rule: "offsite",
        verdict: "pass",
        evidence: `good backup ${elsewhere.name} is stored in ${elsewhere.region}`,
      }
    : {
        rule: "offsite",
        verdict: "fail",
        evidence: `no good backup is stored outside ${i.service.region}`,
      };
}

export function storageGeoRule(i: ComplianceInput): RuleResult {
  const { replication, secondaryRegion, syncLagMs } = i.storage;
  if (!replication)
    return {
      rule: "storage-geo",
      verdict: "fail",
      evidence: "the storage account's replication is not known",
    };
  if (!GEO_REPLICATED.includes(replication)) {
    return {
      rule: "storage-geo",
      verdict: "fail",
      evidence: `${replication} keeps no copy in another region (use GRS, RA-GRS, GZRS or RA-GZRS)`,
    };
  }
  const lag = syncLagMs === null ? "sync lag unknown" : `secondary ${formatAge(syncLagMs)} behind`;
  return {
    rule: "storage-geo",
    verdict: "pass",
    evidence: `${replication}${secondaryRegion ? ` to ${secondaryRegion}` : ""}; ${lag}`,
  };
}

export function trackingContinuityRule(i: ComplianceInput): RuleResult {
  const c = i.trackingContinuity;
  if (!c || c === "none") {
    return {
      rule: "tracking-continuity",
      verdict: "fail",
      evidence: "no geo-restore or geo-replication configured for the tracking database",
    };
  }
  return { rule: "tracking-continuity", verdict: "pass", evidence: `${c} configured` };
}

export function highAvailabilityRule(i: ComplianceInput): RuleResult {
  if (i.service.edition === "developer") {
    return {
      rule: "high-availability",
      verdict: "not_applicable",
      evidence: "the developer edition runs one instance and has no SLA",
    };
  }
  return i.instances >= 2
    ? { rule: "high-availability", verdict: "pass", evidence: `${i.instances} role instances` }
    : {
        rule: "high-availability",
        verdict: "fail",
        evidence: `${i.instances} role instance: a single failure takes the service down`,
      };
}

export function editionRule(i: ComplianceInput): RuleResult {
  return supportsBackup(i.service.edition)
    ? {
        rule: "edition",
        verdict: "pass",
        evidence: `the ${i.service.edition} edition supports backup and restore`,
      }
    : {
        rule: "edition",
        verdict: "fail",
        evidence: "the developer edition cannot be backed up or restored: move to basic or higher",
      };
}

/** A backup is only known to be restorable once a drill restored it: one must have succeeded lately. */
export function restorableRule(i: ComplianceInput): RuleResult {
  if (!supportsBackup(i.service.edition))
    return {
      rule: "restorable",
      verdict: "not_applicable",
      evidence: "the developer edition cannot be backed up, so there is nothing to drill",
    };
  const target = `target: a drill that succeeded within ${formatAge(i.drillWithinMs)}`;
  const done = i.drills
    .filter((d) => d.finishedAt <= i.now)
    .sort((a, b) => b.finishedAt.getTime() - a.finishedAt.getTime());
  const lastGood = done.find((d) => d.succeeded);
  const ago = (d: DrillFact) => formatAge(i.now.getTime() - d.finishedAt.getTime());
  if (lastGood && i.now.getTime() - lastGood.finishedAt.getTime() <= i.drillWithinMs) {
    const rto = lastGood.rtoMs === null ? "" : `, ready in ${formatAge(lastGood.rtoMs)}`;
    return {
      rule: "restorable",
      verdict: "pass",
      evidence: `a drill restored ${lastGood.backupName} ${ago(lastGood)} ago${rto} (${target})`,
    };
  }
  const last = done[0];
  const items =
    last && !last.succeeded
      ? [
          `${last.finishedAt.toISOString()} drill of ${last.backupName} failed: ${last.reason ?? "no reason recorded"}`,
        ]
      : undefined;
  const evidence = lastGood
    ? `the last drill that succeeded was ${ago(lastGood)} ago (${target})`
    : last
      ? `no drill has succeeded; the last one failed ${ago(last)} ago (${target})`
      : `no restore drill has been run (${target})`;
  return { rule: "restorable", verdict: "fail", evidence, ...(items ? { items } : {}) };
}

export function evaluateService(i: ComplianceInput): ServiceCompliance {
  const rules = [
    rpoRule,
    afterChangeRule,
    offsiteRule,
    storageGeoRule,
    trackingContinuityRule,
    highAvailabilityRule,
    editionRule,
    restorableRule,
  ].map((r) => r(i));
  const verdict: Verdict = rules.some((r) => r.verdict === "fail") ? "fail" : "pass";
  return {
    service: i.service.id,
    region: i.service.region,
    edition: i.service.edition,
    verdict,
    rules,
  };
}
