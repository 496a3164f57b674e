/** Fixtures for notification tests: settings that allow loopback receivers, subscriptions, workers. */
import { SYSTEM, type Actor, type Role } from "../lib/roles";
import { tables, type Db } from "../lib/db";
import { createSubscription } from "../lib/incidents/notify/subscriptions";
import type { IncidentEvent } from "../lib/incidents/notify/outbox";
import { NotificationWorker, type NotificationWorkerOptions } from "../lib/incidents/notify/worker";
import { smtpMailer } from "../lib/incidents/notify/mailer";
import { parseSettings, type Settings } from "../lib/settings";

/** An API token of `role`, as the notification tests call the verbs. */
export const token = (role: Role): Actor => ({
  kind: "api-token",
  id: `t-${role}`,
  name: `${role} token`,
  role,
});

export const PUBLIC_URL = "https://status.example.com";

export function notifySettings(smtpUrl?: string, extra: Record<string, string> = {}): Settings {
  return parseSettings({
    STANDFAST_NOTIFY_ALLOW_PRIVATE: "on",
    STANDFAST_PUBLIC_URL: PUBLIC_URL,
    ...(smtpUrl
      ? { STANDFAST_SMTP_URL: smtpUrl, STANDFAST_SMTP_FROM: "standfast@example.com" }
      : {}),
    ...extra,
  });
}

export async function subscribe(
  db: Db,
  input: Record<string, unknown>,
  settings: Settings = notifySettings(),
) {
  return createSubscription({ actor: SYSTEM, db }, { name: "test", ...input }, settings);
}

/** A worker with short timeouts and backoff, sending to loopback. */
export function testWorker(
  db: Db,
  options: Partial<NotificationWorkerOptions> & { smtpUrl?: string; timeoutMs?: number } = {},
) {
  const { smtpUrl, timeoutMs = 1_000, ...rest } = options;
  return new NotificationWorker({
    db,
    send: {
      publicUrl: PUBLIC_URL,
      allowPrivate: true,
      timeoutMs,
      mailer: smtpUrl ? smtpMailer(smtpUrl, "standfast@example.com") : null,
    },
    tickMs: 50,
    leaseMs: timeoutMs * 2,
    retry: { maxAttempts: 4, baseMs: 40, maxDelayMs: 200 },
    ...rest,
  });
}

export function incident(over: Partial<Extract<IncidentEvent, { incidentId: string }>> = {}) {
  return {
    kind: "incident.opened",
    incidentId: "inc-1",
    title: "Contoso EDI bridges failing",
    status: "investigating",
    impact: "major",
    message: "Messages to partners are queued.",
    componentIds: ["contoso-edi.roles"],
    serviceIds: ["contoso-edi"],
    at: "2026-11-24T12:00:00.000Z",
    ...over,
  } as IncidentEvent;
}

/** Every subscription row, deleted ones too: to show a refused write changed nothing. */
export const subscriptionRows = (db: Db) =>
  db.select().from(tables.notificationSubscriptions).orderBy(tables.notificationSubscriptions.id);
