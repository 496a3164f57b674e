import { setSchedule } from "@/lib/backups";
import { withApi } from "@/lib/http";

export const dynamic = "force-dynamic";

/**
 * Sets the service's backup schedule: `{ frequency: "1d", retention: "7d", store, region,
 * keepAtLeastOne?, afterChange?, enabled? }`. Admin.
 */
export async function PUT(
  request: Request,
  { params }: { params: Promise<{ serviceId: string }> },
) {
  const { serviceId } = await params;
  return withApi({ write: true }, async ({ ctx, body }) =>
    Response.json(await setSchedule(ctx, serviceId, body)),
  )(request);
}
