import { getComplianceReport, parseDays } from "@/lib/backups";
import { withApi } from "@/lib/http";
import { queryParams } from "@/lib/request";

export const dynamic = "force-dynamic";

/** The compliance report with its trend: `?days=30|90`. Viewer. */
export const GET = withApi(
  { role: "viewer", what: "Reading the compliance report" },
  async ({ ctx, request }) => {
    const { days } = queryParams(request, ["days"]);
    return Response.json(await getComplianceReport(parseDays(days), ctx.db), {
      headers: { "cache-control": "no-store" },
    });
  },
);
