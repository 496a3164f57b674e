import { withApi } from "@/lib/http";
import { listRestores, requestRestore } from "@/lib/restores";

export const dynamic = "force-dynamic";

/** Recent restores. Viewer. */
export const GET = withApi({ role: "viewer", what: "Reading restores" }, async ({ ctx }) =>
  Response.json(
    { restores: await listRestores(50, ctx.db) },
    { headers: { "cache-control": "no-store" } },
  ),
);

/**
 * Requests a restore: `{ backupId, target, region, edition, trackingDatabase, storage, confirm,
 * idempotencyKey }`. Operator; 202 with the queued restore (the same one again for a repeated key).
 */
export const POST = withApi({ write: true }, async ({ ctx, body }) =>
  Response.json(await requestRestore(ctx, body), { status: 202 }),
);
