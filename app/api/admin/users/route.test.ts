import { afterAll, beforeAll, describe, expect, it, vi } from "vitest";
import { createApiToken, handleAuthRequest, installAuth, type StandfastAuth } from "@/lib/auth";
import {
  addUser,
  browserPost,
  cookieHeader,
  createTestAuth,
  createTestDatabase,
  userEmails,
} from "@/testing/auth";
import { ENGINES, installTestDatabase, type TestDatabase } from "@/testing/fixtures";
import { GET, POST } from "./route";

// Outside Next's request scope `connection()` throws; here every call is a real request already.
vi.mock("next/server", async (original) => ({
  ...(await original<typeof import("next/server")>()),
  connection: async () => {},
}));

const ENDPOINT = "http://localhost:3000/api/admin/users";

describe.each(ENGINES)("admin users API on %s", (engine) => {
  let database: TestDatabase;
  let auth: StandfastAuth;
  const cookies = { admin: "", viewer: "" };

  const signIn = async (email: string) =>
    cookieHeader(
      await handleAuthRequest(
        browserPost("/api/auth/sign-in/email", { email, password: "correct-horse-battery" }),
        auth,
      ),
    );
  const post = (headers: Record<string, string>, body: unknown) =>
    POST(
      new Request(ENDPOINT, {
        method: "POST",
        headers: { host: "localhost:3000", "content-type": "application/json", ...headers },
        body: JSON.stringify(body),
      }),
    );
  const emails = () => userEmails(database);

  beforeAll(async () => {
    database = await createTestDatabase(engine);
    installTestDatabase(database);
    auth = createTestAuth(database, { STANDFAST_SIGN_IN_LIMIT: "100/1m" });
    installAuth(auth);
    await addUser(database, { email: "admin@example.com", role: "admin" });
    await addUser(database, { email: "viewer@example.com", role: "viewer" });
    cookies.admin = await signIn("admin@example.com");
    cookies.viewer = await signIn("viewer@example.com");
  });
  afterAll(async () => {
    installAuth(undefined);
    await database.close();
  });

  it("an admin's session cookie creates a user, from this app's own origin", async () => {
    const response = await post(
      { cookie: cookies.admin, origin: "http://localhost:3000" },
      { email: "new@example.com", name: "New", role: "operator" },
    );
    expect(response.status, await response.clone().text()).toBe(201);
    expect(await response.json()).toMatchObject({
      email: "new@example.com",
      role: "operator",
      generatedPassword: expect.any(String),
    });
    const list = await GET(new Request(ENDPOINT, { headers: { cookie: cookies.admin } }));
    const { users } = (await list.json()) as { users: { email: string }[] };
    expect(users.map((u) => u.email)).toContain("new@example.com");
  });

  it("a cookie-authenticated write from another origin, or with no Origin, is refused and creates nothing", async () => {
    const before = await emails();
    for (const headers of [
      { cookie: cookies.admin, origin: "https://evil.example" } as Record<string, string>,
      { cookie: cookies.admin },
    ]) {
      const response = await post(headers, { email: "csrf@example.com", name: "x", role: "admin" });
      expect(response.status).toBe(403);
      expect(((await response.json()) as { error: { code: string } }).error.code).toBe("forbidden");
    }
    expect(await emails()).toEqual(before);
  });

  it("a viewer's session is refused as forbidden; no session at all as unauthorized", async () => {
    const before = await emails();
    const viewer = await post(
      { cookie: cookies.viewer, origin: "http://localhost:3000" },
      { email: "v@example.com", name: "x", role: "admin" },
    );
    expect(viewer.status).toBe(403);
    const nobody = await post({}, { email: "n@example.com", name: "x", role: "admin" });
    expect(nobody.status).toBe(401);
    expect((await GET(new Request(ENDPOINT, { headers: { cookie: cookies.viewer } }))).status).toBe(
      403,
    );
    expect(await emails()).toEqual(before);
  });

  it("an admin API token works without Origin, as the CLI sends it", async () => {
    const { token } = await createApiToken(database.db, { name: "cli", role: "admin" });
    const response = await post(
      { authorization: `Bearer ${token}` },
      { email: "cli@example.com", name: "CLI", role: "admin", password: "a-long-enough-password" },
    );
    expect(response.status).toBe(201);
    expect(
      ((await response.json()) as { generatedPassword: unknown }).generatedPassword,
    ).toBeNull();
  });
});
