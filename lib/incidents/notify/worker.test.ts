import { asc, eq } from "drizzle-orm";
import { afterAll, beforeAll, beforeEach, describe, expect, it } from "vitest";
import { openDatabase, tables, type Database } from "../../db";
import { openEstateDatabase, ENGINES, type TestDatabase } from "../../../testing/fixtures";
import { incident, subscribe, testWorker } from "../../../testing/notify";
import { startWebhookReceiver, type Receiver } from "../../../testing/receivers";
import { closedPort } from "../../../testing/servers";
import { waitFor } from "../../../testing/wait";
import { emitEvent } from "./outbox";
import type { DeliveryAttempt } from "./notify-types";

const { notificationDeliveries: deliveries, notificationEvents: events } = tables;
const never = () => new Promise<void>(() => {});

describe.each(ENGINES)("notification worker on %s", (engine) => {
  let database: TestDatabase;
  let receiver: Receiver;

  beforeAll(async () => {
    database = await openEstateDatabase(engine);
    receiver = await startWebhookReceiver();
  });
  afterAll(async () => {
    await receiver?.close();
    await database?.close();
  });
  beforeEach(async () => {
    await database.db.delete(deliveries);
    await database.db.delete(events);
    await database.db.update(tables.notificationSubscriptions).set({ deletedAt: new Date() });
    receiver.received.length = 0;
    receiver.answer = () => 200;
  });

  const rowsOf = async (subscriptionId: string) =>
    database.db
      .select()
      .from(deliveries)
      .where(eq(deliveries.subscriptionId, subscriptionId))
      .orderBy(asc(deliveries.id));
  const emit = (n = 1) =>
    database.db.transaction(async (tx) => {
      for (let i = 0; i < n; i++) await emitEvent(tx, incident({ incidentId: `inc-${i}` }));
    });
  const deliveryIds = () => receiver.received.map((r) => String(r.headers["x-standfast-delivery"]));

  it("retries a failing receiver with growing waits until it answers", async () => {
    let calls = 0;
    receiver.answer = () => (++calls <= 2 ? 503 : 200);
    const sub = await subscribe(database.db, { kind: "webhook", target: `${receiver.url}/flaky` });
    await emit();
    const worker = testWorker(database.db);
    worker.start();
    try {
      const row = await waitFor("the third attempt to succeed", async () =>
        (await rowsOf(sub.subscription.id)).find((r) => r.status === "delivered"),
      );
      expect(row.attempts).toBe(3);
      const log = row.log as DeliveryAttempt[];
      expect(log.map((a) => a.outcome)).toEqual(["failed", "failed", "delivered"]);
      expect(log[0]!.error).toMatch(/answered HTTP 503/);
      // Waits grow: each retry came no sooner than half its backoff (40 ms, then 80 ms) after the last.
      const times = receiver.received.map((r) => r.at);
      expect(times[1]! - times[0]!).toBeGreaterThanOrEqual(20);
      expect(times[2]! - times[1]!).toBeGreaterThanOrEqual(40);
      expect(new Set(deliveryIds()).size).toBe(1);
    } finally {
      await worker.stop();
    }
  });

  it("fails a delivery for good after its last attempt, or at once on a final answer", async () => {
    const dead = await subscribe(database.db, {
      kind: "webhook",
      target: `http://127.0.0.1:${await closedPort()}/gone`,
    });
    const gone = await subscribe(database.db, { kind: "slack", target: `${receiver.url}/gone` });
    receiver.answer = (path) => (path === "/gone" ? 410 : 200);
    await emit();
    const worker = testWorker(database.db);
    worker.start();
    try {
      const final = await waitFor("the dead receiver to be given up on", async () =>
        (await rowsOf(dead.subscription.id)).find((r) => r.status === "failed"),
      );
      expect(final.attempts).toBe(4);
      expect(final.lastError).toMatch(/refused the connection/);
      const [slack] = await rowsOf(gone.subscription.id);
      expect(slack).toMatchObject({ status: "failed", attempts: 1 });
      expect(slack!.lastError).toMatch(/answered HTTP 410/);
    } finally {
      await worker.stop();
    }
  });

  it("keeps delivering to other subscriptions while one receiver hangs", async () => {
    const slow = await subscribe(database.db, { kind: "webhook", target: `${receiver.url}/slow` });
    const fine = await subscribe(database.db, { kind: "webhook", target: `${receiver.url}/fine` });
    receiver.answer = (path) => (path === "/slow" ? "hang" : 200);
    await emit(3);
    const worker = testWorker(database.db, { timeoutMs: 1_500 });
    worker.start();
    try {
      await waitFor("every delivery to the working receiver", async () =>
        (await rowsOf(fine.subscription.id)).every((r) => r.status === "delivered"),
      );
      // Meanwhile the hanging receiver holds one send (one slot, never more), still unanswered.
      const slowRows = await rowsOf(slow.subscription.id);
      expect(slowRows.filter((r) => r.status === "sending")).toHaveLength(1);
      expect(receiver.received.filter((r) => r.path === "/slow")).toHaveLength(1);
      const timedOut = await waitFor("the hanging send to time out", async () =>
        (await rowsOf(slow.subscription.id)).find((r) => r.lastError !== null),
      );
      expect(timedOut.lastError).toMatch(/did not answer within 1.5 s/);
    } finally {
      await worker.stop();
    }
  });

  it("two workers on two connections deliver each (event, subscription) exactly once", async () => {
    const a = await subscribe(database.db, { kind: "webhook", target: `${receiver.url}/a` });
    const b = await subscribe(database.db, { kind: "teams", target: `${receiver.url}/b` });
    await emit(25);
    // On PostgreSQL each worker has a connection pool of its own, as two instances would.
    const second: Database | null = database.url
      ? await openDatabase({ databaseUrl: database.url, dataDir: null })
      : null;
    const workers = [testWorker(database.db), testWorker(second?.db ?? database.db)];
    for (const w of workers) w.start();
    try {
      await waitFor("all 50 deliveries", async () => {
        const all = [...(await rowsOf(a.subscription.id)), ...(await rowsOf(b.subscription.id))];
        return all.length === 50 && all.every((r) => r.status === "delivered");
      });
      expect(receiver.received).toHaveLength(50);
      expect(new Set(deliveryIds()).size).toBe(50);
      const all = [...(await rowsOf(a.subscription.id)), ...(await rowsOf(b.subscription.id))];
      expect(all.every((r) => r.attempts === 1)).toBe(true);
    } finally {
      for (const w of workers) await w.stop();
      await second?.close();
    }
  });

  it("a delivery claimed by a worker that died is sent by another once the claim runs out", async () => {
    const sub = await subscribe(database.db, { kind: "webhook", target: `${receiver.url}/k` });
    await emit();
    // The first worker claims it and dies before sending: its send never happens.
    const dying = testWorker(database.db, { beforeSend: never, leaseMs: 2_000 });
    expect(await dying.fill()).toBe(1);
    const [held] = await rowsOf(sub.subscription.id);
    expect(held).toMatchObject({ status: "sending", claimedBy: dying.id });
    const rescuer = testWorker(database.db, { leaseMs: 2_000 });
    // While the claim holds, nobody else sends it.
    expect(await rescuer.fill()).toBe(0);
    rescuer.start();
    try {
      const row = await waitFor("the other worker to deliver it", async () =>
        (await rowsOf(sub.subscription.id)).find((r) => r.status === "delivered"),
      );
      expect(row.attempts).toBe(2);
      expect((row.log as DeliveryAttempt[]).map((a) => a.worker)).toEqual([rescuer.id]);
      expect(receiver.received).toHaveLength(1);
    } finally {
      await rescuer.stop();
    }
  });

  it("a worker that died after the receiver accepted: the repeat carries the same delivery id", async () => {
    const sub = await subscribe(database.db, { kind: "webhook", target: `${receiver.url}/twice` });
    await emit();
    const dying = testWorker(database.db, { afterSend: never, leaseMs: 2_000 });
    await dying.fill();
    await waitFor("the receiver to get the first send", () => receiver.received.length === 1);
    const rescuer = testWorker(database.db, { leaseMs: 2_000 });
    rescuer.start();
    try {
      await waitFor("the other worker to deliver it", async () =>
        (await rowsOf(sub.subscription.id)).every((r) => r.status === "delivered"),
      );
      // At most one worker sends at a time, but a send the dead worker could not record is repeated.
      expect(receiver.received).toHaveLength(2);
      expect(new Set(deliveryIds()).size).toBe(1);
    } finally {
      await rescuer.stop();
    }
  });
});
