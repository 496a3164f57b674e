import { getServiceBackups } from "@/lib/backups";
import { notFound } from "@/lib/errors";
import { withApi } from "@/lib/http";

export const dynamic = "force-dynamic";

/** A service's last backups, schedule and management operations. Viewer. */
export async function GET(
  request: Request,
  { params }: { params: Promise<{ serviceId: string }> },
) {
  const { serviceId } = await params;
  return withApi({ role: "viewer", what: "Reading backups" }, async ({ ctx }) => {
    const view = await getServiceBackups(serviceId, ctx.db);
    if (!view) throw notFound(`Service "${serviceId}"`);
    return Response.json(view, { headers: { "cache-control": "no-store" } });
  })(request);
}
