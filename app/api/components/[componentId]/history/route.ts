import { mayReadBoard, requireRole } from "@/lib/auth";
import { validationError } from "@/lib/errors";
import { withApi } from "@/lib/http";
import {
  DEFAULT_RANGE,
  HISTORY_RANGES,
  parseHistoryRange,
  readComponentSeries,
} from "@/lib/health";

const ACCEPTED = ["range"];

// Never prerendered: the build must not open the database.
export const dynamic = "force-dynamic";

/** Latency and availability of one component: `?range=24h|7d|30d` (default 24h). */
export async function GET(
  request: Request,
  { params }: { params: Promise<{ componentId: string }> },
): Promise<Response> {
  const { componentId } = await params;
  return withApi({}, async ({ ctx }) => {
    if (!mayReadBoard(ctx.actor))
      requireRole(ctx.actor, "viewer", "This board is not public: its history");
    const query = new URL(request.url).searchParams;
    for (const key of new Set(query.keys())) {
      if (!ACCEPTED.includes(key))
        throw validationError(
          `Unknown query parameter "${key}": this endpoint accepts only range (${HISTORY_RANGES.join(", ")}).`,
          { [key]: ["unknown parameter; accepted: range"] },
        );
    }
    const given = query.getAll("range");
    if (given.length > 1)
      throw validationError("Give range once.", { range: ["given more than once"] });
    const range = given.length ? parseHistoryRange(given[0]) : DEFAULT_RANGE;
    const series = await readComponentSeries(componentId, range, { db: ctx.db });
    return Response.json(series, { headers: { "cache-control": "no-store" } });
  })(request);
}
