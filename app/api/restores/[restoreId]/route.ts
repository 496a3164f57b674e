import { notFound } from "@/lib/errors";
import { withApi } from "@/lib/http";
import { getRestore } from "@/lib/restores";

export const dynamic = "force-dynamic";

/** One restore: step, progress, log and checklist. Viewer. */
export async function GET(
  request: Request,
  { params }: { params: Promise<{ restoreId: string }> },
) {
  const { restoreId } = await params;
  return withApi({ role: "viewer", what: "Reading restores" }, async ({ ctx }) => {
    const restore = await getRestore(restoreId, ctx.db);
    if (!restore) throw notFound(`Restore "${restoreId}"`);
    return Response.json(restore, { headers: { "cache-control": "no-store" } });
  })(request);
}
