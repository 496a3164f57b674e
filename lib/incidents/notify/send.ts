/** Sends one delivery to its receiver, whatever its kind; the outcome says whether to retry. */
import type { NotificationEvent } from "./events";
import { postJson, type PostOutcome } from "./http-post";
import type { Mailer } from "./mailer";
import { describeEvent } from "./messages";
import type { SubscriptionKind } from "./notify-types";
import { emailContent, slackBody, teamsBody, webhookBody } from "./payloads";
import { signBody } from "./signature";

export type SendDeps = {
  publicUrl: string;
  allowPrivate: boolean;
  timeoutMs: number;
  /** Null when STANDFAST_SMTP_URL is not set. */
  mailer: Mailer | null;
};

export type Outgoing = {
  deliveryId: number;
  event: NotificationEvent;
  subscription: {
    kind: SubscriptionKind;
    target: string;
    secret: string | null;
    unsubscribeToken: string;
  };
};

export const unsubscribeUrl = (publicUrl: string, token: string) =>
  `${publicUrl.replace(/\/+$/, "")}/subscribe/unsubscribe?token=${encodeURIComponent(token)}`;

export async function sendDelivery(job: Outgoing, deps: SendDeps): Promise<PostOutcome> {
  const { subscription, event } = job;
  const message = describeEvent(event, deps.publicUrl);
  const id = String(job.deliveryId);
  const http = { timeoutMs: deps.timeoutMs, allowPrivate: deps.allowPrivate };
  // The same on every attempt: a receiver that saw it already can drop the repeat.
  const ids = { "x-standfast-event": event.kind, "x-standfast-delivery": id };
  switch (subscription.kind) {
    case "webhook": {
      const body = JSON.stringify(webhookBody(id, event, message));
      const timestamp = Math.floor(Date.now() / 1000);
      const headers: Record<string, string> = {
        ...ids,
        "x-standfast-timestamp": String(timestamp),
      };
      if (subscription.secret)
        headers["x-standfast-signature"] = signBody(subscription.secret, timestamp, body);
      return postJson(subscription.target, body, headers, http);
    }
    case "slack":
      return postJson(subscription.target, JSON.stringify(slackBody(message)), ids, http);
    case "teams":
      return postJson(subscription.target, JSON.stringify(teamsBody(message)), ids, http);
    case "email": {
      if (!deps.mailer)
        return {
          ok: false,
          permanent: false,
          error:
            "e-mail is not set up on this server: set STANDFAST_SMTP_URL and STANDFAST_SMTP_FROM",
        };
      const content = emailContent(
        message,
        unsubscribeUrl(deps.publicUrl, subscription.unsubscribeToken),
      );
      return deps.mailer.send(
        {
          to: subscription.target,
          ...content,
          unsubscribeUrl: unsubscribeUrl(deps.publicUrl, subscription.unsubscribeToken),
        },
        deps.timeoutMs,
      );
    }
  }
}
