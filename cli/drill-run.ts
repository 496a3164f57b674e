import { formatRto, type DrillView } from "../lib/drills/drill-types";
import type { DrillCommand } from "./drill-args";

type Call = (method: string, route: string, body?: unknown) => Promise<unknown>;

const POLL_MS = 500;
const WAIT_LIMIT_MS = 15 * 60_000;

export function drillText(d: DrillView): string {
  const head = `${d.serviceId}: drill ${d.id} of ${d.backupName}: ${d.status}`;
  if (d.status === "queued" || d.status === "running") return head;
  return `${head}, RTO ${formatRto(d.rtoMs)}${d.reason ? `\n  ${d.reason}` : ""}`;
}

/** Requests the drill; with --wait, polls the service's drills until this one has an outcome. */
export async function runDrillCommand(command: DrillCommand, call: Call): Promise<string> {
  const route = `/api/services/${encodeURIComponent(command.service)}/drills`;
  let drill = (await call(
    "POST",
    route,
    command.backupId ? { backupId: command.backupId } : {},
  )) as DrillView;
  const started = Date.now();
  while (command.wait && (drill.status === "queued" || drill.status === "running")) {
    if (Date.now() - started > WAIT_LIMIT_MS)
      throw new Error(`drill ${drill.id} has no outcome after 15 minutes: ${drillText(drill)}`);
    await new Promise((resolve) => setTimeout(resolve, POLL_MS));
    const { drills } = (await call("GET", route)) as { drills: DrillView[] };
    drill = drills.find((d) => d.id === drill.id) ?? drill;
  }
  const text = command.json ? JSON.stringify(drill, null, 2) : drillText(drill);
  // A failed drill is an error exit, so a script running drills notices.
  if (command.wait && drill.status === "failed") throw new Error(text);
  return text;
}
