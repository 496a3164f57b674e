import { connection } from "next/server";
import { withApi } from "@/lib/http";
import { listDeliveries } from "@/lib/incidents/notify";

/** The delivery log, newest first, 50 a page: `?subscription=<id>&status=failed&page=2`. Admin only. */
export const GET = withApi(
  { role: "admin", what: "Reading the delivery log" },
  async ({ ctx, request }) => {
    await connection();
    const params = Object.fromEntries(new URL(request.url).searchParams);
    return Response.json(await listDeliveries(ctx, params), {
      headers: { "cache-control": "no-store" },
    });
  },
);
