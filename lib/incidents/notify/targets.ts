/**
 * Where notifications may go. Webhook targets are http(s) URLs that must not reach this server's
 * own network (SSRF): loopback, private, link-local and other special addresses are refused,
 * when the URL names them and again at every send after DNS, on the address actually connected
 * to. STANDFAST_NOTIFY_ALLOW_PRIVATE=on lifts that (tests on loopback, receivers on a LAN).
 */
import dns from "node:dns";
import net from "node:net";
import type { SubscriptionKind } from "./notify-types";

const SPECIAL = new net.BlockList();
for (const [address, prefix] of [
  ["0.0.0.0", 8],
  ["10.0.0.0", 8],
  ["100.64.0.0", 10],
  ["127.0.0.0", 8],
  ["169.254.0.0", 16],
  ["172.16.0.0", 12],
  ["192.0.0.0", 24],
  ["192.0.2.0", 24],
  ["192.168.0.0", 16],
  ["198.18.0.0", 15],
  ["198.51.100.0", 24],
  ["203.0.113.0", 24],
  ["224.0.0.0", 4],
  ["240.0.0.0", 4],
] as const)
  SPECIAL.addSubnet(address, prefix, "ipv4");
for (const [address, prefix] of [
  ["::", 128],
  ["::1", 128],
  ["64:ff9b::", 96],
  ["100::", 64],
  ["2001:db8::", 32],
  ["fc00::", 7],
  ["fe80::", 10],
  ["ff00::", 8],
] as const)
  SPECIAL.addSubnet(address, prefix, "ipv6");

/** Whether an address is loopback, private, link-local, reserved or multicast (IPv4-mapped included). */
export function isPrivateAddress(address: string): boolean {
  const mapped = /^::ffff:(\d+\.\d+\.\d+\.\d+)$/i.exec(address);
  if (mapped) return SPECIAL.check(mapped[1]!, "ipv4");
  const family = net.isIP(address);
  if (family === 4) return SPECIAL.check(address, "ipv4");
  if (family === 6) return SPECIAL.check(address, "ipv6");
  return true;
}

export class TargetRefused extends Error {
  constructor(message: string) {
    super(message);
    this.name = "TargetRefused";
  }
}

const PRIVATE_HINT =
  "webhooks may not call loopback or private addresses (set STANDFAST_NOTIFY_ALLOW_PRIVATE=on to allow them)";

/**
 * Checks a webhook URL as written: http(s), a host, no user name or password in it, and (unless
 * allowed) no loopback or private address. Returns the reason it is refused, or null.
 */
export function urlProblem(text: string, allowPrivate: boolean): string | null {
  let url: URL;
  try {
    url = new URL(text);
  } catch {
    return "expected an http(s) URL, such as https://hooks.example.com/standfast";
  }
  if (url.protocol !== "https:" && url.protocol !== "http:")
    return `expected an http(s) URL, not ${url.protocol.replace(":", "")}`;
  if (!url.hostname) return "the URL has no host";
  if (url.username || url.password) return "remove the user name and password from the URL";
  if (allowPrivate) return null;
  const host = url.hostname.replace(/^\[|\]$/g, "").toLowerCase();
  if (host === "localhost" || host.endsWith(".localhost") || host.endsWith(".local"))
    return PRIVATE_HINT;
  if (net.isIP(host) && isPrivateAddress(host)) return PRIVATE_HINT;
  return null;
}

type LookupCallback = (
  error: NodeJS.ErrnoException | null,
  address: string | dns.LookupAddress[],
  family?: number,
) => void;

/**
 * A `lookup` for http.request that refuses private addresses after DNS, so a name that resolves
 * (or is later re-pointed) to an internal address is refused on the connection itself.
 */
export function guardedLookup(allowPrivate: boolean) {
  return (hostname: string, options: dns.LookupOptions, callback: LookupCallback) => {
    dns.lookup(hostname, { ...options, all: true }, (error, addresses) => {
      if (error) return callback(error, []);
      const list = addresses as dns.LookupAddress[];
      const refused = allowPrivate ? undefined : list.find((a) => isPrivateAddress(a.address));
      if (refused)
        return callback(
          Object.assign(
            new TargetRefused(`${hostname} resolves to ${refused.address}: ${PRIVATE_HINT}`),
            {
              code: "ESTANDFASTPRIVATE",
            },
          ),
          [],
        );
      if (options.all) return callback(null, list);
      const first = list[0];
      if (!first)
        return callback(
          Object.assign(new Error(`${hostname} has no address`), { code: "ENOTFOUND" }),
          [],
        );
      callback(null, first.address, first.family);
    });
  };
}

/** What people may see of a target: an address whole; of a URL only its scheme and host. */
export function targetLabel(kind: SubscriptionKind, target: string): string {
  if (kind === "email") return target;
  try {
    const url = new URL(target);
    return `${url.protocol}//${url.host}`;
  } catch {
    return "(invalid URL)";
  }
}
