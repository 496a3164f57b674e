import { withApi } from "@/lib/http";
import { sendTest } from "@/lib/incidents/notify";

/** POST `{ id }`: sends a test message to the subscription now and answers with the outcome. Admin only. */
export const POST = withApi({ write: true }, async ({ ctx, body }) =>
  Response.json(await sendTest(ctx, body), { headers: { "cache-control": "no-store" } }),
);
