import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import { brotliDecompressSync } from "node:zlib";
import { afterAll, describe, expect, it } from "vitest";
import { precompressStatic } from "./precompress.mjs";

describe("the build's Brotli forms of Next's static files", () => {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), "standfast-precompress-"));
  afterAll(() => fs.rmSync(dir, { recursive: true, force: true }));

  it("writes one beside each compressible file over 1 kB, decoding to it, and none for others", () => {
    const chunks = path.join(dir, "static/chunks");
    fs.mkdirSync(path.join(dir, "static/media"), { recursive: true });
    fs.mkdirSync(chunks, { recursive: true });
    const script = `console.log(${JSON.stringify("board ".repeat(1000))});`;
    fs.writeFileSync(path.join(chunks, "app.js"), script);
    fs.writeFileSync(path.join(chunks, "small.css"), "a{color:red}");
    fs.writeFileSync(path.join(dir, "static/media/logo.png"), Buffer.alloc(4096, 7));
    expect(precompressStatic(dir)).toBe(1);
    const br = fs.readFileSync(path.join(chunks, "app.js.br"));
    expect(br.length).toBeLessThan(script.length / 10);
    expect(brotliDecompressSync(br).toString()).toBe(script);
    expect(fs.readdirSync(chunks).sort()).toEqual(["app.js", "app.js.br", "small.css"]);
    expect(fs.readdirSync(path.join(dir, "static/media"))).toEqual(["logo.png"]);
    // A folder without a build: nothing to do.
    expect(precompressStatic(path.join(dir, "nothing"))).toBe(0);
  });
});
