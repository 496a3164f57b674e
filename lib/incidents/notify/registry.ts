/** The process's one notification worker, and what sending needs from the settings. */
import type { Db } from "../../db";
import { logger } from "../../log";
import type { Settings } from "../../settings";
import { smtpMailer, type Mailer } from "./mailer";
import type { SendDeps } from "./send";
import { NotificationWorker, type NotificationWorkerOptions } from "./worker";

/** Each send's deadline: a receiver that has not answered by then is retried later. */
export const SEND_TIMEOUT_MS = 10_000;

const KEY = Symbol.for("standfast.notificationWorker");
const MAILER = Symbol.for("standfast.notify.mailer");
type Global = typeof globalThis & {
  [KEY]?: NotificationWorker;
  [MAILER]?: { url: string; from: string; mailer: Mailer };
};
const g = globalThis as Global;

function mailerFor(settings: Settings): Mailer | null {
  const url = settings.STANDFAST_SMTP_URL;
  const from = settings.STANDFAST_SMTP_FROM;
  if (!url || !from) return null;
  const cached = g[MAILER];
  if (cached?.url === url && cached.from === from) return cached.mailer;
  const mailer = smtpMailer(url, from);
  g[MAILER] = { url, from, mailer };
  return mailer;
}

export function sendDepsFrom(settings: Settings): SendDeps {
  return {
    publicUrl: settings.STANDFAST_PUBLIC_URL ?? `http://localhost:${settings.PORT}`,
    allowPrivate: settings.STANDFAST_NOTIFY_ALLOW_PRIVATE === "on",
    timeoutMs: SEND_TIMEOUT_MS,
    mailer: mailerFor(settings),
  };
}

export function getNotificationWorker(): NotificationWorker | undefined {
  return g[KEY];
}

export function startNotificationWorker(
  db: Db,
  settings: Settings,
  options: Partial<NotificationWorkerOptions> = {},
): NotificationWorker {
  const existing = g[KEY];
  if (existing) return existing;
  const worker = new NotificationWorker({ db, send: sendDepsFrom(settings), ...options });
  g[KEY] = worker;
  worker.start();
  const deps = sendDepsFrom(settings);
  logger("notifications").info(
    `notifications: worker ${worker.id}; e-mail ${deps.mailer ? "through STANDFAST_SMTP_URL" : "off (no STANDFAST_SMTP_URL/STANDFAST_SMTP_FROM)"}` +
      (deps.allowPrivate
        ? "; private webhook targets allowed (STANDFAST_NOTIFY_ALLOW_PRIVATE=on)"
        : ""),
  );
  return worker;
}

export async function stopNotificationWorker(): Promise<void> {
  const worker = g[KEY];
  delete g[KEY];
  await worker?.stop();
}

/** Asks this process's worker to look for due deliveries now (after a commit that wrote some). */
export function kickNotifications(): void {
  g[KEY]?.kick();
}
