import type { IncomingMessage } from "node:http";
import { BlockList, isIP } from "node:net";

/** `::ffff:10.0.0.1` (IPv4 on an IPv6 socket) as `10.0.0.1`. */
const plain = (address: string) => address.replace(/^::ffff:(?=\d+\.\d+\.\d+\.\d+$)/i, "");

export function trustedProxyList(entries: string[]): BlockList {
  const list = new BlockList();
  for (const entry of entries) {
    const [address, prefix] = entry.split("/");
    const family = isIP(address!) === 6 ? "ipv6" : "ipv4";
    if (prefix === undefined) list.addAddress(address!, family);
    else list.addSubnet(address!, Number(prefix), family);
  }
  return list;
}

/**
 * Makes X-Forwarded-For say who is really calling, for the sign-in rate limit and the audit log:
 * the connection's own address, after what a trusted proxy forwarded (STANDFAST_TRUSTED_PROXIES).
 * A header sent by anyone else is replaced, so a client cannot pick the address it is counted as.
 */
export function setClientAddress(req: IncomingMessage, trusted: BlockList): void {
  const remote = plain(req.socket.remoteAddress ?? "");
  const family = isIP(remote) === 6 ? "ipv6" : "ipv4";
  const forwarded = req.headers["x-forwarded-for"];
  const chain = Array.isArray(forwarded) ? forwarded.join(", ") : forwarded;
  req.headers["x-forwarded-for"] =
    chain && remote && trusted.check(remote, family) ? `${chain}, ${remote}` : remote;
}
