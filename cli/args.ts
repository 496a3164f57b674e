import {
  BACKUP_COMMANDS,
  BACKUP_USAGE,
  parseBackupCommand,
  type BackupCommand,
} from "./backup-args";
import { EVACUATE_USAGE, parseEvacuateCommand, type EvacuateCommand } from "./evacuate-args";
import { DRILL_USAGE, parseDrillCommand, type DrillCommand } from "./drill-args";
import { parseOptions, UsageError } from "./usage-error";

export { UsageError };

export const USAGE = `Usage: npm run standfast -- <command> [options]

Commands
  simulate <component> <status> [--for 10m] [--instances N] [--reason TEXT]
      Inject a fault into a simulated component. <status> is one of operational,
      under_maintenance, degraded_performance, partial_outage, major_outage, or
      silent (the source stops answering, so the component turns unknown).
      --instances N takes N role instances down (role-instances components only).
  simulate --clear [<component>]
      Clear the fault on one component, or every fault.
  faults
      List the faults in force.
  status
      Print the overall status and every component that is not operational.
  create-admin --email ADDRESS --name NAME [--password-stdin]
      Create an admin who signs in with e-mail and password: the first one, or another.
      Without --password-stdin a password is generated and printed once.

${BACKUP_USAGE}
${EVACUATE_USAGE}
${DRILL_USAGE}

Environment
  STANDFAST_URL    the running app (default http://localhost:3000)
  STANDFAST_TOKEN  an admin API token (default: read from <STANDFAST_DATA_DIR>/admin-token,
                   which the app writes on start; STANDFAST_DATA_DIR defaults to .standfast)`;

export type Command =
  | {
      name: "simulate";
      component: string;
      status: string;
      for?: string;
      instances?: number;
      reason?: string;
    }
  | { name: "clear"; component?: string }
  | { name: "faults" }
  | { name: "status" }
  | { name: "create-admin"; email: string; userName: string; passwordFromStdin: boolean }
  | { name: "help" }
  | BackupCommand
  | EvacuateCommand
  | DrillCommand;

export function parseCommand(argv: string[]): Command {
  const first = argv.find((a) => !a.startsWith("-"));
  if ((BACKUP_COMMANDS as readonly string[]).includes(first ?? "")) return parseBackupCommand(argv);
  if (first === "evacuate") return parseEvacuateCommand(argv);
  if (first === "drill") return parseDrillCommand(argv);
  const { values, positionals } = parseOptions(argv, {
    for: { type: "string" },
    instances: { type: "string" },
    reason: { type: "string" },
    clear: { type: "boolean" },
    email: { type: "string" },
    name: { type: "string" },
    "password-stdin": { type: "boolean" },
    help: { type: "boolean", short: "h" },
  });
  const [name, ...rest] = positionals;
  if (values.help || !name || name === "help") return { name: "help" };
  // An option the command does not use is a mistake to report, not to ignore.
  type Option = "for" | "instances" | "reason" | "clear" | "email" | "name" | "password-stdin";
  const refuseOptions = (options: Option[], what: string) => {
    const given = options.filter((o) => values[o] !== undefined);
    if (given.length)
      throw new UsageError(
        `${given.map((o) => `--${o}`).join(", ")} cannot be used with ${what}: ` +
          `--for, --instances and --reason go with simulate <component> <status>, --clear with simulate, ` +
          `--email, --name and --password-stdin with create-admin.`,
      );
  };
  const userOptions: Option[] = ["email", "name", "password-stdin"];
  if (name === "create-admin") {
    if (rest.length)
      throw new UsageError("create-admin takes no arguments: use --email and --name.");
    refuseOptions(["for", "instances", "reason", "clear"], name);
    if (!values.email || !values.name)
      throw new UsageError(
        'create-admin needs --email and --name, e.g. create-admin --email ada@example.com --name "Ada Lovelace"',
      );
    return {
      name,
      email: values.email,
      userName: values.name,
      passwordFromStdin: values["password-stdin"] ?? false,
    };
  }
  if (name === "simulate") {
    refuseOptions(userOptions, "simulate");
    if (values.clear) {
      if (rest.length > 1) throw new UsageError("simulate --clear takes at most one component.");
      refuseOptions(["for", "instances", "reason"], "simulate --clear");
      return { name: "clear", component: rest[0] };
    }
    if (rest.length !== 2)
      throw new UsageError(
        "simulate needs a component and a status, e.g. simulate contoso-edi.roles major_outage --for 10m",
      );
    let instances: number | undefined;
    if (values.instances !== undefined) {
      instances = /^\d+$/.test(values.instances) ? Number(values.instances) : NaN;
      if (!Number.isInteger(instances) || instances < 1)
        throw new UsageError(
          `--instances must be a whole number of at least 1 (got ${JSON.stringify(values.instances)}).`,
        );
    }
    return {
      name: "simulate",
      component: rest[0]!,
      status: rest[1]!,
      for: values.for,
      instances,
      reason: values.reason,
    };
  }
  if (name === "faults" || name === "status") {
    if (rest.length) throw new UsageError(`${name} takes no arguments.`);
    refuseOptions(["for", "instances", "reason", "clear", ...userOptions], name);
    return { name };
  }
  throw new UsageError(`Unknown command ${JSON.stringify(name)}.`);
}
