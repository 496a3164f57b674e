import { complianceCsv, getComplianceReport } from "@/lib/backups";
import { withApi } from "@/lib/http";
import { queryParams } from "@/lib/request";

export const dynamic = "force-dynamic";

/** The compliance report as CSV: one row per service and rule, with the evidence. Viewer. */
export const GET = withApi(
  { role: "viewer", what: "Exporting the compliance report" },
  async ({ ctx, request }) => {
    queryParams(request, []);
    const report = await getComplianceReport(30, ctx.db);
    return new Response(complianceCsv(report), {
      headers: {
        "content-type": "text/csv; charset=utf-8",
        "content-disposition": `attachment; filename="standfast-compliance-${report.generatedAt.slice(0, 10)}.csv"`,
        "cache-control": "no-store",
      },
    });
  },
);
