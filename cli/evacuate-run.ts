import type { EvacuationPlan } from "../lib/restores/evacuation-plan";
import type { EvacuateCommand } from "./evacuate-args";

type Call = (method: string, route: string) => Promise<unknown>;

/** The plan as lines a person reads in a terminal: risks first, then each restore to start. */
export function planText(plan: EvacuationPlan): string {
  const head = `Evacuating ${plan.region.name} (${plan.region.id}, ${plan.region.status}): ${plan.rows.length} service(s); healthy regions: ${plan.candidates.map((r) => r.id).join(", ") || "none"}`;
  const rows = plan.rows.map((r) =>
    r.target && r.backup
      ? `  ${r.serviceId}: restore ${r.backup.name} (held in ${r.backup.region}, ${r.backup.finishedAt}) into ${r.target.name} in ${r.target.region} (${r.target.regionStatus})`
      : `  ${r.serviceId}: AT RISK: ${r.risk}`,
  );
  const caveats = plan.rows[0]
    ? ["Not brought back by a restore:", ...plan.rows[0].notRestored.map((n) => `  - ${n}`)]
    : [];
  return [head, ...rows, ...caveats].join("\n");
}

export async function runEvacuateCommand(command: EvacuateCommand, call: Call): Promise<string> {
  const plan = (await call(
    "GET",
    `/api/regions/${encodeURIComponent(command.region)}/evacuation`,
  )) as EvacuationPlan;
  return command.json ? JSON.stringify(plan, null, 2) : planText(plan);
}
