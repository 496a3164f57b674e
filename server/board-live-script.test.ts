import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import { gunzipSync } from "node:zlib";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { BOARD_LIVE_PATH } from "../components/board/live/api";
import { bundleBoardLive } from "../scripts/build-server.mjs";
import { inlineSafe, loadBoardLiveScript, type BoardLiveScript } from "./board-live-script";
import { rawRequest, startHttpServer, type TestServer } from "../testing/servers";

describe("the live board's script", () => {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), "standfast-board-live-"));
  const file = path.join(dir, "board-live.js");
  let script: BoardLiveScript;
  let server: TestServer;
  beforeAll(async () => {
    // The real script, built as `npm run build` builds it.
    await bundleBoardLive(file);
    script = loadBoardLiveScript(file);
    server = await startHttpServer((req, res) => {
      if (!script.route(req, res)) {
        res.writeHead(404);
        res.end();
      }
    });
  });
  afterAll(async () => {
    await server?.close();
    fs.rmSync(dir, { recursive: true, force: true });
  });

  it("is served with its tag, compressed when asked, and a 304 to its tag", async () => {
    const code = fs.readFileSync(file);
    expect(code.length).toBeGreaterThan(1000);
    const plain = await rawRequest(server.url + BOARD_LIVE_PATH, {});
    expect(plain.status).toBe(200);
    expect(plain.headers["content-type"]).toBe("application/javascript; charset=utf-8");
    expect(plain.headers["cache-control"]).toBe("no-cache");
    expect(plain.body.equals(code)).toBe(true);
    const zipped = await rawRequest(server.url + `${BOARD_LIVE_PATH}?v=1`, {
      headers: { "accept-encoding": "gzip" },
    });
    expect(zipped.headers["content-encoding"]).toBe("gzip");
    expect(gunzipSync(zipped.body).equals(code)).toBe(true);
    const again = await rawRequest(server.url + BOARD_LIVE_PATH, {
      headers: { "if-none-match": String(plain.headers.etag) },
    });
    expect(again.status).toBe(304);
    expect(again.body.length).toBe(0);
    const head = await rawRequest(server.url + BOARD_LIVE_PATH, { method: "HEAD" });
    expect(head.status).toBe(200);
    expect(head.body.length).toBe(0);
  });

  it("answers only GET and HEAD of its own path", async () => {
    expect((await rawRequest(server.url + BOARD_LIVE_PATH, { method: "POST" })).status).toBe(404);
    expect((await rawRequest(server.url + `${BOARD_LIVE_PATH}x`, {})).status).toBe(404);
    expect((await rawRequest(server.url + "/_standfast/", {})).status).toBe(404);
  });

  it("can stand inside an inline script: nothing in it ends the element or opens a comment", () => {
    expect(script.inline).not.toMatch(/<\/script|<!--/i);
    expect(inlineSafe('a="</script>";b="<!--";c="</SCRIPT"')).toBe(
      'a="<\\/script>";b="<\\!--";c="<\\/SCRIPT"',
    );
    // The escaped text is the same JavaScript.
    const values = new Function(`${inlineSafe('return ["</script>", "<!--"]')}`)() as string[];
    expect(values).toEqual(["</script>", "<!--"]);
  });

  it("refuses to start without the built script, saying how to make it", () => {
    expect(() => loadBoardLiveScript(path.join(dir, "missing.js"))).toThrow(
      /board-live\.js is missing|missing\.js is missing: build the app first \(npm run build\)/,
    );
  });
});
