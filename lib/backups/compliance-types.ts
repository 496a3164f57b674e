/** Client-safe shapes of the compliance report. */
export const RULES = [
  "rpo",
  "after-change",
  "offsite",
  "storage-geo",
  "tracking-continuity",
  "high-availability",
  "edition",
  "restorable",
] as const;
export type RuleId = (typeof RULES)[number];
export type Verdict = "pass" | "fail" | "not_applicable";

export const RULE_TITLE: Record<RuleId, string> = {
  rpo: "Backed up within the RPO",
  "after-change": "Backed up after every management operation",
  offsite: "A copy in another region",
  "storage-geo": "Storage account geo-replicated",
  "tracking-continuity": "Tracking database has its own continuity",
  "high-availability": "At least two role instances",
  edition: "Edition supports backups",
  restorable: "A restore drill succeeded lately",
};

/** What fixes a failing rule, the same for every viewer (the API and CSV carry it); see ./next-steps. */
export type NextStep = {
  action: string;
  label: string;
  /** The role the action needs; null when it is done outside Standfast. */
  role: "viewer" | "operator" | "admin" | null;
  /** The page whose form does it; null outside Standfast or in a state that forbids it. */
  href: string | null;
  /** Why there is no link, or what to do outside Standfast. */
  note: string | null;
};

export type RuleResult = {
  rule: RuleId;
  verdict: Verdict;
  evidence: string;
  items?: string[];
  /** Present on failing rules in the report. */
  nextSteps?: NextStep[];
};
export type ServiceCompliance = {
  service: string;
  region: string;
  edition: string;
  verdict: Verdict;
  rules: RuleResult[];
};
