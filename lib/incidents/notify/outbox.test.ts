import { asc, eq } from "drizzle-orm";
import { afterAll, beforeAll, beforeEach, describe, expect, it } from "vitest";
import { tables } from "../../db";
import { openEstateDatabase, ENGINES, type TestDatabase } from "../../../testing/fixtures";
import { incident, notifySettings, subscribe, testWorker } from "../../../testing/notify";
import { startSmtpReceiver, startWebhookReceiver, type Receiver } from "../../../testing/receivers";
import { emitEvent } from "./outbox";
import { verifySignature } from "./signature";

const { notificationDeliveries: deliveries, notificationEvents: events } = tables;

describe.each(ENGINES)("notification outbox on %s", (engine) => {
  let database: TestDatabase;
  let receiver: Receiver;
  let smtp: Awaited<ReturnType<typeof startSmtpReceiver>>;

  beforeAll(async () => {
    database = await openEstateDatabase(engine);
    receiver = await startWebhookReceiver();
    smtp = await startSmtpReceiver();
  });
  afterAll(async () => {
    await receiver?.close();
    await smtp?.close();
    await database?.close();
  });
  beforeEach(async () => {
    await database.db.delete(deliveries);
    await database.db.delete(events);
    await database.db.update(tables.notificationSubscriptions).set({ deletedAt: new Date() });
    receiver.received.length = 0;
    smtp.mails.length = 0;
  });

  const rows = () => database.db.select().from(deliveries).orderBy(asc(deliveries.id));

  it("writes one delivery per matching subscription, in the caller's transaction", async () => {
    const db = database.db;
    const everything = await subscribe(db, { kind: "webhook", target: receiver.url });
    const contoso = await subscribe(db, {
      kind: "webhook",
      target: receiver.url,
      services: ["contoso-edi"],
    });
    await subscribe(db, { kind: "webhook", target: receiver.url, services: ["fabrikam-b2b"] });
    await subscribe(db, { kind: "webhook", target: receiver.url, minImpact: "critical" });
    await subscribe(db, {
      kind: "webhook",
      target: receiver.url,
      events: ["component.status_changed"],
    });
    const byComponent = await subscribe(db, {
      kind: "slack",
      target: receiver.url,
      components: ["contoso-edi.roles"],
    });

    await db.transaction((tx) => emitEvent(tx, incident()));
    const written = await rows();
    expect(written.map((r) => r.subscriptionId).sort()).toEqual(
      [everything, contoso, byComponent].map((s) => s.subscription.id).sort(),
    );
    expect(written.every((r) => r.status === "pending" && r.attempts === 0)).toBe(true);

    // A transaction that fails after emitting leaves neither the event nor its deliveries.
    await expect(
      db.transaction(async (tx) => {
        await emitEvent(tx, incident({ incidentId: "inc-2" }));
        throw new Error("the incident write failed");
      }),
    ).rejects.toThrow("the incident write failed");
    expect(await rows()).toHaveLength(3);
    expect(await db.select().from(events)).toHaveLength(1);
  });

  it("sends a signed webhook, Slack and Teams messages to a loopback receiver", async () => {
    const db = database.db;
    const hook = await subscribe(db, { kind: "webhook", target: `${receiver.url}/hook` });
    await subscribe(db, { kind: "slack", target: `${receiver.url}/slack` });
    await subscribe(db, { kind: "teams", target: `${receiver.url}/teams` });
    expect(hook.secret).toMatch(/^whsec_/);
    await db.transaction((tx) => emitEvent(tx, incident()));
    await testWorker(db).drain();

    const got = (path: string) => receiver.received.find((r) => r.path === path)!;
    const webhook = got("/hook");
    const headers = {
      signature: webhook.headers["x-standfast-signature"] as string,
      timestamp: webhook.headers["x-standfast-timestamp"] as string,
    };
    expect(verifySignature(hook.secret!, headers, webhook.body)).toBe(true);
    expect(verifySignature("whsec_wrong", headers, webhook.body)).toBe(false);
    expect(verifySignature(hook.secret!, headers, webhook.body.replace("major", "minor"))).toBe(
      false,
    );
    expect(webhook.headers["x-standfast-event"]).toBe("incident.opened");
    expect(webhook.json).toMatchObject({
      type: "incident.opened",
      title: "Incident opened: Contoso EDI bridges failing",
      url: "https://status.example.com/incidents/inc-1",
      impact: "major",
      data: { incidentId: "inc-1", serviceIds: ["contoso-edi"] },
    });
    expect(String(webhook.headers["x-standfast-delivery"])).toMatch(/^\d+$/);

    expect(got("/slack").json).toMatchObject({
      text: expect.stringContaining("Incident opened: Contoso EDI bridges failing"),
      blocks: [
        { type: "header", text: { type: "plain_text" } },
        {
          type: "section",
          text: { type: "mrkdwn", text: expect.stringContaining("Impact: major") },
        },
        {
          type: "context",
          elements: [{ text: "<https://status.example.com/incidents/inc-1|Open in Standfast>" }],
        },
      ],
    });
    expect(got("/teams").json).toMatchObject({
      type: "message",
      attachments: [
        {
          contentType: "application/vnd.microsoft.card.adaptive",
          content: {
            type: "AdaptiveCard",
            body: expect.arrayContaining([
              expect.objectContaining({ text: "Incident opened: Contoso EDI bridges failing" }),
              expect.objectContaining({ text: "Status: investigating. Impact: major." }),
            ]),
            actions: [
              { type: "Action.OpenUrl", url: "https://status.example.com/incidents/inc-1" },
            ],
          },
        },
      ],
    });
    const done = await rows();
    expect(done.map((r) => r.status)).toEqual(["delivered", "delivered", "delivered"]);
    for (const r of done) {
      expect(r.attempts).toBe(1);
      expect(r.latencyMs).toBeGreaterThanOrEqual(0);
    }
  });

  it("e-mails a subscriber through a loopback SMTP server, with a link that stops the e-mails", async () => {
    const db = database.db;
    const settings = notifySettings(smtp.url);
    await subscribe(db, { kind: "email", target: "Oncall@Example.com" }, settings);
    await db.transaction((tx) =>
      emitEvent(tx, incident({ kind: "incident.resolved", status: "resolved" })),
    );
    await testWorker(db, { smtpUrl: smtp.url }).drain();

    expect(smtp.mails).toHaveLength(1);
    const [mail] = smtp.mails;
    expect(mail!.to).toEqual(["oncall@example.com"]);
    expect(mail!.from).toBe("standfast@example.com");
    expect(mail!.raw).toContain(
      "Subject: [Standfast] Incident resolved: Contoso EDI bridges failing",
    );
    expect(mail!.raw).toMatch(
      /List-Unsubscribe:\s+<https:\/\/status\.example\.com\/subscribe\/unsubscribe\?token=[\w-]+>/,
    );
    expect((await rows())[0]).toMatchObject({ status: "delivered", attempts: 1 });
  });

  it("refuses a private target at send time when private targets are not allowed", async () => {
    const db = database.db;
    await subscribe(db, { kind: "webhook", target: receiver.url });
    await db.transaction((tx) => emitEvent(tx, incident()));
    const worker = testWorker(db);
    await testWorker(db, {
      send: { publicUrl: "https://x.example", allowPrivate: false, timeoutMs: 1_000, mailer: null },
    }).drain();
    expect(receiver.received).toHaveLength(0);
    const [row] = await rows();
    // A refusal is final: no retry would change it.
    expect(row).toMatchObject({ status: "failed", attempts: 1 });
    expect(row!.lastError).toMatch(/private address/);
    await worker.drain();
    expect(receiver.received).toHaveLength(0);
  });

  it("cancels the deliveries of a subscription deleted before they were sent", async () => {
    const db = database.db;
    const sub = await subscribe(db, { kind: "webhook", target: receiver.url });
    await db.transaction((tx) => emitEvent(tx, incident()));
    await db
      .update(tables.notificationSubscriptions)
      .set({ deletedAt: new Date() })
      .where(eq(tables.notificationSubscriptions.id, sub.subscription.id));
    await testWorker(db).drain();
    expect(receiver.received).toHaveLength(0);
    expect((await rows())[0]!.status).toBe("cancelled");
  });
});
