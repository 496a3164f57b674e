import { eq } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { tables } from "../../db";
import { openEstateDatabase, ENGINES, type TestDatabase } from "../../../testing/fixtures";
import { incident, notifySettings, subscribe, testWorker } from "../../../testing/notify";
import { startSmtpReceiver, startWebhookReceiver, type Receiver } from "../../../testing/receivers";
import { waitFor } from "../../../testing/wait";
import type { DeliveryAttempt } from "./notify-types";
import { emitEvent } from "./outbox";

const { notificationDeliveries: deliveries } = tables;
const EVENTS = 20;

const percentile = (sorted: number[], p: number) =>
  sorted[Math.min(sorted.length - 1, Math.floor((p / 100) * sorted.length))]!;
const figures = (values: number[]) => {
  const sorted = [...values].sort((a, b) => a - b);
  return `p50 ${percentile(sorted, 50).toFixed(1)} ms, p95 ${percentile(sorted, 95).toFixed(1)} ms, max ${sorted.at(-1)!.toFixed(1)} ms`;
};

/**
 * Figures, not a benchmark to pass: the time from an event's commit to its delivery on a loopback
 * receiver, with the worker as in production (a 1 s tick, and woken by the writer once its
 * transaction commits, as the incident verbs, the detector and the recorder do), and the send
 * alone. Events go one at a time, so none waits behind another. Printed to the log.
 */
describe.each(ENGINES)("delivery latency to loopback receivers on %s", (engine) => {
  let database: TestDatabase;
  let hook: Receiver;
  let smtp: Awaited<ReturnType<typeof startSmtpReceiver>>;

  beforeAll(async () => {
    database = await openEstateDatabase(engine);
    hook = await startWebhookReceiver();
    smtp = await startSmtpReceiver();
  });
  afterAll(async () => {
    await hook?.close();
    await smtp?.close();
    await database?.close();
  });

  it(`delivers ${EVENTS} webhooks and ${EVENTS} e-mails, one event at a time, and reports how long each took`, async () => {
    const db = database.db;
    const settings = notifySettings(smtp.url);
    const webhook = await subscribe(db, { kind: "webhook", target: `${hook.url}/h` }, settings);
    const email = await subscribe(db, { kind: "email", target: "oncall@example.com" }, settings);
    const worker = testWorker(db, { smtpUrl: smtp.url, timeoutMs: 5_000, tickMs: 1_000 });
    worker.start();
    try {
      for (let i = 0; i < EVENTS; i++) {
        await db.transaction((tx) => emitEvent(tx, incident({ incidentId: `inc-${i}` })));
        worker.kick();
        await waitFor(`event ${i} delivered to both`, async () => {
          const rows = await db
            .select({ status: deliveries.status })
            .from(deliveries)
            .where(eq(deliveries.status, "delivered"));
          return rows.length === 2 * (i + 1);
        });
      }
    } finally {
      await worker.stop();
    }
    expect(hook.received).toHaveLength(EVENTS);
    expect(smtp.mails).toHaveLength(EVENTS);
    const rows = await db.select().from(deliveries);
    for (const [name, id] of [
      ["webhook", webhook.subscription.id],
      ["SMTP", email.subscription.id],
    ] as const) {
      const mine = rows.filter((r) => r.subscriptionId === id);
      expect(mine.every((r) => r.status === "delivered" && r.attempts === 1)).toBe(true);
      const endToEnd = mine.map((r) => r.latencyMs!);
      const send = mine.map((r) => (r.log as DeliveryAttempt[])[0]!.ms);
      console.log(
        `[latency ${engine}] ${name}: commit to delivered ${figures(endToEnd)}; the send alone ${figures(send)} (${EVENTS} events, worker woken on commit)`,
      );
    }
  });
});
