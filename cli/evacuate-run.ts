import type { EvacuationPlan, EvacuationOutcome } from "../lib/restores";
import type { EvacuateCommand } from "./evacuate-args";

type Call = (method: string, route: string, body?: unknown) => Promise<unknown>;

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
  const route = `/api/regions/${encodeURIComponent(command.region)}/evacuation`;
  const plan = (await call("GET", route)) as EvacuationPlan;
  if (!command.start) return command.json ? JSON.stringify(plan, null, 2) : planText(plan);
  const rows = plan.rows.flatMap((r) =>
    r.backup && r.target
      ? [
          {
            serviceId: r.serviceId,
            backupId: r.backup.id,
            target: r.target.name,
            region: r.target.region,
            trackingDatabase: r.target.trackingDatabase,
            storage: r.target.storage,
          },
        ]
      : [],
  );
  if (rows.length === 0)
    throw new Error(`nothing in ${command.region} can be restored: ${planText(plan)}`);
  const { restores } = (await call("POST", route, { confirm: command.region, rows })) as {
    restores: EvacuationOutcome[];
  };
  if (command.json) return JSON.stringify(restores, null, 2);
  return restores
    .map((o) =>
      o.restoreId
        ? `${o.serviceId}: restoring into ${o.target} (restore ${o.restoreId})`
        : `${o.serviceId}: REFUSED: ${o.error}`,
    )
    .join("\n");
}
