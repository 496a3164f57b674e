import { setDrillSchedule } from "@/lib/drills";
import { withApi } from "@/lib/http";

export const dynamic = "force-dynamic";

/** Sets the service's drill schedule: `{ everyDays: 1..365 | null }` (null: off). Admin. */
export async function PUT(
  request: Request,
  { params }: { params: Promise<{ serviceId: string }> },
) {
  const { serviceId } = await params;
  return withApi({ write: true }, async ({ ctx, body }) =>
    Response.json({ schedule: await setDrillSchedule(ctx, serviceId, body) }),
  )(request);
}
