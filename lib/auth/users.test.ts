import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { tables } from "../db";
import { createTestDatabase, ENGINES } from "../../testing/db";
import type { Database } from "../db/types";
import { isDomainError, type DomainError } from "../errors";
import type { StandfastAuth } from "./better-auth";
import { handleAuthRequest } from "./instance";
import { SYSTEM, type Actor } from "../roles";
import { sessionActor } from "./session";
import { addUser, browserPost, cookieHeader, createTestAuth } from "../../testing/auth";
import { createLocalUser, listUsers, setUserDisabled, setUserRole } from "./users";

async function refusal(promise: Promise<unknown>): Promise<DomainError> {
  try {
    await promise;
  } catch (error) {
    if (isDomainError(error)) return error;
    throw error;
  }
  throw new Error("expected a refusal");
}

describe.each(ENGINES)("users and roles on %s", (engine) => {
  let database: Database;
  let auth: StandfastAuth;
  const as = (actor: Actor) => ({ actor, db: database.db });
  const actorOf = (u: { id: string; email: string }, role: Actor["role"]): Actor => ({
    kind: "user",
    id: u.id,
    name: u.email,
    role,
  });
  const rows = async () =>
    (await database.db.select().from(tables.users)).map(({ updatedAt: _, ...u }) => u);
  const audits = async (action: string) =>
    (await database.db.select().from(tables.auditLog)).filter((r) => r.action === action);

  beforeAll(async () => {
    database = await createTestDatabase(engine);
    auth = createTestAuth(database, { STANDFAST_SIGN_IN_LIMIT: "100/1m" });
  });
  afterAll(() => database.close());

  it("an admin creates a user; a generated password is returned once, and works", async () => {
    const admin = await addUser(database, { email: "root@example.com", role: "admin" });
    const made = await createLocalUser(as(actorOf(admin, "admin")), {
      email: " New.Person@Example.com ",
      name: "New Person",
      role: "viewer",
    });
    expect(made).toMatchObject({ email: "new.person@example.com", role: "viewer" });
    expect(made.generatedPassword).toMatch(/^[\w-]{24}$/);
    const signIn = await handleAuthRequest(
      browserPost("/api/auth/sign-in/email", {
        email: made.email,
        password: made.generatedPassword,
      }),
      auth,
    );
    expect(signIn.status).toBe(200);
    const [row] = await audits("auth.user.create").then((r) =>
      r.filter((a) => a.target === made.id),
    );
    expect(JSON.stringify(row)).not.toContain(made.generatedPassword!);
  });

  it("refuses bad input, naming each field, and a taken e-mail address", async () => {
    const admin = as(SYSTEM);
    const bad = await refusal(
      createLocalUser(admin, { email: "nope", name: "", role: "boss", password: "short", x: 1 }),
    );
    expect(bad.kind).toBe("validation");
    expect(Object.keys(bad.fieldErrors!).sort()).toEqual([
      "email",
      "name",
      "password",
      "role",
      "x",
    ]);
    await addUser(database, { email: "taken@example.com", role: "viewer" });
    const taken = await refusal(
      createLocalUser(admin, { email: "Taken@example.com", name: "T", role: "admin" }),
    );
    expect(taken.kind).toBe("conflict");
  });

  it("a role change by an operator or an anonymous caller is refused, audited, and changes nothing", async () => {
    const target = await addUser(database, { email: "target@example.com", role: "viewer" });
    const operator = await addUser(database, { email: "op@example.com", role: "operator" });
    const before = await rows();
    const error = await refusal(
      setUserRole(as(actorOf(operator, "operator")), { userId: target.id, role: "admin" }),
    );
    expect(error.kind).toBe("forbidden");
    expect(error.message).toBe(
      "Changing a user's role needs the admin role; op@example.com has operator.",
    );
    expect(
      (
        await refusal(
          setUserDisabled(as({ ...SYSTEM, kind: "anonymous", role: null }), {
            userId: target.id,
            disabled: true,
          }),
        )
      ).kind,
    ).toBe("unauthorized");
    expect(await rows()).toEqual(before);
    expect(await audits("auth.user.role")).toContainEqual(
      expect.objectContaining({ outcome: "refused", actorId: operator.id, target: target.id }),
    );
  });

  it("an admin changes a role, and the change is audited", async () => {
    const target = await addUser(database, { email: "promote@example.com", role: "viewer" });
    await setUserRole(as(SYSTEM), { userId: target.id, role: "operator" });
    expect((await rows()).find((u) => u.id === target.id)?.role).toBe("operator");
    expect(await audits("auth.user.role")).toContainEqual(
      expect.objectContaining({
        outcome: "ok",
        target: target.id,
        input: { email: "promote@example.com", from: "viewer", to: "operator" },
      }),
    );
    const unknown = await refusal(setUserRole(as(SYSTEM), { userId: "nobody", role: "admin" }));
    expect(unknown.kind).toBe("not_found");
  });

  it("the last enabled admin can be neither demoted nor disabled", async () => {
    const fresh = await createTestDatabase(engine);
    try {
      const ctx = { actor: SYSTEM, db: fresh.db };
      const only = await addUser(fresh, { email: "only@example.com", role: "admin" });
      const before = await fresh.db.select().from(tables.users);
      const demote = await refusal(setUserRole(ctx, { userId: only.id, role: "operator" }));
      expect(demote.kind).toBe("invalid_state");
      expect(demote.message).toMatch(/^Cannot demote the last admin/);
      const disable = await refusal(setUserDisabled(ctx, { userId: only.id, disabled: true }));
      expect(disable.message).toMatch(/^Cannot disable the last admin/);
      expect(await fresh.db.select().from(tables.users)).toEqual(before);
      // With a second admin, the first may step down.
      const second = await addUser(fresh, { email: "second@example.com", role: "admin" });
      await setUserDisabled(ctx, { userId: second.id, disabled: true });
      expect((await refusal(setUserRole(ctx, { userId: only.id, role: "viewer" }))).kind).toBe(
        "invalid_state",
      );
      await setUserDisabled(ctx, { userId: second.id, disabled: false });
      await setUserRole(ctx, { userId: only.id, role: "viewer" });
      const roles = (await fresh.db.select().from(tables.users)).map((u) => [u.email, u.role]);
      expect(roles.sort()).toEqual([
        ["only@example.com", "viewer"],
        ["second@example.com", "admin"],
      ]);
    } finally {
      await fresh.close();
    }
  });

  it("a disabled user is anonymous at once, cannot sign in, and is back when enabled", async () => {
    const user = await addUser(database, { email: "dora@example.com", role: "operator" });
    const signIn = () =>
      handleAuthRequest(
        browserPost("/api/auth/sign-in/email", {
          email: "dora@example.com",
          password: "correct-horse-battery",
        }),
        auth,
      );
    const cookie = cookieHeader(await signIn());
    expect((await sessionActor(new Headers({ cookie }), auth))?.role).toBe("operator");
    await setUserDisabled(as(SYSTEM), { userId: user.id, disabled: true });
    expect(await sessionActor(new Headers({ cookie }), auth)).toBeNull();
    const refused = await signIn();
    expect(refused.status).toBe(403);
    expect(((await refused.json()) as { message: string }).message).toBe(
      "This account is disabled. Ask a Standfast admin to enable it.",
    );
    expect((await audits("auth.user.disable")).at(-1)).toMatchObject({
      target: user.id,
      outcome: "ok",
    });
    await setUserDisabled(as(SYSTEM), { userId: user.id, disabled: false });
    expect((await signIn()).status).toBe(200);
    expect((await audits("auth.user.enable")).at(-1)).toMatchObject({ target: user.id });
  });

  it("lists users for admins only", async () => {
    const list = await listUsers(as(SYSTEM));
    expect(list.map((u) => u.email)).toContain("dora@example.com");
    expect(list.find((u) => u.email === "dora@example.com")).toMatchObject({
      role: "operator",
      roleSource: "local",
      disabled: false,
    });
    await expect(
      listUsers(as({ kind: "user", id: "x", name: "x", role: "operator" })),
    ).rejects.toThrow(/needs the admin role/);
  });
});
