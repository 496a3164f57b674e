import { getBoard, type Status } from "@/lib/health";
import { withApi } from "@/lib/http";
import { queryParams } from "@/lib/http/query";
import { readEvacuationPlan } from "@/lib/restores";

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
    const board = await getBoard(ctx.db);
    const status = new Map<string, Status>(board.regions.map((r) => [r.id, r.status]));
    const plan = await readEvacuationPlan(ctx, regionId, (id) => status.get(id) ?? "unknown");
    return Response.json(plan, { headers: { "cache-control": "no-store" } });
  })(request);
}
