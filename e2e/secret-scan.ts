/**
 * The suite's secret scanner: every response a spec sees (pages, RSC payloads, server actions,
 * API calls) is searched for the demo estate's secret values, computed by the same generator the
 * app uses. `support.ts` wires it into the shared `test` fixture.
 */
import type {
  APIRequestContext,
  APIResponse,
  Browser,
  BrowserContext,
  Request,
} from "@playwright/test";
import { demoConfiguration } from "../lib/control-plane/demo-config";
import { secretValues } from "../lib/secrets";
import { DEMO_ESTATE } from "../lib/estate/demo";
import type { Edition } from "../lib/estate/types";

export type SecretFinding = { url: string; what: string; service: string };
type Needle = { text: string; what: string; service: string };

/** A piece of a secret as base64 wherever it falls in the encoded bytes: the characters it alone decides. */
function base64Forms(piece: string): string[] {
  return [0, 1, 2].map((offset) => {
    const encoded = Buffer.concat([Buffer.alloc(offset), Buffer.from(piece)])
      .toString("base64")
      .replace(/=+$/, "");
    const partialEnd = (offset + Buffer.byteLength(piece)) % 3 === 0 ? 0 : 1;
    return encoded.slice(offset === 0 ? 0 : offset + 1, encoded.length - partialEnd);
  });
}

/**
 * What to look for of each secret: all of a short one, the two ends of a long one (a truncated
 * leak), each as text, URL-encoded, as the numbers of a serialised Buffer, and as base64.
 */
function needlesOf(value: string): string[] {
  const pieces = value.length <= 64 ? [value] : [value.slice(0, 32), value.slice(-32)];
  return [
    ...new Set(
      pieces.flatMap((p) => [
        p,
        encodeURIComponent(p),
        [...Buffer.from(p)].join(","),
        ...base64Forms(p),
      ]),
    ),
  ];
}

/** What to look for in text: the demo estate's secrets, each with its service and what it is. */
export function demoSecretNeedles(): Needle[] {
  const needles = new Map<string, Needle>();
  for (const s of DEMO_ESTATE.services) {
    const config = demoConfiguration({
      id: s.name,
      edition: s.edition as Edition,
      units: s.units ?? 1,
      region: s.region,
    });
    for (const { what, value } of secretValues(config))
      for (const text of needlesOf(value)) needles.set(text, { text, what, service: s.name });
  }
  return [...needles.values()];
}

/** One expression for all needles: a page is searched once, not once per needle. */
function matcher(needles: Needle[]) {
  const byText = new Map(needles.map((n) => [n.text, n]));
  const escaped = [...byText.keys()].map((t) => t.replace(/[.*+?^${}()|[\]\\/]/g, "\\$&"));
  return { byText, pattern: new RegExp(escaped.join("|"), "g") };
}

const NEEDLES = demoSecretNeedles();
const DEMO_MATCHER = matcher(NEEDLES);

/** The demo secrets (and any `extra` needles) a text holds, one finding per secret. */
export function findSecrets(text: string, extra: Needle[] = []): Omit<SecretFinding, "url">[] {
  const found = new Map<string, Omit<SecretFinding, "url">>();
  for (const { byText, pattern } of [DEMO_MATCHER, ...(extra.length ? [matcher(extra)] : [])])
    for (const m of text.matchAll(pattern)) {
      const n = byText.get(m[0])!;
      found.set(`${n.service}/${n.what}`, { what: n.what, service: n.service });
    }
  return [...found.values()];
}

/** Built once by the build, the same for everyone: no runtime value can be in them. */
const STATIC = /\/_next\/static\/|\.(png|ico|svg|woff2?|webp|jpg)(\?|$)/;
const BINARY = /^(image|font|audio|video)\//;

const watchedContexts = new WeakSet<BrowserContext>();
const patchedBrowsers = new WeakSet<Browser>();
const patchedRequestClasses = new WeakSet<object>();

/** Collects what one test's responses gave away. */
export class SecretScan {
  readonly findings: SecretFinding[] = [];
  private pending = new Set<Promise<void>>();
  private extra: Needle[] = [];

  /** Something else this test's responses must not hold (such as a server folder), named. */
  alsoFind(text: string, what: string) {
    this.extra.push({ text, what, service: "the server" });
  }

  /** The findings so far, removed: for a spec that plants a secret to prove the scanner sees it. */
  take(): SecretFinding[] {
    return this.findings.splice(0);
  }

  scanText(url: string, text: string) {
    for (const f of findSecrets(text, this.extra))
      if (!this.findings.some((x) => x.url === url && x.what === f.what && x.service === f.service))
        this.findings.push({ url, ...f });
  }

  private track(work: Promise<void>) {
    const p = work.catch(() => {}).finally(() => this.pending.delete(p));
    this.pending.add(p);
  }

  /** Waits for the scans of responses already received. */
  async settle() {
    while (this.pending.size) await Promise.all([...this.pending]);
  }

  async scanBody(url: string, contentType: string, body: () => Promise<Buffer>, headers: string) {
    this.scanText(url, headers);
    if (STATIC.test(new URL(url).pathname) || BINARY.test(contentType)) return;
    // A redirect or a response cut short has no body to read; its headers were scanned.
    const bytes = await body().catch(() => null);
    if (bytes) this.scanText(url, bytes.toString("utf8"));
  }

  private onBrowserResponse = (request: Request) =>
    this.track(
      (async () => {
        const response = await request.response();
        if (!response) return;
        const headers = await response.allHeaders();
        await this.scanBody(
          response.url(),
          headers["content-type"] ?? "",
          () => response.body(),
          JSON.stringify(headers),
        );
      })(),
    );

  /** Every finished response of the context's pages: documents, RSC payloads, actions, fetches. */
  watchContext(context: BrowserContext) {
    if (watchedContexts.has(context)) return;
    watchedContexts.add(context);
    context.on("requestfinished", (request) => current?.onBrowserResponse(request));
    patchRequestClass(context.request);
  }

  async scanApiResponse(response: APIResponse) {
    const headers = response.headers();
    await this.scanBody(
      response.url(),
      headers["content-type"] ?? "",
      () => response.body(),
      JSON.stringify(headers),
    );
  }
}

/** The scan of the test running now (the suite runs one test at a time per worker). */
let current: SecretScan | null = null;

export function beginScan(browser: Browser): SecretScan {
  current = new SecretScan();
  if (!patchedBrowsers.has(browser)) {
    patchedBrowsers.add(browser);
    // Contexts a spec makes itself (browser.newContext / newPage) are watched as well.
    const newContext = browser.newContext.bind(browser);
    browser.newContext = async (...args) => {
      const context = await newContext(...args);
      current?.watchContext(context);
      return context;
    };
  }
  return current;
}

export function endScan() {
  current = null;
}

/** Every API call (the `request` fixture, `page.request`, `context.request`) is scanned too. */
export function patchRequestClass(request: APIRequestContext) {
  const proto = Object.getPrototypeOf(request) as APIRequestContext;
  if (patchedRequestClasses.has(proto)) return;
  patchedRequestClasses.add(proto);
  const fetch = proto.fetch;
  proto.fetch = async function (this: APIRequestContext, ...args: Parameters<typeof fetch>) {
    const response = await fetch.apply(this, args);
    await current?.scanApiResponse(response);
    return response;
  } as typeof fetch;
}

export function describeFindings(findings: SecretFinding[]): string {
  return findings.map((f) => `  ${f.url}: ${f.service}'s ${f.what}`).join("\n");
}
