import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { Actor } from "../roles";
import { ENGINES, openEstateDatabase, type TestDatabase } from "../../testing/fixtures";
import { notifySettings, subscribe, testWorker } from "../../testing/notify";
import { startWebhookReceiver, type Receiver } from "../../testing/receivers";
import { waitFor } from "../../testing/wait";
import { createIncident, postIncidentUpdate } from "./incident-verbs";
import { startNotificationWorker, stopNotificationWorker, verifySignature } from "./notify";

const operator: Actor = { kind: "user", id: "u-op", name: "Olivia Operator", role: "operator" };

// The two halves of issue 12 meet here: an incident written by an operator reaches a subscriber,
// signed, once per event, and a subscriber filtering on another service hears nothing.
describe.each(ENGINES)("incident events reach their subscribers, on %s", (engine) => {
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

  it("opened, updated and resolved are each delivered once, signed; other services' subscribers get none", async () => {
    const db = database.db;
    const edi = await subscribe(db, {
      kind: "webhook",
      target: `${receiver.url}/edi`,
      services: ["contoso-edi"],
    });
    await subscribe(db, {
      kind: "webhook",
      target: `${receiver.url}/other`,
      services: ["fabrikam-b2b"],
    });
    const ctx = { actor: operator, db };
    const id = await createIncident(ctx, {
      title: "Partners cannot reach the AS2 endpoint",
      impact: "major",
      message: "We are looking into failed AS2 deliveries.",
      components: ["contoso-edi.roles"],
    });
    await postIncidentUpdate(ctx, id, { status: "identified", message: "A certificate expired." });
    await postIncidentUpdate(ctx, id, {
      status: "resolved",
      message: "The certificate is renewed.",
    });

    await testWorker(db).drain();
    const got = await waitFor("three deliveries", () => {
      const hits = receiver.received.filter((r) => r.path === "/edi");
      return hits.length >= 3 && hits;
    });
    expect(got.map((r) => r.headers["x-standfast-event"])).toEqual([
      "incident.opened",
      "incident.updated",
      "incident.resolved",
    ]);
    for (const hit of got) {
      const headers = {
        signature: hit.headers["x-standfast-signature"] as string,
        timestamp: hit.headers["x-standfast-timestamp"] as string,
      };
      expect(verifySignature(edi.secret!, headers, hit.body)).toBe(true);
      expect(hit.json).toMatchObject({ data: { incidentId: id, serviceIds: ["contoso-edi"] } });
    }
    expect(receiver.received.filter((r) => r.path === "/other")).toEqual([]);

    // A second worker finds nothing left to send: each pair went once.
    await testWorker(db).drain();
    expect(receiver.received.filter((r) => r.path === "/edi")).toHaveLength(3);
  });

  it("a committed incident wakes this process's sender: it goes out long before the sender's next tick", async () => {
    const db = database.db;
    await subscribe(db, {
      kind: "webhook",
      target: `${receiver.url}/woken`,
      services: ["fabrikam-b2b"],
    });
    // A sender that would otherwise look again only after a minute.
    const worker = startNotificationWorker(db, notifySettings(), { tickMs: 60_000 });
    try {
      await worker.drain();
      const id = await createIncident(
        { actor: operator, db },
        {
          title: "Fabrikam storage throttled",
          impact: "minor",
          message: "Writes are slow.",
          components: ["fabrikam-b2b.storage"],
        },
      );
      const hit = await waitFor(
        "the opened incident at the receiver before the next tick",
        () => receiver.received.find((r) => r.path === "/woken"),
        15_000,
      );
      expect(hit.json).toMatchObject({ data: { incidentId: id } });
    } finally {
      await stopNotificationWorker();
    }
  });
});
