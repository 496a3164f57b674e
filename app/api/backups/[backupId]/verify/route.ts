import { verifyBackup } from "@/lib/backups";
import { withApi } from "@/lib/http";

export const dynamic = "force-dynamic";

/** Reads the archive from its store and checks its SHA-256. Operator. */
export async function POST(
  request: Request,
  { params }: { params: Promise<{ backupId: string }> },
) {
  const { backupId } = await params;
  return withApi({ write: true }, async ({ ctx }) =>
    Response.json(await verifyBackup(ctx, backupId)),
  )(request);
}
