import { z } from "zod";

/** Notifications (SMTP, outbound targets) and the Prometheus endpoint: the variables, with their defaults. */
export const notifySettings = {
  /** Where e-mail notifications are sent through: smtp://user:pass@host:587 or smtps://host:465. */
  STANDFAST_SMTP_URL: z
    .url({
      protocol: /^smtps?$/,
      message: "expected an SMTP URL such as smtp://user:password@mail.example.com:587",
    })
    .optional(),
  STANDFAST_SMTP_FROM: z
    .string()
    .max(200)
    .pipe(z.email("expected the sender's address, such as standfast@example.com"))
    .optional(),
  /**
   * Whether webhooks may target loopback, private and link-local addresses. Off by default, so a
   * subscription cannot make the server call its own network (SSRF); tests on loopback turn it on.
   */
  STANDFAST_NOTIFY_ALLOW_PRIVATE: z
    .enum(["on", "off"], { message: 'expected "on" or "off"' })
    .default("off"),
  /** /metrics: public, token (an admin API token as Bearer), or off. */
  STANDFAST_METRICS: z
    .enum(["public", "token", "off"], { message: 'expected "public", "token" or "off"' })
    .default("token"),
};
