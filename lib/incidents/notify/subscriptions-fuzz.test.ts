import fc from "fast-check";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { SYSTEM, type Actor } from "../../roles";
import { tables } from "../../db";
import { isDomainError } from "../../errors";
import { addUser } from "../../../testing/auth";
import { openEstateDatabase, type TestDatabase } from "../../../testing/fixtures";
import { notifySettings, token } from "../../../testing/notify";
import { subscribeSelf, unsubscribeByToken } from "./self-service";
import { SelfSubscriptionInput, SubscriptionInput } from "./subscription-input";
import { createSubscription, deleteSubscription } from "./subscriptions";
import { sendTest } from "./test-send";

const { notificationSubscriptions: subscriptions, notificationDeliveries: deliveries } = tables;

// Each write verb, fed 1,000 generated inputs its schema refuses: each call ends in a clear domain
// error, and nothing changes.
describe("generated bad input to every notification write", () => {
  let database: TestDatabase;
  let viewer: Actor;
  const settings = notifySettings("smtp://127.0.0.1:1");
  const ctx = (actor: Actor) => ({ actor, db: database.db });
  beforeAll(async () => {
    database = await openEstateDatabase("pglite");
    const user = await addUser(database, { email: "fuzz@example.com", role: "viewer" });
    viewer = { kind: "user", id: user.id, name: "fuzz", role: "viewer" };
  });
  afterAll(() => database?.close());

  const invalidFor = (schema: { safeParse: (v: unknown) => { success: boolean } }) =>
    fc.anything().filter((v) => !schema.safeParse(v).success);
  const cases: [string, fc.Arbitrary<unknown>, (raw: unknown) => Promise<unknown>][] = [
    [
      "createSubscription",
      invalidFor(SubscriptionInput),
      (raw) => createSubscription(ctx(token("admin")), raw, settings),
    ],
    [
      "subscribeSelf",
      invalidFor(SelfSubscriptionInput),
      (raw) => subscribeSelf(ctx(viewer), raw, settings),
    ],
    ["deleteSubscription", fc.anything(), (raw) => deleteSubscription(ctx(token("admin")), raw)],
    ["sendTest", fc.anything(), (raw) => sendTest(ctx(token("admin")), raw, settings)],
    ["unsubscribeByToken", fc.anything(), (raw) => unsubscribeByToken(ctx(SYSTEM), raw)],
  ];
  it.each(cases)(
    "%s: 1,000 bad inputs give clear errors and change nothing",
    async (_name, input, call) => {
      const state = async () => ({
        subscriptions: await database.db.select().from(subscriptions),
        deliveries: await database.db.select().from(deliveries),
        events: await database.db.select().from(tables.notificationEvents),
      });
      const before = await state();
      await fc.assert(
        fc.asyncProperty(input, async (raw) => {
          const error = await call(raw).then(
            () => null,
            (e: unknown) => e,
          );
          expect(isDomainError(error), `accepted, or crashed with ${String(error)}`).toBe(true);
        }),
        { numRuns: 1_000 },
      );
      expect(await state()).toEqual(before);
    },
    120_000,
  );
});
