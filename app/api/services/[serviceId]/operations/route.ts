import { runOperation } from "@/lib/backups";
import { withApi } from "@/lib/http";

export const dynamic = "force-dynamic";

/**
 * Runs a management operation on the service's configuration, e.g.
 * `{ "kind": "update-ssl-certificate", "validForDays": 397 }`. Admin; 201 with the recorded operation.
 */
export async function POST(
  request: Request,
  { params }: { params: Promise<{ serviceId: string }> },
) {
  const { serviceId } = await params;
  return withApi({ write: true }, async ({ ctx, body }) =>
    Response.json(await runOperation(ctx, serviceId, body), { status: 201 }),
  )(request);
}
