/** Real servers on loopback for tests: HTTP with a handler, closed ports, and a port that never accepts. */
import { spawn, type ChildProcess } from "node:child_process";
import http from "node:http";
import net from "node:net";

export type TestServer = {
  server: http.Server;
  port: number;
  /** `http://127.0.0.1:<port>` */
  url: string;
  /** Every request the server has received, in order. */
  requests: http.IncomingMessage[];
  close(): Promise<void>;
};

export async function startHttpServer(handler: http.RequestListener): Promise<TestServer> {
  const requests: http.IncomingMessage[] = [];
  const server = http.createServer((req, res) => {
    requests.push(req);
    handler(req, res);
  });
  await new Promise<void>((resolve, reject) => {
    server.once("error", reject);
    server.listen(0, "127.0.0.1", () => resolve());
  });
  const port = (server.address() as net.AddressInfo).port;
  return {
    server,
    port,
    url: `http://127.0.0.1:${port}`,
    requests,
    close: () =>
      new Promise<void>((resolve) => {
        server.closeAllConnections();
        server.close(() => resolve());
      }),
  };
}

/** A loopback port nothing listens on: bound by the OS, then released. */
export async function closedPort(): Promise<number> {
  const server = net.createServer();
  await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", () => resolve()));
  const port = (server.address() as net.AddressInfo).port;
  await new Promise<void>((resolve) => server.close(() => resolve()));
  return port;
}

/** A listening TCP server that accepts (and immediately holds) every connection. */
export async function startTcpServer(): Promise<{
  port: number;
  connections: () => number;
  close(): Promise<void>;
}> {
  const sockets = new Set<net.Socket>();
  let count = 0;
  const server = net.createServer((socket) => {
    count++;
    sockets.add(socket);
    socket.on("close", () => sockets.delete(socket));
  });
  await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", () => resolve()));
  return {
    port: (server.address() as net.AddressInfo).port,
    connections: () => count,
    close: () =>
      new Promise<void>((resolve) => {
        for (const s of sockets) s.destroy();
        server.close(() => resolve());
      }),
  };
}

const NEVER_ACCEPTS = `
const net = require("node:net");
const fs = require("node:fs");
const server = net.createServer();
server.listen({ port: 0, host: "127.0.0.1", backlog: 1 }, () => {
  fs.writeSync(1, server.address().port + "\\n");
  // Block the event loop: the socket listens, but nothing ever accepts.
  Atomics.wait(new Int32Array(new SharedArrayBuffer(4)), 0, 0);
});`;

const connects = (port: number, withinMs: number) =>
  new Promise<{ socket: net.Socket; connected: boolean }>((resolve, reject) => {
    const socket = net.connect({ host: "127.0.0.1", port });
    const timer = setTimeout(() => resolve({ socket, connected: false }), withinMs);
    socket.once("connect", () => {
      clearTimeout(timer);
      resolve({ socket, connected: true });
    });
    socket.once("error", (error) => {
      clearTimeout(timer);
      reject(error);
    });
  });

/**
 * A loopback port where a TCP connect hangs: a child process listens with a tiny backlog and
 * never accepts; once the accept queue is full the kernel drops further SYNs.
 */
export async function startUnansweredTcpPort(): Promise<{ port: number; close(): void }> {
  const child: ChildProcess = spawn(process.execPath, ["-e", NEVER_ACCEPTS], {
    stdio: ["ignore", "pipe", "inherit"],
  });
  const port = await new Promise<number>((resolve, reject) => {
    child.once("error", reject);
    child.stdout!.once("data", (d) => resolve(Number(String(d).trim())));
  });
  const fillers: net.Socket[] = [];
  const close = () => {
    for (const s of fillers) s.destroy();
    child.kill("SIGKILL");
  };
  try {
    for (let i = 0; i < 16; i++) {
      const { socket, connected } = await connects(port, 300);
      fillers.push(socket);
      if (!connected) return { port, close };
    }
  } catch (error) {
    close();
    throw error;
  }
  close();
  throw new Error("could not fill the accept queue: every connection was accepted");
}

export type RawResponse = { status: number; headers: http.IncomingHttpHeaders; body: Buffer };

/** One HTTP request with exactly the headers given (no automatic compression), body as bytes. */
export function rawRequest(
  url: string,
  options: { method?: string; headers?: Record<string, string>; body?: string } = {},
): Promise<RawResponse> {
  return new Promise((resolve, reject) => {
    const req = http.request(
      url,
      { method: options.method ?? "GET", headers: options.headers, agent: false },
      (res) => {
        const chunks: Buffer[] = [];
        res.on("data", (c: Buffer) => chunks.push(c));
        res.on("end", () =>
          resolve({ status: res.statusCode!, headers: res.headers, body: Buffer.concat(chunks) }),
        );
        res.on("error", reject);
      },
    );
    req.on("error", reject);
    req.end(options.body);
  });
}
