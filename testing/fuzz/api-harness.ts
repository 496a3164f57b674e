/**
 * The in-process fuzz harness for the API route handlers (see api-targets.ts), run by one test
 * file per group of routes so the groups run side by side.
 */
import { sql } from "drizzle-orm";
import fc from "fast-check";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createApiToken, handleAuthRequest, installAuth, type StandfastAuth } from "@/lib/auth";
import { installStores } from "@/lib/backups";
import { addUser, browserPost, cookieHeader, createTestAuth } from "@/testing/auth";
import { backupFixture, type BackupFixture } from "@/testing/backups";
import { installTestDatabase } from "@/testing/fixtures";
import { backedUp } from "@/testing/restores";
import { contentType, hostileBody, shapedObject } from "@/testing/fuzz/arbitraries";
import { Tally } from "@/testing/fuzz/tally";
import {
  installWriteWatch,
  storeFingerprint,
  writeMark,
  writesSince,
  type Query,
} from "@/testing/fuzz/writes";
import { FUZZ_GROUPS, fuzzTargets, type Target } from "./api-targets";

/**
 * Generated bad input to every API route handler, in process, anonymously and as each role (API
 * tokens and session cookies): no answer may be a 5xx or the "Something went wrong" result, a
 * refusal must say what is wrong, and a refused input may write nothing to the store.
 */
const RUNS = Number(process.env.STANDFAST_FUZZ_RUNS || 1_000);
const BASE = "http://localhost:3000";

type Caller = { name: string; headers: Record<string, string> };

const ORIGINS = [
  null,
  BASE,
  "https://localhost:3000",
  "http://localhost:3001",
  "https://evil.example",
  "null",
];

export function fuzzRouteGroup(group: keyof typeof FUZZ_GROUPS) {
  describe(`fuzzing the API route handlers: ${group}`, () => {
    let f: BackupFixture;
    let auth: StandfastAuth;
    let query: Query;
    const callers: Caller[] = [];
    const tally = new Tally();
    let targets: Target[] = [];

    beforeAll(async () => {
      f = await backupFixture("pglite");
      installTestDatabase(f.database);
      installStores(f.stores);
      auth = createTestAuth(f.database, { STANDFAST_SIGN_IN_LIMIT: "10000/1m" });
      installAuth(auth);
      const backup = await backedUp(f);
      callers.push({ name: "anonymous", headers: {} });
      for (const role of ["viewer", "operator", "admin"] as const) {
        const { token } = await createApiToken(f.db, { name: `fuzz-${role}`, role });
        callers.push({ name: `${role} token`, headers: { authorization: `Bearer ${token}` } });
        const email = `${role}@fuzz.test`;
        await addUser(f.database, { email, role });
        const signedIn = await handleAuthRequest(
          browserPost("/api/auth/sign-in/email", { email, password: "correct-horse-battery" }),
          auth,
        );
        expect(signedIn.status).toBe(200);
        callers.push({ name: `${role} session`, headers: { cookie: cookieHeader(signedIn) } });
      }
      callers.push({
        name: "unknown token",
        headers: { authorization: "Bearer sf_not-a-real-token-000" },
      });
      query = async <T>(text: string) =>
        ((await f.db.execute(sql.raw(text))) as unknown as { rows: T[] }).rows;
      await installWriteWatch(query);
      targets = fuzzTargets({
        backups: [backup.id],
        services: ["contoso-edi", "fabrikam-b2b", "northwind-dev"],
        components: ["contoso-edi.roles", "contoso-edi.storage", "northwind-dev.acs"],
      }).filter((t) => FUZZ_GROUPS[group](t.file));
    });
    afterAll(async () => {
      installAuth(undefined);
      console.log(tally.report(`API route handlers (${group}): ${RUNS} generated inputs each`));
      await f?.close();
    });

    it(`answers ${RUNS} generated inputs to each route with no 5xx, and refusals change nothing`, async () => {
      for (const target of targets) await fuzz(target);
      expect(tally.failures).toEqual([]);
      for (const [name, figures] of tally.byTarget) {
        expect(figures.inputs, name).toBeGreaterThanOrEqual(RUNS);
        expect(figures["5xx"], name).toBe(0);
      }
    }, 600_000);

    function inputFor(target: Target) {
      const write = target.method !== "GET";
      const body = write
        ? fc.option(hostileBody(target.body ? shapedObject(target.body) : undefined), { freq: 8 })
        : fc.constant(null);
      return fc.record({
        at: target.path,
        query: target.query,
        caller: fc.constantFrom(...callers),
        origin: fc.constantFrom(...ORIGINS),
        type: contentType,
        body,
      });
    }

    async function fuzz(target: Target) {
      const name = `${target.method} /api/${target.file.replace(/\/?route\.ts$/, "")}`;
      let mark = await writeMark(query);
      let fingerprint = await storeFingerprint(query);
      let acceptedSince = false;
      let sent = 0;
      const started = performance.now();
      await fc.assert(
        fc.asyncProperty(inputFor(target), async (input) => {
          const headers: Record<string, string> = {
            host: "localhost:3000",
            ...input.caller.headers,
          };
          if (input.origin) headers.origin = input.origin;
          if (input.body !== null && input.type !== null) headers["content-type"] = input.type;
          const request = new Request(`${BASE}${input.at.path}${input.query}`, {
            method: target.method,
            headers,
            body: input.body ?? undefined,
          });
          const response = await target.handler(request, {
            params: Promise.resolve(input.at.params) as Promise<never>,
          });
          const text = await response.text();
          const where = `${name} as ${input.caller.name}: ${request.url.slice(0, 200)} ${JSON.stringify(input.body?.slice(0, 200))}`;
          tally.count(name, response.status);
          sent++;
          if (response.status >= 500) tally.fail(where, `${response.status} ${text.slice(0, 300)}`);
          if (text.includes("Something went wrong on the server"))
            tally.fail(where, `answered "Something went wrong": ${text.slice(0, 300)}`);
          const now = await writeMark(query);
          if (response.status >= 400) {
            if (!refusalSaysWhy(text))
              tally.fail(where, `a ${response.status} that says nothing: ${text}`);
            if (now !== mark)
              tally.fail(where, `refused, yet wrote ${await writesSince(query, mark)}`);
          } else if (now !== mark) acceptedSince = true;
          mark = now;
          // Every 100 inputs: the row counts and the configuration hash, unless an input was accepted.
          if (sent % 100 === 0) {
            const current = await storeFingerprint(query);
            if (!acceptedSince && JSON.stringify(current) !== JSON.stringify(fingerprint))
              tally.fail(name, "row counts or the configuration hash changed with only refusals");
            fingerprint = current;
            acceptedSince = false;
          }
          expect(tally.failures).toEqual([]);
        }),
        { numRuns: RUNS, endOnFailure: true },
      );
      tally.time(name, (performance.now() - started) / 1000);
    }
  });
}

/** A refusal names what is wrong: withApi's `{ error: { message } }` or better-auth's `{ message }`. */
function refusalSaysWhy(text: string): boolean {
  try {
    const body = JSON.parse(text) as { error?: { message?: unknown }; message?: unknown };
    const message = body.error?.message ?? body.message;
    return typeof message === "string" && message.length >= 10;
  } catch {
    return false;
  }
}
