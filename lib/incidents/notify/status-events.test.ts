import { afterAll, beforeAll, beforeEach, describe, expect, it } from "vitest";
import { tables, type Db } from "../../db";
import { loadCurrent, recordOutcomes, type Outcome } from "../../health/recorder";
import { openEstateDatabase, ENGINES, type TestDatabase } from "../../../testing/fixtures";
import { subscribe } from "../../../testing/notify";
import { forgetAudience, statusAudience } from "./audience";
import type { StatusChangeEvent } from "./events";
import { emitStatusChanges } from "./status-events";

const { notificationDeliveries: deliveries, notificationEvents: events } = tables;
const COMPONENT = "contoso-edi.roles";

/** A store that fails the test if anything touches it. */
const untouchable = new Proxy({} as Db, {
  get: (_, key) => {
    throw new Error(`the store was used (${String(key)})`);
  },
});

describe.each(ENGINES)("status-change notifications on %s", (engine) => {
  let database: TestDatabase;
  let at = Date.parse("2026-11-24T12:00:00Z");

  beforeAll(async () => {
    database = await openEstateDatabase(engine);
  });
  afterAll(() => database?.close());
  beforeEach(async () => {
    await database.db.delete(deliveries);
    await database.db.delete(events);
    await database.db.update(tables.notificationSubscriptions).set({ deletedAt: new Date() });
    forgetAudience();
  });

  const reading = (status: Extract<Outcome, { ok: true }>["status"]) => {
    at += 30_000;
    return {
      ok: true as const,
      componentId: COMPONENT,
      at: new Date(at),
      status,
      latencyMs: 5,
      reason: status === "operational" ? null : "2 of 4 instances down",
      detail: null,
    };
  };
  const record = async (status: Parameters<typeof reading>[0]) =>
    recordOutcomes(database.db, [reading(status)], await loadCurrent(database.db), () => 90_000);

  it("costs no query while nobody subscribes to status changes", async () => {
    await subscribe(database.db, { kind: "webhook", target: "http://127.0.0.1:9/incidents-only" });
    await record("operational");
    await record("major_outage");
    expect(await database.db.select().from(events)).toHaveLength(0);
    // The audience is cached now: further changes are decided without touching the store.
    const change = {
      componentId: COMPONENT,
      at: new Date(),
      fromStatus: "major_outage",
      toStatus: "operational",
      reason: null,
    };
    expect(await emitStatusChanges(untouchable, [change], database.db)).toBe(0);
  });

  it("writes a change's notification with the change, for the subscriptions that want it", async () => {
    await record("operational");
    // The cache holds "nobody" now; a new subscription here is seen at once.
    expect((await statusAudience(database.db)).subscriptions).toHaveLength(0);
    const mine = await subscribe(database.db, {
      kind: "webhook",
      target: "http://127.0.0.1:9/changes",
      events: ["component.status_changed"],
      components: [COMPONENT],
    });
    const severeOnly = await subscribe(database.db, {
      kind: "webhook",
      target: "http://127.0.0.1:9/severe",
      events: ["component.status_changed"],
      minImpact: "critical",
    });
    await subscribe(database.db, {
      kind: "webhook",
      target: "http://127.0.0.1:9/other",
      events: ["component.status_changed"],
      services: ["fabrikam-b2b"],
    });

    await record("partial_outage");
    await record("partial_outage"); // no change, no notification
    await record("major_outage");
    await record("operational"); // the recovery reaches those told of the outage

    const written = await database.db.select().from(events).orderBy(events.id);
    expect(written.map((e) => (e.payload as StatusChangeEvent).toStatus)).toEqual([
      "partial_outage",
      "major_outage",
      "operational",
    ]);
    expect(written[0]!.payload).toMatchObject({
      kind: "component.status_changed",
      componentId: COMPONENT,
      componentName: expect.any(String),
      fromStatus: "operational",
      serviceIds: ["contoso-edi"],
      reason: "2 of 4 instances down",
    });
    const pairs = await database.db.select().from(deliveries);
    const to = (id: string) =>
      pairs
        .filter((p) => p.subscriptionId === id)
        .map((p) => p.eventId)
        .sort();
    expect(to(mine.subscription.id)).toEqual(written.map((e) => e.id));
    expect(to(severeOnly.subscription.id)).toEqual([written[1]!.id, written[2]!.id]);
    expect(pairs).toHaveLength(5);
  });
});
