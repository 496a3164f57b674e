import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createApiToken } from "../auth/tokens";
import { createTestDatabase } from "../../testing/db";
import type { Database } from "../db/types";
import { isDomainError, type DomainError } from "../errors";
import { settledWithin } from "../../testing/sources";
import { actorFromRequest, assertSameOrigin, readJson } from "./request";

const URL_ = "http://localhost:3000/api/admin/faults";

const post = (headers: Record<string, string>, body?: BodyInit) =>
  new Request(URL_, { method: "POST", headers, body });

function refusal(fn: () => unknown): DomainError {
  try {
    fn();
  } catch (error) {
    if (isDomainError(error)) return error;
    throw error;
  }
  throw new Error("expected a refusal");
}

async function rejection(promise: Promise<unknown>): Promise<DomainError> {
  try {
    await promise;
  } catch (error) {
    if (isDomainError(error)) return error;
    throw error;
  }
  throw new Error("expected a refusal");
}

describe("assertSameOrigin", () => {
  it("lets a request without Origin through: CLIs and scripts send none", () => {
    expect(() => assertSameOrigin(post({ host: "localhost:3000" }))).not.toThrow();
  });

  it("lets a same-origin browser request through", () => {
    expect(() =>
      assertSameOrigin(post({ host: "localhost:3000", origin: "http://localhost:3000" })),
    ).not.toThrow();
  });

  it("behind a proxy, compares with X-Forwarded-Host and X-Forwarded-Proto", () => {
    expect(() =>
      assertSameOrigin(
        post({
          host: "10.0.0.5:3000",
          "x-forwarded-host": "status.example.com",
          "x-forwarded-proto": "https",
          origin: "https://status.example.com",
        }),
      ),
    ).not.toThrow();
  });

  it("takes the first of several forwarded hosts", () => {
    const headers = {
      host: "10.0.0.5:3000",
      "x-forwarded-host": "status.example.com, edge.internal",
      "x-forwarded-proto": "https, http",
    };
    expect(() =>
      assertSameOrigin(post({ ...headers, origin: "https://status.example.com" })),
    ).not.toThrow();
    expect(
      refusal(() => assertSameOrigin(post({ ...headers, origin: "https://edge.internal" }))).kind,
    ).toBe("forbidden");
  });

  it("compares host names case-insensitively and ignores an explicit default port", () => {
    const https = { "x-forwarded-proto": "https" };
    expect(() =>
      assertSameOrigin(
        post({ ...https, host: "Status.Example.com", origin: "https://status.example.com" }),
      ),
    ).not.toThrow();
    expect(() =>
      assertSameOrigin(
        post({ ...https, host: "status.example.com:443", origin: "https://status.example.com" }),
      ),
    ).not.toThrow();
    expect(() =>
      assertSameOrigin(post({ host: "localhost:80", origin: "http://localhost" })),
    ).not.toThrow();
  });

  it("compares the scheme: an https Origin is refused by an http instance, and the reverse", () => {
    const http = refusal(() =>
      assertSameOrigin(post({ host: "localhost:3000", origin: "https://localhost:3000" })),
    );
    expect(http.kind).toBe("forbidden");
    expect(http.message).toBe(
      "Cross-origin request refused: Origin https://localhost:3000 does not match http://localhost:3000.",
    );
    const behindTls = post({
      host: "status.example.com",
      "x-forwarded-proto": "https",
      origin: "http://status.example.com",
    });
    expect(refusal(() => assertSameOrigin(behindTls)).message).toMatch(
      /Origin http:\/\/status.example.com does not match https:\/\/status.example.com/,
    );
  });

  it("takes the scheme from the request URL when no proxy header says it", () => {
    const request = new Request("https://status.example.com/api/admin/faults", {
      method: "POST",
      headers: { host: "status.example.com", origin: "https://status.example.com" },
    });
    expect(() => assertSameOrigin(request)).not.toThrow();
  });

  it("lets the public URL's origin through whatever the request says", () => {
    const request = post({ host: "10.0.0.5:3000", origin: "https://status.example.com" });
    expect(refusal(() => assertSameOrigin(request)).kind).toBe("forbidden");
    expect(() => assertSameOrigin(request, "https://status.example.com")).not.toThrow();
  });

  it("refuses a foreign origin as forbidden, naming it", () => {
    const error = refusal(() =>
      assertSameOrigin(post({ host: "localhost:3000", origin: "https://evil.example" })),
    );
    expect(error.kind).toBe("forbidden");
    expect(error.message).toContain("https://evil.example");
    expect(error.message).toContain("localhost:3000");
  });

  it("refuses the same host on another port, and a look-alike host", () => {
    for (const origin of ["http://localhost:3001", "http://localhost:3000.evil.example"]) {
      expect(refusal(() => assertSameOrigin(post({ host: "localhost:3000", origin }))).kind).toBe(
        "forbidden",
      );
    }
  });

  it("refuses an Origin that is not a URL (such as the opaque `null`)", () => {
    for (const origin of ["null", "not a url", "://"]) {
      const error = refusal(() => assertSameOrigin(post({ host: "localhost:3000", origin })));
      expect(error.kind).toBe("forbidden");
      expect(error.message).toContain("is not a URL");
    }
  });

  it("refuses an Origin when the request names no host to compare with", () => {
    const request = new Request(URL_, { method: "POST", headers: { origin: "http://x.example" } });
    request.headers.delete("host");
    expect(refusal(() => assertSameOrigin(request)).kind).toBe("forbidden");
  });
});

