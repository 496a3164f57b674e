/** E-mail through SMTP (nodemailer), reduced to the same outcome as a webhook POST. */
import nodemailer from "nodemailer";
import type { PostOutcome } from "./http-post";

export type Mail = {
  to: string;
  subject: string;
  text: string;
  html: string;
  unsubscribeUrl: string;
};
export type Mailer = { send(mail: Mail, timeoutMs: number): Promise<PostOutcome> };

type SmtpError = Error & { responseCode?: number; code?: string };

/** The server's answer in words; SMTP replies quote no password, but the URL's host is enough. */
function describe(error: SmtpError, host: string, timeoutMs: number): string {
  if (error.code === "ETIMEDOUT" || error.code === "ETIMEOUT")
    return `the SMTP server ${host} did not answer within ${timeoutMs / 1000} s`;
  if (error.code === "ECONNECTION" || error.code === "ESOCKET")
    return `the SMTP server ${host} could not be reached (${error.message.split("\n")[0]})`;
  if (error.code === "EAUTH")
    return `the SMTP server ${host} refused the sign-in (check STANDFAST_SMTP_URL)`;
  return `SMTP ${host}: ${error.message.split("\n")[0]}`;
}

/** A mailer for STANDFAST_SMTP_URL; a new connection per message keeps a dead server from holding one. */
export function smtpMailer(smtpUrl: string, from: string): Mailer {
  const host = new URL(smtpUrl).host;
  const transports = new Map<number, ReturnType<typeof nodemailer.createTransport>>();
  const transportFor = (timeoutMs: number) => {
    let transport = transports.get(timeoutMs);
    if (!transport) {
      transport = nodemailer.createTransport({
        url: smtpUrl,
        connectionTimeout: timeoutMs,
        greetingTimeout: timeoutMs,
        socketTimeout: timeoutMs,
      } as Parameters<typeof nodemailer.createTransport>[0]);
      transports.set(timeoutMs, transport);
    }
    return transport;
  };
  return {
    async send(mail, timeoutMs) {
      let timer: NodeJS.Timeout | undefined;
      const timeout = new Promise<never>((_, reject) => {
        timer = setTimeout(
          () => reject(Object.assign(new Error("timeout"), { code: "ETIMEDOUT" })),
          timeoutMs,
        );
      });
      try {
        await Promise.race([
          transportFor(timeoutMs).sendMail({
            from,
            to: mail.to,
            subject: mail.subject,
            text: mail.text,
            html: mail.html,
            list: { unsubscribe: { url: mail.unsubscribeUrl, comment: "Stop these e-mails" } },
          }),
          timeout,
        ]);
        return { ok: true, status: 250 };
      } catch (error) {
        const e = error as SmtpError;
        return {
          ok: false,
          // 5xx is the server's final word (no such mailbox); 4xx and network trouble are retried.
          permanent: typeof e.responseCode === "number" && e.responseCode >= 500,
          error: describe(e, host, timeoutMs),
        };
      } finally {
        clearTimeout(timer);
      }
    },
  };
}
