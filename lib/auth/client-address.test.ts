import type { IncomingMessage } from "node:http";
import { describe, expect, it } from "vitest";
import { setClientAddress, trustedProxyList } from "./client-address";

const request = (remoteAddress: string, forwarded?: string) =>
  ({
    socket: { remoteAddress },
    headers: forwarded === undefined ? {} : { "x-forwarded-for": forwarded },
  }) as unknown as IncomingMessage;

describe("the client address behind a request", () => {
  it("is the connection's own address, whatever a client claims", () => {
    const none = trustedProxyList([]);
    for (const claimed of [undefined, "203.0.113.9", "203.0.113.9, 10.0.0.1"]) {
      const req = request("198.51.100.4", claimed);
      setClientAddress(req, none);
      expect(req.headers["x-forwarded-for"]).toBe("198.51.100.4");
    }
  });

  it("reads IPv4 on an IPv6 socket as IPv4", () => {
    const req = request("::ffff:198.51.100.4", "1.2.3.4");
    setClientAddress(req, trustedProxyList([]));
    expect(req.headers["x-forwarded-for"]).toBe("198.51.100.4");
  });

  it("behind a trusted proxy, keeps what it forwarded and adds the proxy", () => {
    const trusted = trustedProxyList(["10.0.0.0/8", "fd00::1"]);
    const viaProxy = request("10.1.2.3", "203.0.113.9");
    setClientAddress(viaProxy, trusted);
    expect(viaProxy.headers["x-forwarded-for"]).toBe("203.0.113.9, 10.1.2.3");
    const v6 = request("fd00::1", "203.0.113.9");
    setClientAddress(v6, trusted);
    expect(v6.headers["x-forwarded-for"]).toBe("203.0.113.9, fd00::1");
    const direct = request("198.51.100.4", "203.0.113.9");
    setClientAddress(direct, trusted);
    expect(direct.headers["x-forwarded-for"]).toBe("198.51.100.4");
  });
});
