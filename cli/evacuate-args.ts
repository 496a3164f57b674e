import { oneArgument, parseOptions, UsageError } from "./usage-error";

export const EVACUATE_USAGE = `Disaster recovery
  evacuate <region> --plan [--json]
      The plan for evacuating a lost region: each of its services with the newest good
      backup held in another region, a healthy target region and names, and what the
      restore will not bring back; services without an off-region backup first.
  evacuate <region> --start --confirm <region> [--json]
      Start that plan (operator): one restore per service that can be restored, each
      once however often this is run; prints each restore or why it was refused.`;

export type EvacuateCommand = {
  name: "evacuate";
  region: string;
  json: boolean;
  /** Start the plan (the confirmation given matched the region), or only print it. */
  start: boolean;
};

export function parseEvacuateCommand(argv: string[]): EvacuateCommand {
  const parsed = parseOptions(argv, {
    plan: { type: "boolean" },
    start: { type: "boolean" },
    confirm: { type: "string" },
    json: { type: "boolean" },
  });
  const region = oneArgument(
    parsed.positionals,
    "evacuate needs one region, e.g. evacuate westeurope --plan",
  );
  const { plan, start, confirm, json = false } = parsed.values;
  if (plan && start) throw new UsageError("evacuate takes --plan or --start, not both.");
  if (start) {
    if (confirm !== region)
      throw new UsageError(
        `evacuate --start restores every service of ${region}: confirm with --confirm ${region}.`,
      );
    return { name: "evacuate", region, json, start: true };
  }
  if (!plan)
    throw new UsageError(
      "evacuate needs --plan (prints the plan, changes nothing) or --start --confirm <region>.",
    );
  if (confirm !== undefined) throw new UsageError("--confirm goes with --start.");
  return { name: "evacuate", region, json, start: false };
}
