import { eq } from "drizzle-orm";
import { afterAll, beforeAll, beforeEach, describe, expect, it } from "vitest";
import type { Actor } from "../../roles";
import { tables } from "../../db";
import { isDomainError, type DomainError } from "../../errors";
import { addUser } from "../../../testing/auth";
import {
  openEstateDatabase,
  ENGINES,
  readAuditRows,
  type TestDatabase,
} from "../../../testing/fixtures";
import { incident, notifySettings, token } from "../../../testing/notify";
import { startSmtpReceiver, startWebhookReceiver, type Receiver } from "../../../testing/receivers";
import { emitEvent } from "./outbox";
import {
  getOwnSubscription,
  subscribeSelf,
  unsubscribeByToken,
  unsubscribeSelf,
} from "./self-service";
import { createSubscription, deleteSubscription, listSubscriptions } from "./subscriptions";
import { sendTest } from "./test-send";

const { notificationSubscriptions: subscriptions, notificationDeliveries: deliveries } = tables;

describe.each(ENGINES)("notification subscriptions on %s", (engine) => {
  let database: TestDatabase;
  let receiver: Receiver;
  let smtp: Awaited<ReturnType<typeof startSmtpReceiver>>;
  let viewer: Actor;
  const settings = () => notifySettings(smtp.url);
  const ctx = (actor: Actor) => ({ actor, db: database.db });
  const admin = () => ctx(token("admin"));

  beforeAll(async () => {
    database = await openEstateDatabase(engine);
    receiver = await startWebhookReceiver();
    smtp = await startSmtpReceiver();
    const user = await addUser(database, {
      email: "Vera@Example.com",
      role: "viewer",
      name: "Vera",
    });
    viewer = { kind: "user", id: user.id, name: "Vera", role: "viewer" };
  });
  afterAll(async () => {
    await receiver?.close();
    await smtp?.close();
    await database?.close();
  });
  beforeEach(async () => {
    await database.db.delete(deliveries);
    await database.db.delete(tables.notificationEvents);
    await database.db.delete(subscriptions);
  });

  const snapshot = async () => ({
    subscriptions: await database.db.select().from(subscriptions),
    deliveries: await database.db.select().from(deliveries),
  });
  const refusal = async (call: Promise<unknown>): Promise<DomainError> => {
    const error = await call.then(
      () => null,
      (e: unknown) => e,
    );
    expect(isDomainError(error), `expected a refusal, got ${String(error)}`).toBe(true);
    return error as DomainError;
  };

  it("shows a webhook's secret once; lists, audits and logs never show it or the URL's path", async () => {
    const url = `${receiver.url}/hooks/T000/B000/very-secret-token?sig=abc123`;
    const created = await createSubscription(
      admin(),
      {
        kind: "webhook",
        name: "On-call",
        target: url,
        services: ["contoso-edi"],
        minImpact: "major",
      },
      settings(),
    );
    expect(created.secret).toMatch(/^whsec_[\w-]{32}$/);
    expect(created.subscription).toMatchObject({
      kind: "webhook",
      targetLabel: receiver.url,
      serviceIds: ["contoso-edi"],
      minImpact: "major",
      signed: true,
      events: [
        "incident.opened",
        "incident.updated",
        "incident.resolved",
        "maintenance.started",
        "maintenance.completed",
      ],
    });
    const listed = JSON.stringify(await listSubscriptions(admin()));
    const audit = JSON.stringify(await readAuditRows(database.db));
    for (const text of [listed, audit, JSON.stringify(created.subscription)]) {
      expect(text).not.toContain(created.secret);
      expect(text).not.toContain("very-secret-token");
      expect(text).not.toContain("abc123");
    }
    expect(audit).toContain("notifications.subscription.create");
  });

  it("refuses viewers, operators and anonymous callers, and changes nothing", async () => {
    const before = await snapshot();
    const input = { kind: "slack", name: "x", target: receiver.url };
    expect((await refusal(createSubscription(ctx(viewer), input, settings()))).kind).toBe(
      "forbidden",
    );
    expect(
      (await refusal(createSubscription(ctx(token("operator")), input, settings()))).kind,
    ).toBe("forbidden");
    const anonymous: Actor = { kind: "anonymous", id: "anonymous", name: "anonymous", role: null };
    expect((await refusal(createSubscription(ctx(anonymous), input, settings()))).kind).toBe(
      "unauthorized",
    );
    const { subscription } = await createSubscription(admin(), input, settings());
    const after = await snapshot();
    expect(
      (await refusal(deleteSubscription(ctx(token("operator")), { id: subscription.id }))).kind,
    ).toBe("forbidden");
    expect((await refusal(sendTest(ctx(viewer), { id: subscription.id }, settings()))).kind).toBe(
      "forbidden",
    );
    expect((await refusal(listSubscriptions(ctx(viewer)))).kind).toBe("forbidden");
    expect(await snapshot()).toEqual(after);
    expect(after.subscriptions).toHaveLength(before.subscriptions.length + 1);
    const refusals = (await readAuditRows(database.db)).filter((r) => r.outcome === "refused");
    expect(refusals.map((r) => r.action)).toEqual(
      expect.arrayContaining([
        "notifications.subscription.create",
        "notifications.subscription.delete",
      ]),
    );
  });

  it("refuses a name or id that cannot be turned into text (the fuzz's { toString: 1 }), never a crash, in every verb", async () => {
    const before = await snapshot();
    const odd = { toString: 243791123 };
    const input = { kind: "webhook", name: odd, target: receiver.url };
    expect((await refusal(createSubscription(ctx(viewer), input, settings()))).kind).toBe(
      "forbidden",
    );
    expect((await refusal(createSubscription(admin(), input, settings()))).kind).toBe("validation");
    expect((await refusal(deleteSubscription(admin(), { id: odd }))).kind).toBe("validation");
    // An id whose text form throws, alone or inside an array (found by the API fuzz as a viewer).
    for (const id of [odd, [odd, 1]]) {
      expect((await refusal(sendTest(ctx(viewer), { id }, settings()))).kind).toBe("forbidden");
      expect((await refusal(sendTest(admin(), { id }, settings()))).kind).toBe("validation");
    }
    expect(await snapshot()).toEqual(before);
  });

  it("names the field that is wrong, and changes nothing", async () => {
    const cases: [Record<string, unknown>, string, RegExp][] = [
      [
        { kind: "pager", name: "x", target: receiver.url },
        "kind",
        /expected one of webhook, slack, teams, email/,
      ],
      [{ kind: "webhook", name: "x", target: "ftp://example.com/x" }, "target", /http\(s\) URL/],
      [
        { kind: "webhook", name: "x", target: "https://user:pw@example.com/x" },
        "target",
        /user name and password/,
      ],
      [{ kind: "email", name: "x", target: "not-an-address" }, "target", /e-mail address/],
      [{ kind: "slack", name: "", target: receiver.url }, "name", /give it a name/],
      [
        { kind: "slack", name: "x", target: receiver.url, services: ["nope"] },
        "services",
        /not services of this estate: nope/,
      ],
      [
        { kind: "slack", name: "x", target: receiver.url, components: ["nope.db"] },
        "components",
        /nope\.db/,
      ],
      [
        { kind: "slack", name: "x", target: receiver.url, minImpact: "huge" },
        "minImpact",
        /none, minor, major, critical/,
      ],
      [{ kind: "slack", name: "x", target: receiver.url, events: [] }, "events", /at least one/],
      [
        { kind: "slack", name: "x", target: receiver.url, colour: "red" },
        "colour",
        /unknown field/,
      ],
    ];
    for (const [input, field, message] of cases) {
      const error = await refusal(createSubscription(admin(), input, settings()));
      expect(error.kind, JSON.stringify(input)).toBe("validation");
      expect(error.fieldErrors?.[field]?.join(" "), JSON.stringify(input)).toMatch(message);
    }
    // Loopback and private targets need STANDFAST_NOTIFY_ALLOW_PRIVATE=on.
    for (const target of [
      "http://127.0.0.1:8080/x",
      "http://10.1.2.3/x",
      "http://[::1]/x",
      "http://localhost/x",
      "http://169.254.169.254/latest",
    ]) {
      const error = await refusal(
        createSubscription(
          admin(),
          { kind: "webhook", name: "x", target },
          notifySettings(undefined, { STANDFAST_NOTIFY_ALLOW_PRIVATE: "off" }),
        ),
      );
      expect(error.fieldErrors?.target?.join(" ")).toMatch(/STANDFAST_NOTIFY_ALLOW_PRIVATE/);
    }
    // E-mail needs SMTP.
    const noSmtp = await refusal(
      createSubscription(
        admin(),
        { kind: "email", name: "x", target: "a@example.com" },
        notifySettings(),
      ),
    );
    expect(noSmtp.kind).toBe("invalid_state");
    expect(noSmtp.message).toMatch(/STANDFAST_SMTP_URL/);
    expect((await snapshot()).subscriptions).toHaveLength(0);
  });

  it("deleting cancels what was waiting, clears the target and secret, and keeps the row for the log", async () => {
    const { subscription } = await createSubscription(
      admin(),
      { kind: "webhook", name: "gone", target: `${receiver.url}/x` },
      settings(),
    );
    await database.db.transaction((tx) => emitEvent(tx, incident()));
    await deleteSubscription(admin(), { id: subscription.id });
    const [row] = await database.db
      .select()
      .from(subscriptions)
      .where(eq(subscriptions.id, subscription.id));
    expect(row).toMatchObject({ target: "", secret: null, deletedBy: "admin token" });
    expect(row!.deletedAt).not.toBeNull();
    expect((await database.db.select().from(deliveries)).map((d) => d.status)).toEqual([
      "cancelled",
    ]);
    expect(await listSubscriptions(admin())).toEqual([]);
    expect((await refusal(deleteSubscription(admin(), { id: subscription.id }))).kind).toBe(
      "not_found",
    );
  });

  it("a test send goes through the outbox and reports what the receiver said", async () => {
    const ok = await createSubscription(
      admin(),
      { kind: "teams", name: "Teams", target: `${receiver.url}/teams` },
      settings(),
    );
    receiver.answer = (path) => (path === "/teams" ? 202 : 500);
    expect(await sendTest(admin(), { id: ok.subscription.id }, settings())).toMatchObject({
      status: "delivered",
      error: null,
    });
    const bad = await createSubscription(
      admin(),
      { kind: "slack", name: "Slack", target: `${receiver.url}/broken` },
      settings(),
    );
    const failed = await sendTest(admin(), { id: bad.subscription.id }, settings());
    // A test is not retried: the admin sees the answer now.
    expect(failed).toMatchObject({
      status: "failed",
      error: expect.stringMatching(/answered HTTP 500/),
    });
    const listed = await listSubscriptions(admin());
    expect(listed.map((s) => s.lastDelivery?.status)).toEqual(["delivered", "failed"]);
  });

  it("a viewer subscribes their own address, changes what they get, and stops it", async () => {
    expect(await getOwnSubscription(ctx(viewer))).toEqual({
      email: "vera@example.com",
      subscription: null,
    });
    const mine = await subscribeSelf(
      ctx(viewer),
      { services: ["fabrikam-b2b"], minImpact: "major" },
      settings(),
    );
    expect(mine).toMatchObject({
      kind: "email",
      targetLabel: "vera@example.com",
      self: true,
      serviceIds: ["fabrikam-b2b"],
    });
    const changed = await subscribeSelf(
      ctx(viewer),
      { events: ["component.status_changed"] },
      settings(),
    );
    expect(changed.id).toBe(mine.id);
    expect(changed.events).toEqual(["component.status_changed"]);
    expect((await getOwnSubscription(ctx(viewer))).subscription?.id).toBe(mine.id);
    // An API token has no address of its own.
    expect((await refusal(subscribeSelf(ctx(token("admin")), {}, settings()))).kind).toBe(
      "invalid_state",
    );
    // Without SMTP there is nothing to subscribe to.
    expect((await refusal(subscribeSelf(ctx(viewer), {}, notifySettings()))).kind).toBe(
      "invalid_state",
    );
    await unsubscribeSelf(ctx(viewer));
    expect((await getOwnSubscription(ctx(viewer))).subscription).toBeNull();
    expect((await refusal(unsubscribeSelf(ctx(viewer)))).kind).toBe("not_found");
  });

  it("the link in an e-mail stops that subscription without signing in, once", async () => {
    await subscribeSelf(ctx(viewer), {}, settings());
    const [row] = await database.db.select().from(subscriptions);
    const anonymous: Actor = { kind: "anonymous", id: "anonymous", name: "anonymous", role: null };
    expect((await refusal(unsubscribeByToken(ctx(anonymous), { token: "short" }))).kind).toBe(
      "validation",
    );
    expect(await unsubscribeByToken(ctx(anonymous), { token: row!.unsubscribeToken })).toEqual({
      address: "vera@example.com",
    });
    expect(
      (await refusal(unsubscribeByToken(ctx(anonymous), { token: row!.unsubscribeToken }))).kind,
    ).toBe("not_found");
    expect((await getOwnSubscription(ctx(viewer))).subscription).toBeNull();
  });
});
