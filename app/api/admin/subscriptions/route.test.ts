import { afterAll, beforeAll, describe, expect, it, vi } from "vitest";
import { handleAuthRequest, installAuth, type StandfastAuth } from "@/lib/auth";
import { addUser, browserPost, cookieHeader, createTestAuth } from "@/testing/auth";
import {
  ENGINES,
  installTestDatabase,
  openEstateDatabase,
  type TestDatabase,
} from "@/testing/fixtures";
import { notifySettings, subscriptionRows } from "@/testing/notify";
import { startWebhookReceiver, type Receiver } from "@/testing/receivers";
import { installSettings } from "@/lib/settings";
import { GET as listDeliveries } from "./deliveries/route";
import { DELETE, GET, POST } from "./route";
import { POST as sendTest } from "./test/route";

// Outside Next's request scope `connection()` throws; here every call is a real request already.
vi.mock("next/server", async (original) => ({
  ...(await original<typeof import("next/server")>()),
  connection: async () => {},
}));

const BASE = "http://localhost:3000";
const ENDPOINT = `${BASE}/api/admin/subscriptions`;

describe.each(ENGINES)("subscriptions API on %s", (engine) => {
  let database: TestDatabase;
  let auth: StandfastAuth;
  let receiver: Receiver;
  const cookies = { admin: "", viewer: "" };

  const signIn = async (email: string) =>
    cookieHeader(
      await handleAuthRequest(
        browserPost("/api/auth/sign-in/email", { email, password: "correct-horse-battery" }),
        auth,
      ),
    );
  const call = (
    handler: (r: Request) => Promise<Response>,
    method: string,
    headers: Record<string, string>,
    body?: unknown,
    url = ENDPOINT,
  ) =>
    handler(
      new Request(url, {
        method,
        headers: { host: "localhost:3000", "content-type": "application/json", ...headers },
        body: body === undefined ? undefined : JSON.stringify(body),
      }),
    );
  const asAdmin = {
    origin: BASE,
    get cookie() {
      return cookies.admin;
    },
  };
  const rows = () => subscriptionRows(database.db);

  beforeAll(async () => {
    installSettings(notifySettings());
    database = await openEstateDatabase(engine);
    installTestDatabase(database);
    auth = createTestAuth(database, { STANDFAST_SIGN_IN_LIMIT: "100/1m" });
    installAuth(auth);
    receiver = await startWebhookReceiver();
    await addUser(database, { email: "admin@example.com", role: "admin" });
    await addUser(database, { email: "viewer@example.com", role: "viewer" });
    cookies.admin = await signIn("admin@example.com");
    cookies.viewer = await signIn("viewer@example.com");
  });
  afterAll(async () => {
    installAuth(undefined);
    await receiver?.close();
    await database?.close();
  });

  it("an admin creates a webhook (its secret answered once), lists, tests and deletes it", async () => {
    const created = await call(POST, "POST", asAdmin, {
      kind: "webhook",
      name: "Pager bridge",
      target: `${receiver.url}/pager?token=s3cr3t-in-url`,
      events: ["incident.opened", "component.status_changed"],
    });
    expect(created.status, await created.clone().text()).toBe(201);
    expect(created.headers.get("cache-control")).toBe("no-store");
    const { subscription, secret } = (await created.json()) as {
      subscription: { id: string; targetLabel: string };
      secret: string;
    };
    expect(secret).toMatch(/^whsec_/);
    expect(subscription.targetLabel).toBe(receiver.url);

    const listed = await (await call(GET, "GET", asAdmin)).text();
    expect(listed).toContain("Pager bridge");
    expect(listed).not.toContain(secret);
    expect(listed).not.toContain("s3cr3t-in-url");

    const tested = await call(
      sendTest,
      "POST",
      asAdmin,
      { id: subscription.id },
      `${ENDPOINT}/test`,
    );
    expect(await tested.json()).toMatchObject({ status: "delivered", error: null });
    expect(receiver.received.at(-1)!.path).toBe("/pager?token=s3cr3t-in-url");

    const log = await call(
      listDeliveries,
      "GET",
      asAdmin,
      undefined,
      `${ENDPOINT}/deliveries?subscription=${subscription.id}`,
    );
    const { rows: logRows } = (await log.json()) as {
      rows: { eventKind: string; status: string }[];
    };
    expect(logRows).toEqual([expect.objectContaining({ eventKind: "test", status: "delivered" })]);
    const logText = JSON.stringify(logRows);
    expect(logText).not.toContain(secret);
    expect(logText).not.toContain("s3cr3t-in-url");

    const deleted = await call(DELETE, "DELETE", asAdmin, { id: subscription.id });
    expect(deleted.status).toBe(200);
    expect(
      ((await (await call(GET, "GET", asAdmin)).json()) as { subscriptions: unknown[] })
        .subscriptions,
    ).toEqual([]);
  });

  it("bad input is a 400 naming the field; nothing is created", async () => {
    const before = (await rows()).length;
    const response = await call(POST, "POST", asAdmin, {
      kind: "webhook",
      name: "x",
      target: "gopher://example.com",
    });
    expect(response.status).toBe(400);
    const { error } = (await response.json()) as {
      error: { code: string; fields: Record<string, string[]> };
    };
    expect(error.code).toBe("validation");
    expect(error.fields.target!.join(" ")).toMatch(/http\(s\) URL/);
    const bad = await call(DELETE, "DELETE", asAdmin, { id: "" });
    expect(bad.status).toBe(400);
    const unknown = await call(DELETE, "DELETE", asAdmin, { id: "no-such-subscription" });
    expect(unknown.status).toBe(404);
    const badQuery = await call(
      listDeliveries,
      "GET",
      asAdmin,
      undefined,
      `${ENDPOINT}/deliveries?status=lost`,
    );
    expect(badQuery.status).toBe(400);
    expect((await rows()).length).toBe(before);
  });

  it("viewers are refused (403), anonymous callers asked to sign in (401), other origins refused; nothing changes", async () => {
    const before = await rows();
    const input = { kind: "slack", name: "x", target: receiver.url };
    expect((await call(POST, "POST", { cookie: cookies.viewer, origin: BASE }, input)).status).toBe(
      403,
    );
    expect((await call(POST, "POST", {}, input)).status).toBe(401);
    expect(
      (await call(POST, "POST", { cookie: cookies.admin, origin: "https://evil.example" }, input))
        .status,
    ).toBe(403);
    expect((await call(GET, "GET", { cookie: cookies.viewer })).status).toBe(403);
    expect(
      (
        await call(
          listDeliveries,
          "GET",
          { cookie: cookies.viewer },
          undefined,
          `${ENDPOINT}/deliveries`,
        )
      ).status,
    ).toBe(403);
    expect(
      (
        await call(
          sendTest,
          "POST",
          { cookie: cookies.viewer, origin: BASE },
          { id: "x" },
          `${ENDPOINT}/test`,
        )
      ).status,
    ).toBe(403);
    expect(await rows()).toEqual(before);
  });
});
