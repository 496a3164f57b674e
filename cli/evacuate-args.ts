import { parseArgs } from "node:util";
import { UsageError } from "./usage-error";

export const EVACUATE_USAGE = `Disaster recovery
  evacuate <region> --plan [--json]
      The plan for evacuating a lost region: each of its services with the newest good
      backup held in another region, a healthy target region and names, and what the
      restore will not bring back; services without an off-region backup first.`;

export type EvacuateCommand = { name: "evacuate"; region: string; json: boolean };

export function parseEvacuateCommand(argv: string[]): EvacuateCommand {
  let parsed;
  try {
    parsed = parseArgs({
      args: argv,
      allowPositionals: true,
      strict: true,
      options: { plan: { type: "boolean" }, json: { type: "boolean" } },
    });
  } catch (error) {
    throw new UsageError((error as Error).message);
  }
  const [, region, ...rest] = parsed.positionals;
  if (!region || rest.length)
    throw new UsageError("evacuate needs one region, e.g. evacuate westeurope --plan");
  if (!parsed.values.plan)
    throw new UsageError("evacuate needs --plan: it prints the plan and changes nothing.");
  return { name: "evacuate", region, json: parsed.values.json ?? false };
}
