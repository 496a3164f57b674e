import { connection } from "next/server";
import { withApi } from "@/lib/http";
import { clearFaults, injectFault, listFaults } from "@/lib/health";

/** Fault injection for simulated components. Admin only: send an admin API token as a Bearer token. */
export const POST = withApi({ write: true }, async ({ ctx, body }) =>
  Response.json(await injectFault(ctx, body), { status: 201 }),
);

export const DELETE = withApi({ write: true }, async ({ ctx, body }) =>
  Response.json(await clearFaults(ctx, body)),
);

export const GET = withApi({ role: "admin", what: "Listing faults" }, async ({ ctx }) => {
  await connection();
  const faults = await listFaults(ctx.db);
  return Response.json({
    faults: faults.map((f) => ({
      component: f.componentId,
      ...f.fault,
      createdAt: f.createdAt,
      createdBy: f.createdBy,
    })),
  });
});
