import { connection } from "next/server";
import { createLocalUser, listUsers } from "@/lib/auth";
import { withApi } from "@/lib/http";

/** Creates a local user: `{ email, name, role, password? }`. Admin only; without a password one is generated and returned once. */
export const POST = withApi({ write: true }, async ({ ctx, body }) =>
  Response.json(await createLocalUser(ctx, body), {
    status: 201,
    headers: { "cache-control": "no-store" },
  }),
);

/** Every user, with role and whether they are disabled. Admin only. */
export const GET = withApi({ role: "admin", what: "Listing users" }, async ({ ctx }) => {
  await connection();
  return Response.json(
    { users: await listUsers(ctx) },
    { headers: { "cache-control": "no-store" } },
  );
});
