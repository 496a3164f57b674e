import type { IncomingMessage } from "node:http";
import { describe, expect, it } from "vitest";
import { trustedProxyList } from "../auth/client-address";
import { setForwardedOrigin } from "./forwarded";

const request = (remoteAddress: string, headers: Record<string, string>, encrypted = false) =>
  ({ socket: { remoteAddress, encrypted }, headers: { ...headers } }) as unknown as IncomingMessage;

const CLAIMS = { "x-forwarded-proto": "https", "x-forwarded-host": "status.example.com" };

describe("the scheme and host a request was sent to", () => {
  it("are this connection's own when a client that is not a trusted proxy claims others", () => {
    const req = request("198.51.100.4", { host: "localhost:3000", ...CLAIMS });
    setForwardedOrigin(req, trustedProxyList(["10.0.0.0/8"]));
    expect(req.headers["x-forwarded-proto"]).toBe("http");
    expect(req.headers["x-forwarded-host"]).toBeUndefined();
    expect(req.headers.host).toBe("localhost:3000");
  });

  it("are what a trusted proxy forwarded", () => {
    const req = request("::ffff:10.1.2.3", { host: "10.0.0.5:3000", ...CLAIMS });
    setForwardedOrigin(req, trustedProxyList(["10.0.0.0/8"]));
    expect(req.headers["x-forwarded-proto"]).toBe("https");
    expect(req.headers["x-forwarded-host"]).toBe("status.example.com");
  });

  it("say https on a TLS socket, and fill in what a trusted proxy left out", () => {
    const tls = request("198.51.100.4", { host: "localhost:3000" }, true);
    setForwardedOrigin(tls, trustedProxyList([]));
    expect(tls.headers["x-forwarded-proto"]).toBe("https");
    const proxy = request("10.1.2.3", { host: "10.0.0.5:3000" });
    setForwardedOrigin(proxy, trustedProxyList(["10.0.0.0/8"]));
    expect(proxy.headers["x-forwarded-proto"]).toBe("http");
  });

  it("treat a connection with no address as untrusted", () => {
    const req = request("", { host: "localhost:3000", ...CLAIMS });
    setForwardedOrigin(req, trustedProxyList(["10.0.0.0/8"]));
    expect(req.headers["x-forwarded-proto"]).toBe("http");
  });
});
