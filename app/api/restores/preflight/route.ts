import { withApi } from "@/lib/http";
import { checkRestore } from "@/lib/restores";

export const dynamic = "force-dynamic";

/** The pre-flight checks for a restore being prepared (changes nothing). Operator. */
export const POST = withApi({ write: true }, async ({ ctx, body }) =>
  Response.json(await checkRestore(ctx, body)),
);
