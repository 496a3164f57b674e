import { withApi } from "@/lib/http";
import { queryParams } from "@/lib/request";
import { evacuationPlan, startEvacuation } from "@/lib/restores";

// Never prerendered: the build must not open the database.
export const dynamic = "force-dynamic";

/**
 * The plan for evacuating a region: each of its services with the newest good backup held
 * elsewhere, a healthy target region and names, what will not come back, risks first. Viewer.
 */
export async function GET(
  request: Request,
  { params }: { params: Promise<{ regionId: string }> },
): Promise<Response> {
  const { regionId } = await params;
  return withApi({}, async ({ ctx }) => {
    queryParams(request, []);
    const plan = await evacuationPlan(ctx, regionId);
    return Response.json(plan, { headers: { "cache-control": "no-store" } });
  })(request);
}

/**
 * Starts the evacuation: `{ confirm: "<region>", rows: [{ serviceId, backupId, target, region,
 * trackingDatabase, storage }] }`. Operator. 202 with each row's restore (the same ones again
 * when started twice) or the reason it was refused.
 */
export async function POST(
  request: Request,
  { params }: { params: Promise<{ regionId: string }> },
): Promise<Response> {
  const { regionId } = await params;
  return withApi({ write: true }, async ({ ctx, body }) =>
    Response.json({ restores: await startEvacuation(ctx, regionId, body) }, { status: 202 }),
  )(request);
}
