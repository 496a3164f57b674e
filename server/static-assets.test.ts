import fs from "node:fs";
import http from "node:http";
import os from "node:os";
import path from "node:path";
import { brotliCompressSync, brotliDecompressSync, gunzipSync } from "node:zlib";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { rawRequest, startHttpServer, type TestServer } from "../testing/servers";
import { createStaticAssets } from "./static-assets";

const script = `console.log(${JSON.stringify("x".repeat(4000))});`;
const other = `console.log(${JSON.stringify("y".repeat(4000))});`;
/** What the build writes beside a file (scripts/precompress.mjs): at quality 11, unlike the server's. */
const builtBrotli = (text: string) => brotliCompressSync(Buffer.from(text));

describe("static assets", () => {
  let dir: string;
  let server: TestServer;
  const passedOn: string[] = [];

  beforeAll(async () => {
    dir = fs.mkdtempSync(path.join(os.tmpdir(), "standfast-static-"));
    fs.mkdirSync(path.join(dir, "static/chunks"), { recursive: true });
    fs.writeFileSync(path.join(dir, "static/chunks/app.js"), script);
    fs.writeFileSync(path.join(dir, "static/chunks/tiny.css"), "a{color:red}");
    fs.writeFileSync(path.join(dir, "static/chunks/built.js"), script);
    fs.writeFileSync(path.join(dir, "static/chunks/built.js.br"), builtBrotli(script));
    // A Brotli file that is not of its file (left from another build, or tampered with).
    fs.writeFileSync(path.join(dir, "static/chunks/stale.js"), script);
    fs.writeFileSync(path.join(dir, "static/chunks/stale.js.br"), builtBrotli(other));
    fs.writeFileSync(path.join(dir, "static/chunks/broken.js"), script);
    fs.writeFileSync(path.join(dir, "static/chunks/broken.js.br"), "not brotli at all");
    fs.writeFileSync(path.join(dir, "BUILD_ID"), "secret");
    const staticAsset = createStaticAssets(dir);
    const next = (req: http.IncomingMessage, res: http.ServerResponse) => {
      passedOn.push(req.url ?? "");
      res.writeHead(404).end("from next");
    };
    server = await startHttpServer((req, res) => {
      if (!staticAsset(req, res, next)) next(req, res);
    });
  });
  afterAll(async () => {
    await server.close();
    fs.rmSync(dir, { recursive: true, force: true });
  });

  it("sends a file compressed when the client takes gzip, cached for good, and 304 for its tag", async () => {
    const url = `${server.url}/_next/static/chunks/app.js`;
    const gz = await rawRequest(url, { headers: { "accept-encoding": "gzip, deflate" } });
    expect(gz.status).toBe(200);
    expect(gz.headers["content-encoding"]).toBe("gzip");
    expect(gz.headers["content-type"]).toBe("application/javascript; charset=utf-8");
    expect(gz.headers["cache-control"]).toBe("public, max-age=31536000, immutable");
    expect(gunzipSync(gz.body).toString()).toBe(script);
    const plain = await rawRequest(url);
    expect(plain.headers["content-encoding"]).toBeUndefined();
    expect(plain.body.toString()).toBe(script);
    const again = await rawRequest(url, { headers: { "if-none-match": gz.headers.etag! } });
    expect(again.status).toBe(304);
    expect(again.body.length).toBe(0);
    const head = await rawRequest(url, { method: "HEAD" });
    expect(head.status).toBe(200);
    expect(head.body.length).toBe(0);
  });

  it("sends Brotli to a browser that takes it: the build's own when it decodes to the file", async () => {
    const get = (name: string, accept = "gzip, deflate, br, zstd") =>
      rawRequest(`${server.url}/_next/static/chunks/${name}`, {
        headers: { "accept-encoding": accept },
      });
    const built = await get("built.js");
    expect(built.headers["content-encoding"]).toBe("br");
    expect(built.headers.vary).toBe("Accept-Encoding");
    expect(built.body.equals(builtBrotli(script))).toBe(true);
    // Without one from the build, or with one of other bytes or none at all: one made here.
    for (const name of ["app.js", "stale.js", "broken.js"]) {
      const r = await get(name);
      expect(r.headers["content-encoding"]).toBe("br");
      expect(brotliDecompressSync(r.body).toString()).toBe(script);
    }
    // Brotli refused by q=0: gzip; nothing taken: the file as it is.
    const refused = await get("built.js", "br;q=0, gzip");
    expect(refused.headers["content-encoding"]).toBe("gzip");
    expect(gunzipSync(refused.body).toString()).toBe(script);
    const none = await get("built.js", "identity");
    expect(none.headers["content-encoding"]).toBeUndefined();
    expect(none.body.toString()).toBe(script);
  });

  it("sends a small file as it is", async () => {
    const r = await rawRequest(`${server.url}/_next/static/chunks/tiny.css`, {
      headers: { "accept-encoding": "gzip" },
    });
    expect(r.headers["content-encoding"]).toBeUndefined();
    expect(r.headers["content-type"]).toBe("text/css; charset=utf-8");
    expect(r.body.toString()).toBe("a{color:red}");
  });

  it("leaves to Next what it does not find, and never reads outside the static folder", async () => {
    passedOn.length = 0;
    const missing = await rawRequest(`${server.url}/_next/static/chunks/gone.js`);
    const outside = await rawRequest(`${server.url}/_next/static/..%2fBUILD_ID`);
    const query = await rawRequest(`${server.url}/_next/static/chunks/app.js?v=1`);
    const post = await rawRequest(`${server.url}/_next/static/chunks/app.js`, { method: "POST" });
    for (const r of [missing, outside, query, post]) expect(r.body.toString()).toBe("from next");
    expect(passedOn).toEqual([
      "/_next/static/chunks/gone.js",
      "/_next/static/..%2fBUILD_ID",
      "/_next/static/chunks/app.js?v=1",
      "/_next/static/chunks/app.js",
    ]);
  });
});
