import type { IncomingMessage } from "node:http";
import { isIP, type BlockList } from "node:net";

/**
 * Makes X-Forwarded-Proto and X-Forwarded-Host say what the browser really used, for the
 * same-origin checks (and Next, which builds request URLs from them): a trusted proxy's values
 * (STANDFAST_TRUSTED_PROXIES) are kept, anyone else's are replaced by this connection's own
 * scheme and Host header, so a client cannot pick the origin it is compared with.
 */
export function setForwardedOrigin(req: IncomingMessage, trusted: BlockList): void {
  const remote = (req.socket.remoteAddress ?? "").replace(/^::ffff:(?=\d+\.\d+\.\d+\.\d+$)/i, "");
  const own = (req.socket as { encrypted?: boolean }).encrypted ? "https" : "http";
  const family = isIP(remote);
  const fromProxy = family !== 0 && trusted.check(remote, family === 6 ? "ipv6" : "ipv4");
  if (!fromProxy) {
    req.headers["x-forwarded-proto"] = own;
    delete req.headers["x-forwarded-host"];
  } else if (!req.headers["x-forwarded-proto"]) {
    req.headers["x-forwarded-proto"] = own;
  }
}
