import { getBackup } from "@/lib/backups";
import { notFound } from "@/lib/errors";
import { withApi } from "@/lib/http";

export const dynamic = "force-dynamic";

/** One backup with its manifest, progress and operation log. Viewer. */
export async function GET(request: Request, { params }: { params: Promise<{ backupId: string }> }) {
  const { backupId } = await params;
  return withApi({ role: "viewer", what: "Reading backups" }, async ({ ctx }) => {
    const backup = await getBackup(backupId, ctx.db);
    if (!backup) throw notFound(`Backup "${backupId}"`);
    return Response.json(backup, { headers: { "cache-control": "no-store" } });
  })(request);
}
