/**
 * A TCP proxy on loopback for tests of a store that goes away: connections to its port are piped
 * to the target while it is open. `cut()` resets every connection through it and every new one
 * (a client sees its connection die, then ECONNRESET); `restore()` pipes new connections again.
 * The proxy keeps its port while cut, so nothing else can take it before `restore()`.
 * Plain JavaScript types only: the e2e suite uses it too.
 */
import net from "node:net";

export type TcpProxy = {
  port: number;
  cut(): Promise<void>;
  restore(): Promise<void>;
  close(): Promise<void>;
};

export async function startTcpProxy(target: { host: string; port: number }): Promise<TcpProxy> {
  const sockets = new Set<net.Socket>();
  let open = true;

  const server = net.createServer((client) => {
    if (!open) {
      client.on("error", () => {});
      client.resetAndDestroy();
      return;
    }
    const upstream = net.connect(target.port, target.host);
    for (const socket of [client, upstream]) {
      sockets.add(socket);
      socket.on("close", () => sockets.delete(socket));
      socket.on("error", () => {
        client.destroy();
        upstream.destroy();
      });
    }
    client.pipe(upstream).pipe(client);
  });
  await new Promise<void>((resolve, reject) => {
    server.once("error", reject);
    server.listen(0, "127.0.0.1", () => resolve());
  });
  const port = (server.address() as net.AddressInfo).port;

  const cut = async () => {
    open = false;
    for (const socket of sockets) socket.destroy();
  };
  const restore = async () => {
    open = true;
  };
  const close = async () => {
    await cut();
    if (server.listening) await new Promise<void>((resolve) => server.close(() => resolve()));
  };
  return { port, cut, restore, close };
}
