/**
 * Real receivers on loopback for notification tests: an HTTP server that records each POST (and
 * can answer slowly, fail, or check a signature), and an SMTP server (smtp-server) that keeps
 * every mail it accepts.
 */
import { SMTPServer } from "smtp-server";
import type net from "node:net";
import { startHttpServer, type TestServer } from "./servers";

export type Received = {
  at: number;
  path: string;
  headers: Record<string, string | string[] | undefined>;
  body: string;
  json: unknown;
};

export type Receiver = TestServer & {
  received: Received[];
  /** What the next requests get: a status, or a hang until the connection is dropped. */
  answer: (path: string) => number | "hang";
};

export async function startWebhookReceiver(
  answer: (path: string) => number | "hang" = () => 200,
): Promise<Receiver> {
  const received: Received[] = [];
  // The handler reads the receiver, made once the server listens: tests change `answer` on it.
  const holder: { receiver?: Receiver } = {};
  const server = await startHttpServer((req, res) => {
    const chunks: Buffer[] = [];
    req.on("data", (c: Buffer) => chunks.push(c));
    req.on("end", () => {
      const body = Buffer.concat(chunks).toString("utf8");
      let json: unknown = null;
      try {
        json = JSON.parse(body);
      } catch {
        json = null;
      }
      const path = req.url ?? "/";
      received.push({ at: Date.now(), path, headers: req.headers, body, json });
      const reply = holder.receiver!.answer(path);
      if (reply === "hang") return;
      res.writeHead(reply, { "content-type": "text/plain" });
      res.end(reply < 300 ? "ok" : "no");
    });
  });
  holder.receiver = Object.assign(server, { received, answer });
  return holder.receiver;
}

export type Mail = { at: number; from: string; to: string[]; raw: string };

export async function startSmtpReceiver(): Promise<{
  port: number;
  url: string;
  mails: Mail[];
  close(): Promise<void>;
}> {
  const mails: Mail[] = [];
  const server = new SMTPServer({
    authOptional: true,
    disabledCommands: ["STARTTLS"],
    logger: false,
    onData(stream, session, callback) {
      const chunks: Buffer[] = [];
      stream.on("data", (c: Buffer) => chunks.push(c));
      stream.on("end", () => {
        mails.push({
          at: Date.now(),
          from: session.envelope.mailFrom ? session.envelope.mailFrom.address : "",
          to: session.envelope.rcptTo.map((r) => r.address),
          raw: Buffer.concat(chunks).toString("utf8"),
        });
        callback();
      });
    },
  });
  await new Promise<void>((resolve, reject) => {
    server.once("error", reject);
    server.listen(0, "127.0.0.1", () => resolve());
  });
  const port = ((server as unknown as { server: net.Server }).server.address() as net.AddressInfo)
    .port;
  return {
    port,
    url: `smtp://127.0.0.1:${port}`,
    mails,
    close: () => new Promise<void>((resolve) => server.close(() => resolve())),
  };
}
