import { connection } from "next/server";
import { withApi } from "@/lib/http";
import { createSubscription, deleteSubscription, listSubscriptions } from "@/lib/incidents/notify";

const noStore = { "cache-control": "no-store" };

/**
 * Notification subscriptions. Admin only. POST `{ kind, name, target, services?, components?,
 * minImpact?, events? }` answers 201 with the subscription and, for a webhook, its signing
 * secret: the only time it is shown.
 */
export const POST = withApi({ write: true }, async ({ ctx, body }) =>
  Response.json(await createSubscription(ctx, body), { status: 201, headers: noStore }),
);

/** DELETE `{ id }`: stops the subscription; what it had waiting is cancelled. */
export const DELETE = withApi({ write: true }, async ({ ctx, body }) =>
  Response.json(await deleteSubscription(ctx, body), { headers: noStore }),
);

export const GET = withApi({ role: "admin", what: "Listing subscriptions" }, async ({ ctx }) => {
  await connection();
  return Response.json({ subscriptions: await listSubscriptions(ctx) }, { headers: noStore });
});
