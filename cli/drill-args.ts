import { oneArgument, parseOptions, UsageError } from "./usage-error";

export const DRILL_USAGE = `Restore drills
  drill <service> [--backup <id>] [--wait] [--json]
      Restore a backup of the service (default: its newest good one) into a sandbox no
      client sees, check the restored configuration's SHA-256 against the backup's, and
      remove the sandbox (operator). --wait waits for the outcome and prints it with the
      RTO (request to ready).`;

export type DrillCommand = {
  name: "drill";
  service: string;
  backupId?: string;
  wait: boolean;
  json: boolean;
};

export function parseDrillCommand(argv: string[]): DrillCommand {
  const parsed = parseOptions(argv, {
    backup: { type: "string" },
    wait: { type: "boolean" },
    json: { type: "boolean" },
  });
  const service = oneArgument(
    parsed.positionals,
    "drill needs one service, e.g. drill contoso-edi --wait",
  );
  const { backup, wait = false, json = false } = parsed.values;
  if (backup !== undefined && !/^[0-9a-f-]{36}$/i.test(backup))
    throw new UsageError(`--backup takes a backup id (a UUID), not "${backup}".`);
  return { name: "drill", service, wait, json, ...(backup ? { backupId: backup } : {}) };
}
