import { afterAll, beforeAll, describe, expect, it, vi } from "vitest";
import { createApiToken } from "@/lib/auth";
import {
  demoEstateWithProbe,
  ENGINES,
  installTestDatabase,
  openEstateDatabase,
  readAuditRows,
  readFaultRows,
  readStatusRows,
  recordStatuses,
  revokeApiToken,
  type TestDatabase,
} from "@/testing/fixtures";
import { DELETE, GET, POST } from "./route";

// Outside Next's request scope `connection()` throws; here every call is a real request already.
vi.mock("next/server", async (original) => ({
  ...(await original<typeof import("next/server")>()),
  connection: async () => {},
}));

const ENDPOINT = "http://localhost:3000/api/admin/faults";
const EXISTING = { component: "contoso-edi.storage", status: "degraded_performance" };

type Call = {
  token?: string;
  authorization?: string;
  origin?: string;
  contentType?: string | null;
  body?: unknown;
  raw?: string;
};

function request(method: string, call: Call = {}): Request {
  const headers: Record<string, string> = { host: "localhost:3000" };
  if (call.token) headers.authorization = `Bearer ${call.token}`;
  if (call.authorization) headers.authorization = call.authorization;
  if (call.origin) headers.origin = call.origin;
  const body = call.raw ?? (call.body === undefined ? undefined : JSON.stringify(call.body));
  if (body !== undefined && call.contentType !== null)
    headers["content-type"] = call.contentType ?? "application/json";
  return new Request(ENDPOINT, { method, headers, body });
}