describe("readJson", () => {
  const json = (body: BodyInit, type = "application/json") => post({ "content-type": type }, body);

  it("parses a JSON body", async () => {
    expect(await readJson(json('{"component":"a","status":"major_outage"}'))).toEqual({
      component: "a",
      status: "major_outage",
    });
    expect(await readJson(json("[1,2]", "application/json; charset=utf-8"))).toEqual([1, 2]);
  });

  it("with shape object, refuses null, arrays, numbers, strings and booleans, naming the body", async () => {
    for (const [raw, what] of [
      ["null", "null"],
      ["[1,2]", "an array"],
      ["5", "a number"],
      ['"text"', "a string"],
      ["true", "a boolean"],
    ]) {
      const error = await rejection(readJson(json(raw!), undefined, "object"));
      expect(error.kind).toBe("validation");
      expect(error.message).toBe(
        `The body must be a JSON object such as {"name": "value"}, not ${what}.`,
      );
      expect(error.fieldErrors).toEqual({ body: ["expected a JSON object"] });
    }
    expect(await readJson(json('{"a":1}'), undefined, "object")).toEqual({ a: 1 });
    expect(await readJson(post({}), undefined, "object")).toEqual({});
  });

  it("reads an empty body as an empty object", async () => {
    expect(await readJson(post({}))).toEqual({});
    expect(await readJson(json(""))).toEqual({});
  });

  it("refuses a body that is not sent as JSON", async () => {
    const error = await rejection(readJson(json('{"a":1}', "text/plain")));
    expect(error.kind).toBe("validation");
    expect(error.message).toBe("Send the body as JSON with Content-Type: application/json.");
    expect((await rejection(readJson(post({}, "a=1")))).kind).toBe("validation");
  });

  it("refuses invalid JSON, saying so", async () => {
    const error = await rejection(readJson(json("{component: nope")));
    expect(error.kind).toBe("validation");
    expect(error.message).toMatch(/^The body is not valid JSON: /);
  });

  it("accepts a body of exactly the limit and refuses one byte more", async () => {
    const exactly = JSON.stringify({ r: "x".repeat(92) });
    expect(Buffer.byteLength(exactly)).toBe(100);
    expect(await readJson(json(exactly), 100)).toEqual({ r: "x".repeat(92) });
    const over = JSON.stringify({ r: "x".repeat(93) });
    const error = await rejection(readJson(json(over), 100));
    expect(error.kind).toBe("validation");
    expect(error.message).toBe("The body is too large (limit 100 bytes).");
  });

  it("counts the limit in bytes, not characters", async () => {
    const body = JSON.stringify({ r: "é".repeat(60) }); // 68 characters, 128 bytes
    expect(body.length).toBeLessThanOrEqual(100);
    const error = await rejection(readJson(json(body), 100));
    expect(error.message).toBe("The body is too large (limit 100 bytes).");
  });

  it("refuses a body that declares a length over the limit", async () => {
    const request = post({ "content-type": "application/json", "content-length": "5000000" }, "{}");
    expect(request.headers.get("content-length")).toBe("5000000");
    expect((await rejection(readJson(request, 100))).message).toMatch(/too large/);
  });

  it("stops reading a huge body once it passes the limit", async () => {
    let pulled = 0;
    const huge = new ReadableStream<Uint8Array>({
      async pull(controller) {
        await new Promise((r) => setImmediate(r));
        if (++pulled > 2_000) return controller.close();
        controller.enqueue(new TextEncoder().encode(" ".repeat(1_000)));
      },
    });
    const request = new Request(URL_, {
      method: "POST",
      headers: { "content-type": "application/json" },
      body: huge,
      duplex: "half",
    } as RequestInit);
    const outcome = await settledWithin(
      readJson(request, 10_000).then(
        () => "read",
        (error: Error) => error.message,
      ),
      5_000,
      "still reading",
    );
    expect(outcome).toBe("The body is too large (limit 10000 bytes).");
    expect(pulled).toBeLessThan(100);
  });
});

describe("actorFromRequest", () => {
  let database: Database;
  beforeAll(async () => {
    database = await createTestDatabase("pglite");
  });
  afterAll(async () => {
    await database.close();
  });

  it("is anonymous without an Authorization header", async () => {
    expect(await actorFromRequest(database.db, post({}))).toMatchObject({ kind: "anonymous" });
  });

  it("is the token's holder with a valid Bearer token, whatever the scheme's case", async () => {
    const { id, token } = await createApiToken(database.db, { name: "ops-bot", role: "operator" });
    for (const scheme of ["Bearer", "bearer"]) {
      expect(
        await actorFromRequest(database.db, post({ authorization: `${scheme} ${token}` })),
      ).toEqual({ kind: "api-token", id, name: "ops-bot", role: "operator" });
    }
  });

  it("refuses an unknown token and a malformed header as unauthorized", async () => {
    for (const authorization of [
      "Bearer sf_this-token-does-not-exist-anywhere",
      "Bearer short",
      "Basic dXNlcjpwYXNz",
      "Bearer",
      "Bearer two words",
    ]) {
      const error = await rejection(actorFromRequest(database.db, post({ authorization })));
      expect(error.kind, authorization).toBe("unauthorized");
    }
  });
});
