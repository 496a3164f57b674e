import { parseOptions, UsageError } from "./usage-error";

export const BACKUP_USAGE = `Backups and management operations
  backup <service> [--name NAME] [--store ID] [--region REGION] [--wait]
      Take a backup now (operator). --wait follows it until it finishes.
  backups [--service ID] [--status STATUS] [--region REGION] [--page N]
      List backups, newest first.
  verify <backup-id>
      Read a backup's archive from its store and check its SHA-256 (operator).
  schedule <service> --every 1d --keep 7d --store ID --region REGION [--after-change] [--off]
      Set a service's backup schedule (admin). --keep must be longer than --every.
  operation <service> <kind> [field=value ...]
      Run a management operation (admin), e.g.
        operation contoso-edi update-ssl-certificate validForDays=397
        operation contoso-edi scale-units units=3
        operation fabrikam-b2b change-agreement agreementId=a1-1 enabled=false`;

export const BACKUP_COMMANDS = ["backup", "backups", "verify", "schedule", "operation"] as const;

export type BackupCommand =
  | { name: "backup"; service: string; input: Record<string, string>; wait: boolean }
  | { name: "backups"; query: Record<string, string> }
  | { name: "verify"; id: string }
  | { name: "schedule"; service: string; input: Record<string, unknown> }
  | { name: "operation"; service: string; input: Record<string, unknown> };

/** `enabled=false` -> false, `units=3` -> 3, `pipeline=decode,encode` -> a list, else the text. */
function fieldValue(text: string): unknown {
  if (text === "true" || text === "false") return text === "true";
  if (/^-?\d+$/.test(text)) return Number(text);
  if (text.includes(",")) return text.split(",").map((s) => s.trim());
  return text;
}

export function parseBackupCommand(argv: string[]): BackupCommand {
  const { values: v, positionals } = parseOptions(argv, {
    name: { type: "string" },
    store: { type: "string" },
    region: { type: "string" },
    service: { type: "string" },
    status: { type: "string" },
    page: { type: "string" },
    every: { type: "string" },
    keep: { type: "string" },
    "after-change": { type: "boolean" },
    off: { type: "boolean" },
    wait: { type: "boolean" },
  });
  const [name, ...rest] = positionals;
  const allowed: Record<string, string[]> = {
    backup: ["name", "store", "region", "wait"],
    backups: ["service", "status", "region", "page"],
    verify: [],
    schedule: ["every", "keep", "store", "region", "after-change", "off"],
    operation: [],
  };
  const extra = Object.keys(v).filter((k) => !allowed[name!]!.includes(k));
  if (extra.length)
    throw new UsageError(`${extra.map((k) => `--${k}`).join(", ")} cannot be used with ${name}.`);
  const defined = (o: Record<string, string | undefined>) =>
    Object.fromEntries(Object.entries(o).filter(([, x]) => x !== undefined)) as Record<
      string,
      string
    >;
  switch (name) {
    case "backup":
      if (rest.length !== 1)
        throw new UsageError("backup needs one service, e.g. backup contoso-edi");
      return {
        name,
        service: rest[0]!,
        input: defined({ name: v.name, store: v.store, region: v.region }),
        wait: Boolean(v.wait),
      };
    case "backups":
      if (rest.length)
        throw new UsageError("backups takes options only, e.g. backups --service contoso-edi");
      return {
        name,
        query: defined({ service: v.service, status: v.status, region: v.region, page: v.page }),
      };
    case "verify":
      if (rest.length !== 1) throw new UsageError("verify needs a backup id (see `backups`).");
      return { name, id: rest[0]! };
    case "schedule": {
      if (rest.length !== 1) throw new UsageError("schedule needs one service.");
      const missing = (["every", "keep", "store", "region"] as const).filter((k) => !v[k]);
      if (missing.length)
        throw new UsageError(
          `schedule needs ${missing.map((k) => `--${k}`).join(", ")}, e.g. --every 1d --keep 7d --store local --region northeurope`,
        );
      return {
        name,
        service: rest[0]!,
        input: {
          frequency: v.every,
          retention: v.keep,
          store: v.store,
          region: v.region,
          afterChange: Boolean(v["after-change"]),
          enabled: !v.off,
        },
      };
    }
    case "operation": {
      const [service, kind, ...fields] = rest;
      if (!service || !kind)
        throw new UsageError(
          "operation needs a service and a kind, e.g. operation contoso-edi scale-units units=3",
        );
      const input: Record<string, unknown> = { kind };
      for (const f of fields) {
        const eq = f.indexOf("=");
        if (eq < 1) throw new UsageError(`${JSON.stringify(f)} is not field=value.`);
        input[f.slice(0, eq)] = fieldValue(f.slice(eq + 1));
      }
      return { name, service, input };
    }
  }
  throw new UsageError(`Unknown command ${JSON.stringify(name)}.`);
}