describe.each(ENGINES)("admin fault API on %s", (engine) => {
  let database: TestDatabase;
  const tokens = { admin: "", operator: "", viewer: "", revoked: "" };
  let adminId = "";
  let viewerId = "";

  beforeAll(async () => {
    database = await openEstateDatabase(engine, demoEstateWithProbe());
    installTestDatabase(database);
    const admin = await createApiToken(database.db, { name: "test-admin", role: "admin" });
    const operator = await createApiToken(database.db, { name: "test-operator", role: "operator" });
    const viewer = await createApiToken(database.db, { name: "test-viewer", role: "viewer" });
    const revoked = await createApiToken(database.db, { name: "old-admin", role: "admin" });
    await revokeApiToken(database.db, revoked.id);
    Object.assign(tokens, {
      admin: admin.token,
      operator: operator.token,
      viewer: viewer.token,
      revoked: revoked.token,
    });
    adminId = admin.id;
    viewerId = viewer.id;
    await recordStatuses(database.db, [
      { id: "contoso-edi.roles", status: "operational" },
      { id: "contoso-edi.storage", status: "operational" },
      { id: "fabrikam-b2b.tracking-db", status: "partial_outage", reason: "replica lag" },
    ]);
    const seeded = await POST(request("POST", { token: tokens.admin, body: EXISTING }));
    expect(seeded.status).toBe(201);
  });
  afterAll(async () => {
    await database?.close();
  });

  const state = async () => ({
    faults: await readFaultRows(database.db),
    statuses: await readStatusRows(database.db),
  });

  /** Runs a refused call and checks its answer, that nothing changed, and its audit row. */
  async function expectRefusal(
    send: () => Promise<Response>,
    expected: { status: number; code: string; message?: RegExp; fields?: string[] },
  ) {
    const before = await state();
    const auditBefore = (await readAuditRows(database.db)).length;
    const response = await send();
    expect(response.status).toBe(expected.status);
    expect(response.headers.get("content-type")).toMatch(/^application\/json/);
    const { error } = (await response.json()) as {
      error: { code: string; message: string; fields?: Record<string, string[]> };
    };
    expect(error.code).toBe(expected.code);
    if (expected.message) expect(error.message).toMatch(expected.message);
    if (expected.fields) expect(Object.keys(error.fields ?? {}).sort()).toEqual(expected.fields);
    expect(await state()).toEqual(before);
    const added = (await readAuditRows(database.db)).slice(auditBefore);
    expect(added).toHaveLength(1);
    expect(added[0]).toMatchObject({ outcome: "refused", detail: error.message });
    return { error, audit: added[0]! };
  }

  describe("who may inject", () => {
    it("no token: 401", async () => {
      const { audit } = await expectRefusal(
        () => POST(request("POST", { body: { ...EXISTING, status: "major_outage" } })),
        { status: 401, code: "unauthorized", message: /needs the admin role/ },
      );
      expect(audit).toMatchObject({
        actorKind: "anonymous",
        action: "health.fault.inject",
        target: "contoso-edi.storage",
      });
    });

    it("an unknown token: 401", async () => {
      const { audit } = await expectRefusal(
        () =>
          POST(
            request("POST", {
              token: "sf_this-token-was-never-issued-0000",
              body: { ...EXISTING, status: "major_outage" },
            }),
          ),
        { status: 401, code: "unauthorized", message: /unknown or revoked/ },
      );
      expect(audit).toMatchObject({
        actorKind: "anonymous",
        action: "POST /api/admin/faults",
      });
      expect(JSON.stringify(audit)).not.toContain("sf_this-token-was-never-issued");
    });

    it("a revoked token: 401", async () => {
      await expectRefusal(
        () =>
          POST(
            request("POST", {
              token: tokens.revoked,
              body: { ...EXISTING, status: "major_outage" },
            }),
          ),
        { status: 401, code: "unauthorized", message: /unknown or revoked/ },
      );
    });

    it.each(["Basic YWRtaW46YWRtaW4=", "Bearer", "Token abc", "Bearer a b"])(
      "a malformed Authorization header (%s): 401",
      async (authorization) => {
        await expectRefusal(
          () =>
            POST(request("POST", { authorization, body: { ...EXISTING, status: "major_outage" } })),
          { status: 401, code: "unauthorized" },
        );
      },
    );

    it.each(["viewer", "operator"] as const)("a %s token: 403", async (role) => {
      const { audit } = await expectRefusal(
        () =>
          POST(
            request("POST", { token: tokens[role], body: { ...EXISTING, status: "major_outage" } }),
          ),
        { status: 403, code: "forbidden", message: new RegExp(`has ${role}`) },
      );
      expect(audit).toMatchObject({ actorKind: "api-token", action: "health.fault.inject" });
    });

    it("a foreign Origin: 403 even with an admin token, and the audit says whose token", async () => {
      const { audit } = await expectRefusal(
        () =>
          POST(
            request("POST", {
              token: tokens.admin,
              origin: "https://evil.example",
              body: { ...EXISTING, status: "major_outage" },
            }),
          ),
        { status: 403, code: "forbidden", message: /Cross-origin request refused/ },
      );
      expect(audit).toMatchObject({ actorKind: "api-token", actorId: adminId });
    });
  });

  describe("what may be injected", () => {
    const send = (call: Omit<Call, "token">) => () =>
      POST(request("POST", { token: tokens.admin, ...call }));

    it("a body that is not JSON: 400", async () => {
      await expectRefusal(
        send({ raw: "component=contoso-edi.storage", contentType: "text/plain" }),
        {
          status: 400,
          code: "validation",
          message: /Content-Type: application\/json/,
        },
      );
    });

    it("invalid JSON: 400", async () => {
      await expectRefusal(send({ raw: '{"component": "contoso-edi.storage",' }), {
        status: 400,
        code: "validation",
        message: /not valid JSON/,
      });
    });

    it("an unknown component: 404", async () => {
      const { audit } = await expectRefusal(
        send({ body: { component: "contoso-edi.nope", status: "major_outage" } }),
        { status: 404, code: "not_found", message: /Component "contoso-edi.nope" was not found/ },
      );
      expect(audit.target).toBe("contoso-edi.nope");
    });

    it("a component read by a real probe: 400", async () => {
      await expectRefusal(
        send({ body: { component: "northwind-dev.storage", status: "major_outage" } }),
        {
          status: 400,
          code: "validation",
          message: /read by its tcp source/,
          fields: ["component"],
        },
      );
    });

    it("a status outside the vocabulary: 400 naming status", async () => {
      for (const status of ["broken", "unknown", 3]) {
        const { error } = await expectRefusal(
          send({ body: { component: "contoso-edi.storage", status } }),
          { status: 400, code: "validation", fields: ["status"] },
        );
        expect(error.fields!.status![0]).toMatch(/^expected one of operational, /);
      }
    });

    it("a bad `for`: 400 naming for", async () => {
      for (const duration of ["10x", "0s", "500ms", "8d", ""]) {
        await expectRefusal(
          send({ body: { ...EXISTING, status: "major_outage", for: duration } }),
          { status: 400, code: "validation", fields: ["for"] },
        );
      }
    });

    it("instances out of range: 400 naming instances", async () => {
      for (const instances of [0, 5, 1.5, -1]) {
        await expectRefusal(
          send({ body: { component: "contoso-edi.roles", status: "major_outage", instances } }),
          { status: 400, code: "validation", fields: ["instances"] },
        );
      }
    });

    it("instances on a component that is not a role-instances group: 400", async () => {
      await expectRefusal(send({ body: { ...EXISTING, status: "major_outage", instances: 1 } }), {
        status: 400,
        code: "validation",
        message: /not a role-instances group/,
        fields: ["instances"],
      });
    });

    it("instances with silent: 400", async () => {
      await expectRefusal(
        send({ body: { component: "contoso-edi.roles", status: "silent", instances: 1 } }),
        { status: 400, code: "validation", fields: ["instances"] },
      );
    });

    it("an unknown extra field: 400 that names it", async () => {
      const { error } = await expectRefusal(
        send({ body: { ...EXISTING, status: "major_outage", colour: "red" } }),
        { status: 400, code: "validation" },
      );
      expect(JSON.stringify(error.fields)).toContain("colour");
    });

    it("a missing component and status: 400 naming both", async () => {
      await expectRefusal(send({ body: {} }), {
        status: 400,
        code: "validation",
        fields: ["component", "status"],
      });
    });
  });

  describe("the happy path", () => {
    it("an admin injects a fault: 201, the row exists and the audit has an ok row", async () => {
      const auditBefore = (await readAuditRows(database.db)).length;
      const statusesBefore = await readStatusRows(database.db);
      const response = await POST(
        request("POST", {
          token: tokens.admin,
          origin: "http://localhost:3000",
          body: {
            component: "contoso-edi.roles",
            status: "major_outage",
            instances: 1,
            for: "10m",
            reason: "host lost",
          },
        }),
      );
      expect(response.status).toBe(201);
      const body = await response.json();
      expect(body).toEqual({
        component: "contoso-edi.roles",
        status: "major_outage",
        instances: 1,
        until: expect.stringMatching(/^\d{4}-\d\d-\d\dT/),
      });
      const untilMs = Date.parse(body.until) - Date.now();
      expect(untilMs).toBeGreaterThan(9 * 60_000);
      expect(untilMs).toBeLessThanOrEqual(10 * 60_000);

      const row = (await readFaultRows(database.db)).find(
        (f) => f.componentId === "contoso-edi.roles",
      );
      expect(row).toMatchObject({
        mode: "status",
        status: "major_outage",
        instancesDown: 1,
        reason: "host lost",
        createdBy: "test-admin",
      });
      const added = (await readAuditRows(database.db)).slice(auditBefore);
      expect(added).toHaveLength(1);
      expect(added[0]).toMatchObject({
        actorKind: "api-token",
        actorId: adminId,
        action: "health.fault.inject",
        target: "contoso-edi.roles",
        outcome: "ok",
      });
      expect(added[0]!.input).toMatchObject({ component: "contoso-edi.roles", instances: 1 });
      expect(JSON.stringify(added[0])).not.toContain(tokens.admin);
      // Injecting changes the fault, not the recorded status: the poller reads it next.
      expect(await readStatusRows(database.db)).toEqual(statusesBefore);
    });

    it("a silent fault without `for` lasts until cleared", async () => {
      const response = await POST(
        request("POST", {
          token: tokens.admin,
          body: { component: "northwind-dev.acs", status: "silent" },
        }),
      );
      expect(response.status).toBe(201);
      expect(await response.json()).toMatchObject({ status: "silent", until: null });
      const row = (await readFaultRows(database.db)).find(
        (f) => f.componentId === "northwind-dev.acs",
      );
      expect(row).toMatchObject({ mode: "silent", status: null, until: null });
    });

    it("an admin lists the faults in force", async () => {
      const response = await GET(request("GET", { token: tokens.admin }));
      expect(response.status).toBe(200);
      const { faults } = await response.json();
      expect(faults.map((f: { component: string }) => f.component).sort()).toEqual([
        "contoso-edi.roles",
        "contoso-edi.storage",
        "northwind-dev.acs",
      ]);
      expect(
        faults.find((f: { component: string }) => f.component === "contoso-edi.roles"),
      ).toMatchObject({
        mode: "status",
        status: "major_outage",
        instancesDown: 1,
        createdBy: "test-admin",
      });
    });
  });

  describe("listing and clearing", () => {
    it("listing needs an admin: 401 without a token, 403 for a viewer", async () => {
      await expectRefusal(() => GET(request("GET")), { status: 401, code: "unauthorized" });
      const { audit } = await expectRefusal(() => GET(request("GET", { token: tokens.viewer })), {
        status: 403,
        code: "forbidden",
      });
      expect(audit).toMatchObject({ actorId: viewerId, action: "GET /api/admin/faults" });
    });

    it("clearing needs an admin and a same-origin request", async () => {
      await expectRefusal(() => DELETE(request("DELETE", { body: {} })), {
        status: 401,
        code: "unauthorized",
      });
      await expectRefusal(() => DELETE(request("DELETE", { token: tokens.operator, body: {} })), {
        status: 403,
        code: "forbidden",
      });
      await expectRefusal(
        () => DELETE(request("DELETE", { token: tokens.admin, origin: "http://localhost:3001" })),
        { status: 403, code: "forbidden" },
      );
      await expectRefusal(
        () => DELETE(request("DELETE", { token: tokens.admin, body: { component: 7 } })),
        { status: 400, code: "validation", fields: ["component"] },
      );
    });

    it("clearing an unknown component is a 404 that clears nothing, audited as refused", async () => {
      for (const component of ["../../etc/passwd", "contoso-edi.nope"]) {
        const { audit } = await expectRefusal(
          () => DELETE(request("DELETE", { token: tokens.admin, body: { component } })),
          {
            status: 404,
            code: "not_found",
            message: new RegExp(`Component "${component.replace(/\./g, "\\.")}" was not found`),
          },
        );
        expect(audit).toMatchObject({ action: "health.fault.clear", target: component });
      }
    });

    it("a body that is not a JSON object (null, an array, a number) is a 400 that clears nothing", async () => {
      for (const raw of ["null", "[]", "[{}]", "0", '"contoso-edi.roles"']) {
        await expectRefusal(() => DELETE(request("DELETE", { token: tokens.admin, raw })), {
          status: 400,
          code: "validation",
          message: /must be a JSON object/,
          fields: ["body"],
        });
      }
    });

    it("text no field may hold (NUL, lone surrogates) is a 400 naming the field", async () => {
      for (const raw of [
        '{"component":"contoso-edi.roles\\u0000"}',
        '{"component":"\\ud800"}',
        '{"component":"contoso-edi.roles","\\u0000":1}',
      ]) {
        const { error } = await expectRefusal(
          () => DELETE(request("DELETE", { token: tokens.admin, raw })),
          { status: 400, code: "validation" },
        );
        expect(error.message).toMatch(/NUL character|lone UTF-16 surrogate/);
      }
      await expectRefusal(
        () =>
          POST(
            request("POST", {
              token: tokens.admin,
              body: { component: "contoso-edi.roles", status: "major_outage", reason: "x\u0000" },
            }),
          ),
        { status: 400, code: "validation", fields: ["reason"] },
      );
    });

    it("a field that is an object no string can be made of is a 400, not a crash", async () => {
      const raw = '{"component":[{"toString":"x","valueOf":"y"}],"status":"major_outage"}';
      const { audit } = await expectRefusal(
        () => POST(request("POST", { token: tokens.admin, raw })),
        { status: 400, code: "validation", fields: ["component"] },
      );
      expect(audit.target).toBeNull();
    });

    it("an https Origin sent to this http instance is refused, even with an admin token", async () => {
      await expectRefusal(
        () =>
          DELETE(
            request("DELETE", { token: tokens.admin, origin: "https://localhost:3000", body: {} }),
          ),
        { status: 403, code: "forbidden", message: /does not match http:\/\/localhost:3000/ },
      );
    });

    it("a malformed or NUL-carrying query is a 400 naming it", async () => {
      const at = (query: string) =>
        new Request(`${ENDPOINT}${query}`, {
          method: "GET",
          headers: { host: "localhost:3000", authorization: `Bearer ${tokens.admin}` },
        });
      const { error } = await expectRefusal(() => GET(at("?component=a%00")), {
        status: 400,
        code: "validation",
        fields: ["component"],
      });
      expect(error.message).toMatch(/contains a NUL character/);
    });

    it("an admin clears one fault, then all, each audited", async () => {
      const one = await DELETE(
        request("DELETE", { token: tokens.admin, body: { component: "northwind-dev.acs" } }),
      );
      expect(one.status).toBe(200);
      expect(await one.json()).toEqual({ cleared: 1 });
      expect((await readFaultRows(database.db)).map((f) => f.componentId)).toEqual([
        "contoso-edi.roles",
        "contoso-edi.storage",
      ]);
      const all = await DELETE(request("DELETE", { token: tokens.admin }));
      expect(await all.json()).toEqual({ cleared: 2 });
      expect(await readFaultRows(database.db)).toEqual([]);
      const clears = (await readAuditRows(database.db)).filter(
        (a) => a.action === "health.fault.clear" && a.outcome === "ok",
      );
      expect(clears.map((a) => [a.target, a.detail])).toEqual([
        ["northwind-dev.acs", "1 cleared"],
        ["*", "2 cleared"],
      ]);
    });
  });
});
