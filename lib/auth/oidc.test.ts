import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { OIDC_ACCOUNTS, OIDC_CLIENT, startOidcProvider } from "../../e2e/oidc-provider.mjs";
import { tables } from "../db";
import { createTestDatabase, ENGINES } from "../../testing/db";
import type { Database } from "../db/types";
import type { StandfastAuth } from "./better-auth";
import { signInWithOidc } from "../../testing/oidc-flow";
import { sessionActor } from "./session";
import { addUser, cookieHeader, createTestAuth, TEST_BASE_URL } from "../../testing/auth";

describe.each(ENGINES)("OIDC sign-in against a loopback provider on %s", (engine) => {
  let database: Database;
  let auth: StandfastAuth;
  let provider: Awaited<ReturnType<typeof startOidcProvider>>;
  const accounts = structuredClone(OIDC_ACCOUNTS);

  beforeAll(async () => {
    provider = await startOidcProvider({
      redirectUris: [`${TEST_BASE_URL}/api/auth/callback/oidc`],
      accounts,
    });
    database = await createTestDatabase(engine);
    auth = createTestAuth(database, {
      STANDFAST_OIDC_ISSUER: provider.issuer,
      STANDFAST_OIDC_CLIENT_ID: OIDC_CLIENT.id,
      STANDFAST_OIDC_CLIENT_SECRET: OIDC_CLIENT.secret,
      STANDFAST_OIDC_ROLE_MAP:
        "Standfast.Admin=admin,Standfast.Operator=operator,Standfast.Viewer=viewer",
      STANDFAST_SIGN_IN_LIMIT: "100/1m",
    });
  });
  afterAll(async () => {
    await database?.close();
    await provider?.close();
  });

  const userByEmail = async (email: string) =>
    (await database.db.select().from(tables.users)).find((u) => u.email === email);

  it("authorize -> login -> callback gives a session with the role the claim maps to", async () => {
    const callback = await signInWithOidc(auth, "otto.operator");
    expect(callback.status).toBe(302);
    expect(callback.headers.get("location")).toBe("/");
    const actor = await sessionActor(new Headers({ cookie: cookieHeader(callback) }), auth);
    expect(actor).toMatchObject({ kind: "user", name: "Otto Operator", role: "operator" });
    expect(await userByEmail("otto@idp.example")).toMatchObject({
      role: "operator",
      roleSource: "oidc",
    });
  });

  it("takes the highest role of several, and follows the provider when it changes", async () => {
    accounts["vera.viewer"]!.roles = ["Standfast.Viewer"];
    let callback = await signInWithOidc(auth, "vera.viewer");
    expect((await userByEmail("vera@idp.example"))?.role).toBe("viewer");
    accounts["vera.viewer"]!.roles = ["Standfast.Viewer", "Standfast.Admin"];
    callback = await signInWithOidc(auth, "vera.viewer");
    const actor = await sessionActor(new Headers({ cookie: cookieHeader(callback) }), auth);
    expect(actor?.role).toBe("admin");
    const audit = await database.db.select().from(tables.auditLog);
    expect(
      audit.filter((r) => r.action === "auth.user.role.claims").map((r) => r.input),
    ).toContainEqual({ claim: "roles", from: "viewer", to: "admin" });
  });

  it("refuses a user whose claims map to no role, back on the sign-in page, and audits it", async () => {
    const callback = await signInWithOidc(auth, "nora.norole");
    expect(callback.status).toBe(302);
    const location = new URL(callback.headers.get("location")!, TEST_BASE_URL);
    expect(location.pathname).toBe("/sign-in");
    expect(location.searchParams.get("error")).toBe("NO_ROLE");
    expect(callback.headers.getSetCookie().join()).not.toMatch(/session_token=[^;]/);
    const audit = await database.db.select().from(tables.auditLog);
    expect(audit.find((r) => r.action === "auth.sign-in" && r.outcome === "refused")).toMatchObject(
      { input: { method: "oidc", client: "192.0.2.10" } },
    );
  });

  it("never links an identity to a local account with the same e-mail address", async () => {
    await addUser(database, { email: "grace@idp.example", role: "viewer" });
    const callback = await signInWithOidc(auth, "grace.admin");
    const location = new URL(callback.headers.get("location")!, TEST_BASE_URL);
    expect(location.searchParams.get("error")).toBe("account_not_linked");
    expect((await userByEmail("grace@idp.example"))?.role).toBe("viewer");
  });
});
