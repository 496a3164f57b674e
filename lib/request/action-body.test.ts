import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { ACTION_BODY_LIMIT, checkActionBody, mayBeServerAction } from "./action-body";

const ID = "7096b6d9b917d98d28feda75bf8498ef28dead11ef";
const KNOWN = new Set([ID]);
const fetchAction = (type = "text/plain;charset=UTF-8") =>
  new Headers({ "next-action": ID, "content-type": type });
const check = (headers: Headers, body: string | Buffer) =>
  checkActionBody(headers, Buffer.from(body), KNOWN);

/** A multipart body as a browser would send it, with its boundary. */
async function multipart(fields: [string, string][]) {
  const form = new FormData();
  for (const [k, v] of fields) form.append(k, v);
  const response = new Response(form);
  return {
    type: response.headers.get("content-type")!,
    body: Buffer.from(await response.arrayBuffer()),
  };
}

describe("server action requests, checked before Next decodes them", () => {
  it("are what Next takes for one: a POST with Next-Action, or a form post", () => {
    expect(mayBeServerAction("POST", new Headers({ "next-action": "x" }))).toBe(true);
    expect(
      mayBeServerAction("POST", new Headers({ "content-type": "multipart/form-data; boundary=x" })),
    ).toBe(true);
    expect(mayBeServerAction("GET", new Headers({ "next-action": "x" }))).toBe(false);
    expect(mayBeServerAction("POST", new Headers({ "content-type": "application/json" }))).toBe(
      false,
    );
  });

  it("pass what Standfast's pages send", async () => {
    expect(await check(fetchAction(), '["restore-1","edi-sources",true]')).toBeNull();
    expect(
      await check(fetchAction(), '["$undefined",null,{"a":"$D2026-01-01T00:00:00.000Z"},"$$x"]'),
    ).toBeNull();
    const form = await multipart([
      ["0", '["contoso-edi","$undefined","$K1"]'],
      ["1_frequency", "1d"],
      ["1_retention", "7d"],
    ]);
    expect(await check(fetchAction(form.type), form.body)).toBeNull();
  });

  it("pass a form as this React encodes it: its fields prefixed `_<part>_`", async () => {
    // What Chromium posts for a useActionState form (Next 16.4's React: "_" + part + "_").
    const form = await multipart([
      ["0", '[null,"$K1"]'],
      ["_1_$ACTION_REF_1", ""],
      ["_1_$ACTION_1:0", `{"id":"${ID}","bound":"$@1"}`],
      ["_1_$ACTION_1:1", "[null]"],
      ["_1_email", "admin@example.com"],
    ]);
    expect(await check(fetchAction(form.type), form.body)).toBeNull();
  });

  it("pass the sign-in form as React 19.3 posts it, and refuse a field under no part", async () => {
    // What a useActionState form posts (the sign-in form, found by the incidents e2e): React's
    // client writes FormData fields as `_1_email`, and the page's hidden `$ACTION_REF_1` with them.
    const form = await multipart([
      ["0", '["$undefined","$K1"]'],
      ["_1_$ACTION_REF_1", ""],
      ["_1_email", "viewer@demo.standfast.test"],
      ["_1_password", "x"],
    ]);
    expect(await check(fetchAction(form.type), form.body)).toBeNull();
    const stray = await multipart([
      ["0", "[]"],
      ["_x_email", "a"],
    ]);
    expect((await check(fetchAction(stray.type), stray.body))?.status).toBe(400);
  });

  it("refuse a body React would not decode, saying why", async () => {
    for (const [body, message] of [
      ["null", /must be a JSON array/],
      ["{}", /must be a JSON array/],
      ['"', /not valid JSON/],
      ["", /not valid JSON/],
      ['["$Q1"]', /"\$Q1" refers to something this request does not hold/],
      ['["$F1"]', /"\$F1"/],
      ['["$T1"]', /"\$T1"/],
      ['["$n12x"]', /"\$n12x"/],
      ['["$"]', /"\$"/],
      ['[{"a":["$@1"]}]', /"\$@1"/],
    ] as const) {
      const problem = await check(fetchAction(), body);
      expect(problem?.status, body).toBe(400);
      expect(problem?.message, body).toMatch(message);
    }
    let deep = '"x"';
    for (let i = 0; i < 50; i++) deep = `[${deep}]`;
    expect((await check(fetchAction(), deep))?.message).toMatch(/nested more than 32 levels/);
  });

  it("refuse an unknown action (404) and a body over the limit (413)", async () => {
    const unknown = new Headers({ "next-action": "abc", "content-type": "text/plain" });
    expect((await check(unknown, "[]"))?.status).toBe(404);
    const big = `["${"x".repeat(ACTION_BODY_LIMIT)}"]`;
    expect((await check(fetchAction(), big))?.status).toBe(413);
  });

  it("check no ids where the build's are not known (development), and everything else still", async () => {
    const unknown = new Headers({ "next-action": "abc", "content-type": "text/plain" });
    expect(await checkActionBody(unknown, Buffer.from("[]"), null)).toBeNull();
    expect((await checkActionBody(unknown, Buffer.from("null"), null))?.status).toBe(400);
  });

  it("refuse a multipart body that is not a form, or parts the pages never send", async () => {
    const broken = "multipart/form-data; boundary=zzz";
    expect((await check(fetchAction(broken), "--zzz\r\nnonsense"))?.message).toMatch(
      /not a valid multipart form/,
    );
    const nulInName = Buffer.from(
      '--b\r\nContent-Disposition: form-data; name="0"\r\n\r\n[]\r\n--b\r\nContent-Disposition: form-data; name="1_a\u0000b"\r\n\r\nv\r\n--b--\r\n',
    );
    expect(
      (await check(fetchAction("multipart/form-data; boundary=b"), nulInName))?.message,
    ).toMatch(/not a valid multipart form/);
    const noRoot = await multipart([["1_a", "b"]]);
    expect((await check(fetchAction(noRoot.type), noRoot.body))?.message).toMatch(/part "0"/);
    const outlined = await multipart([
      ["0", '["$Q1"]'],
      ["1", "[]"],
    ]);
    expect((await check(fetchAction(outlined.type), outlined.body))?.status).toBe(400);
  });

  it("check a form posted without JavaScript: the action it names and its bound arguments", async () => {
    const plain = await multipart([
      [`$ACTION_ID_${ID}`, ""],
      ["email", "a@example.com"],
    ]);
    const headers = (type: string) => new Headers({ "content-type": type });
    expect(await check(headers(plain.type), plain.body)).toBeNull();
    const unknown = await multipart([["$ACTION_ID_abc", ""]]);
    expect((await check(headers(unknown.type), unknown.body))?.status).toBe(404);
    const bound = await multipart([
      ["$ACTION_REF_1", ""],
      ["$ACTION_1:0", JSON.stringify({ id: ID, bound: "$@1" })],
      ["$ACTION_1:1", '["restore-1"]'],
    ]);
    expect(await check(headers(bound.type), bound.body)).toBeNull();
    for (const meta of ["{", JSON.stringify({ id: ID, bound: "$@2" }), JSON.stringify({ id: 5 })]) {
      const bad = await multipart([
        ["$ACTION_REF_1", ""],
        ["$ACTION_1:0", meta],
        ["$ACTION_1:1", '["$Q1"]'],
      ]);
      expect((await check(headers(bad.type), bad.body))?.status, meta).toBeGreaterThanOrEqual(400);
    }
    const notAnAction = await multipart([["name", "x"]]);
    expect(await check(headers(notAnAction.type), notAnAction.body)).toBeNull();
  });

  it("never throws, whatever the body", async () => {
    await fc.assert(
      fc.asyncProperty(
        fc.oneof(fc.string({ unit: "binary" }), fc.json(), fc.uint8Array().map(Buffer.from)),
        fc.constantFrom("text/plain", "multipart/form-data; boundary=b", "", "application/json"),
        async (body, type) => {
          const problem = await check(fetchAction(type), body as string);
          expect(problem === null || problem.status >= 400).toBe(true);
        },
      ),
      { numRuns: 1_000 },
    );
  });
});
