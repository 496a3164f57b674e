import { listBackups, parseBackupQuery, requestBackup } from "@/lib/backups";
import { withApi } from "@/lib/http";
import { queryParams } from "@/lib/request";

// Never prerendered: the build must not open the database.
export const dynamic = "force-dynamic";

const FILTERS = ["service", "status", "region", "from", "to", "page", "pageSize"];

/** Backup history: `?service=&status=&region=&from=&to=&page=&pageSize=`. Viewer. */
export const GET = withApi({ role: "viewer", what: "Reading backups" }, async ({ request }) => {
  const query = parseBackupQuery(queryParams(request, FILTERS));
  return Response.json(await listBackups(query), { headers: { "cache-control": "no-store" } });
});

/** Takes a backup now: `{ service, name?, store?, region? }`. Operator; 202 with the queued backup. */
export const POST = withApi({ write: true }, async ({ ctx, body }) =>
  Response.json(await requestBackup(ctx, body), { status: 202 }),
);
