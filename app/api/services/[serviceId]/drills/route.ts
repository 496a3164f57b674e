import { getServiceDrills, requestDrill } from "@/lib/drills";
import { notFound } from "@/lib/errors";
import { withApi } from "@/lib/http";

export const dynamic = "force-dynamic";

/** A service's restore drills, newest first, and its drill schedule. Viewer. */
export async function GET(
  request: Request,
  { params }: { params: Promise<{ serviceId: string }> },
) {
  const { serviceId } = await params;
  return withApi({ role: "viewer", what: "Reading restore drills" }, async ({ ctx }) => {
    const view = await getServiceDrills(serviceId, ctx.db);
    if (!view) throw notFound(`Service "${serviceId}"`);
    return Response.json(view, { headers: { "cache-control": "no-store" } });
  })(request);
}

/**
 * Requests a restore drill: `{ backupId? }` (default: the newest succeeded backup). A drill
 * already in flight for the service is answered instead of a second one. Operator.
 */
export async function POST(
  request: Request,
  { params }: { params: Promise<{ serviceId: string }> },
) {
  const { serviceId } = await params;
  return withApi({ write: true }, async ({ ctx, body }) =>
    Response.json(await requestDrill(ctx, serviceId, body), { status: 202 }),
  )(request);
}
