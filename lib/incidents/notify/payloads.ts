/** The bodies each kind of receiver expects, from one Message. Pure. */
import type { NotificationEvent } from "./events";
import type { Message } from "./messages";

/** The generic webhook's JSON: the event as data, plus the words and link people would get. */
export function webhookBody(deliveryId: string, event: NotificationEvent, message: Message) {
  return {
    id: deliveryId,
    type: event.kind,
    occurredAt: event.at,
    title: message.title,
    text: message.lines.join("\n"),
    url: message.url,
    impact: message.impact,
    data: event,
  };
}

/** Slack treats &, < and > as markup (`<!channel>` pings everyone): escape what we did not write. */
const slackEscape = (text: string) =>
  text.replace(/&/g, "&amp;").replace(/</g, "&lt;").replace(/>/g, "&gt;");

/** Slack incoming webhook: `text` is the notification fallback; blocks are what the channel shows. */
export function slackBody(message: Message) {
  const body = message.lines.map(slackEscape).join("\n");
  return {
    text: `${message.title}${message.lines[0] ? ` — ${message.lines[0]}` : ""}`.slice(0, 3000),
    blocks: [
      { type: "header", text: { type: "plain_text", text: message.title.slice(0, 150) } },
      ...(body ? [{ type: "section", text: { type: "mrkdwn", text: body.slice(0, 3000) } }] : []),
      {
        type: "context",
        elements: [{ type: "mrkdwn", text: `<${message.url}|Open in Standfast>` }],
      },
    ],
  };
}

/**
 * Microsoft Teams Workflows ("Send webhook alerts to a channel"): a message whose attachment is
 * an Adaptive Card, which the workflow posts to the channel.
 */
export function teamsBody(message: Message) {
  return {
    type: "message",
    attachments: [
      {
        contentType: "application/vnd.microsoft.card.adaptive",
        contentUrl: null,
        content: {
          $schema: "http://adaptivecards.io/schemas/adaptive-card.json",
          type: "AdaptiveCard",
          version: "1.4",
          body: [
            {
              type: "TextBlock",
              text: message.title,
              weight: "Bolder",
              size: "Medium",
              wrap: true,
            },
            ...message.lines.map((text) => ({ type: "TextBlock", text, wrap: true })),
          ],
          actions: [{ type: "Action.OpenUrl", title: "Open in Standfast", url: message.url }],
        },
      },
    ],
  };
}

const htmlEscape = (text: string) =>
  text.replace(/&/g, "&amp;").replace(/</g, "&lt;").replace(/>/g, "&gt;").replace(/"/g, "&quot;");

/** An e-mail: subject, plain text and a small HTML part, with the unsubscribe link in both. */
export function emailContent(message: Message, unsubscribeUrl: string) {
  const subject = `[Standfast] ${message.title}`.replace(/[\r\n]+/g, " ").slice(0, 200);
  const text = [
    message.title,
    "",
    ...message.lines,
    "",
    `Details: ${message.url}`,
    "",
    `Stop these e-mails: ${unsubscribeUrl}`,
  ].join("\n");
  const html = [
    `<h1 style="font-size:18px">${htmlEscape(message.title)}</h1>`,
    ...message.lines.map((l) => `<p>${htmlEscape(l)}</p>`),
    `<p><a href="${htmlEscape(message.url)}">Open in Standfast</a></p>`,
    `<p style="color:#555;font-size:12px"><a href="${htmlEscape(unsubscribeUrl)}">Stop these e-mails</a></p>`,
  ].join("\n");
  return { subject, text, html };
}
