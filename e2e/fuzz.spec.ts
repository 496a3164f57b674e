import fc from "fast-check";
import { expect, test } from "./support";
import { hostileText, pathSegment, queryString } from "../testing/fuzz/arbitraries";
import { Tally } from "../testing/fuzz/tally";
import { writeMark, writesSince } from "../testing/fuzz/writes";
import { SPARE_PORT } from "./env";
import { ACTION_SHAPES, actionRequests, type Known } from "./fuzz-actions";
import {
  pageRoutes,
  send,
  serverActions,
  startFuzzApp,
  type Answer,
  type Caller,
  type FuzzApp,
  type RawRequest,
} from "./fuzz-support";

/**
 * Generated bad input over HTTP to the production server: every server action, every page, the
 * hot JSON routes, and raw targets for every API path (what reaches Next before a route
 * handler). Anonymously and as each role; no answer may be a 5xx or "Something went wrong", and a
 * refused input (a 4xx, or an action's `ok: false`) may write nothing to the store.
 */
const RUNS = Number(process.env.STANDFAST_FUZZ_RUNS || 1_000);

test.describe.configure({ mode: "serial" });

let fuzz: FuzzApp;
let known: Known;
const tally = new Tally();

test.beforeAll(async () => {
  test.setTimeout(180_000);
  fuzz = await startFuzzApp(SPARE_PORT);
  const ids = async (sql: string) => (await fuzz.query<{ id: string }>(sql)).map((r) => r.id);
  known = {
    ids: [
      ...(await ids("select id from backups order by id limit 3")),
      ...(await ids("select id from services order by id")),
      ...(await ids("select id from components order by id limit 4")),
      ...(await ids("select id from users order by id")),
      ...(await ids("select id from incidents order by id limit 2")),
      ...(await ids("select id from scheduled_maintenances order by id limit 2")),
      ...(await ids("select id from regions order by id limit 2")),
    ],
    values: [
      ...["1d", "7d", "local", "westeurope", "premium", "contoso-dr", "viewer", "admin", "on"],
      ...["investigating", "identified", "monitoring", "resolved", "major", "in_progress"],
      ...["2030-01-01T10:00", "2030-01-01T12:00"],
    ],
  };
  await fuzz.settle();
});

test.afterAll(async () => {
  console.log(tally.report(`HTTP fuzz (production server): ${RUNS} generated inputs per target`));
  await fuzz?.close();
});

/**
 * Sends generated requests to one target and checks each answer; refusals must write nothing.
 * Inputs are drawn from a seed the failure names (STANDFAST_FUZZ_SEED replays it), rather than
 * shrunk: the server's state moves on with every request. Read-only targets (pages, the hot
 * JSON) are sent a few at a time, and then nothing at all may be written.
 */
async function fuzzTarget(
  name: string,
  requests: fc.Arbitrary<RawRequest>,
  options: { refused?: (answer: Answer) => boolean; readOnly?: boolean } = {},
) {
  const refused = options.refused ?? ((a: Answer) => a.status >= 400);
  const seed = Number(process.env.STANDFAST_FUZZ_SEED || Date.now() % 2 ** 31);
  const inputs = fc.sample(fc.tuple(requests, fc.constantFrom(...fuzz.callers)), {
    numRuns: RUNS,
    seed,
  });
  const batch = options.readOnly ? 4 : 1;
  let mark = await writeMark(fuzz.query);
  const started = performance.now();
  for (let i = 0; i < inputs.length; i += batch) {
    const sent = inputs.slice(i, i + batch).map(async ([request, caller]) => {
      const where = describe(name, seed, request, caller);
      const answer = await sendAs(request, caller).catch((error: Error) => {
        throw new Error(`${where}: no HTTP answer (${error.message})`);
      });
      judge(name, where, request, answer);
      return { where, answer };
    });
    const answers = await Promise.all(sent);
    const now = await writeMark(fuzz.query);
    if (now !== mark) {
      const wrote = await writesSince(fuzz.query, mark);
      for (const { where, answer } of answers)
        if (options.readOnly || refused(answer)) tally.fail(where, `refused, yet wrote ${wrote}`);
      // An accepted write may have queued work: let it finish before the next input is judged.
      mark = await fuzz.settle();
    }
    if (tally.failures.length)
      throw new Error(
        `${tally.failures.join("\n")}\n\nthe server said:\n${fuzz.log().slice(-4_000)}`,
      );
  }
  tally.time(name, (performance.now() - started) / 1000);
}

const describe = (name: string, seed: number, request: RawRequest, caller: Caller) =>
  `${name} (seed ${seed}) as ${caller.name}: ${request.method} ${request.target.slice(0, 120)} ` +
  `${JSON.stringify(request.headers).slice(0, 300)} ${String(request.body ?? "").slice(0, 160)}`;

/** No 5xx, no "Something went wrong", and a refusal that says what is wrong. */
function judge(name: string, where: string, request: RawRequest, answer: Answer) {
  tally.count(name, answer.status);
  if (answer.status >= 500) tally.fail(where, `${answer.status} ${answer.text.slice(0, 300)}`);
  if (answer.text.includes("Something went wrong on the server"))
    tally.fail(where, `answered "Something went wrong": ${answer.text.slice(0, 300)}`);
  // HEAD has no body; a 405's status line is its message (Next sends no body with it).
  const silent = answer.text.trim().length === 0 && request.method !== "HEAD";
  if (answer.status >= 400 && answer.status !== 405 && silent)
    tally.fail(where, `a ${answer.status} that says nothing`);
}

/** The caller's headers, and this app's own Origin unless the request says another ("-": none). */
function sendAs(request: RawRequest, caller: Caller): Promise<Answer> {
  const headers = { origin: fuzz.url, ...caller.headers, ...request.headers };
  if (headers.origin === "-") delete (headers as Record<string, string | undefined>).origin;
  return send(fuzz.url, { ...request, headers });
}

const ORIGIN = fc.constantFrom(
  "-",
  "",
  "null",
  "https://evil.example",
  `http://127.0.0.1:${SPARE_PORT + 7}`,
  `https://127.0.0.1:${SPARE_PORT}`,
);

test("a form posted without JavaScript for a bound action is answered, and the server stays responsive", async () => {
  // Such a post (a real one, or forged by anyone) used to spin the server at 100% CPU forever.
  const action = serverActions().find((a) => a.name === "setScheduleAction")!;
  const form = new FormData();
  form.append("$ACTION_REF_1", "");
  form.append("$ACTION_1:0", JSON.stringify({ id: action.id, bound: "$@1" }));
  form.append("$ACTION_1:1", JSON.stringify(["contoso-edi"]));
  form.append("$ACTION_KEY", "k0");
  form.append("frequency", "1d");
  const encoded = new Response(form);
  const answer = await send(fuzz.url, {
    method: "POST",
    target: "/services/contoso-edi",
    headers: {
      "content-type": encoded.headers.get("content-type")!,
      origin: fuzz.url,
      ...fuzz.callers.find((c) => c.name === "admin session")!.headers,
    },
    body: Buffer.from(await encoded.arrayBuffer()),
  });
  expect(answer.status).toBe(200);
  expect((await send(fuzz.url, { method: "GET", target: "/api/v2/status.json" })).status).toBe(200);
});

test(`every server action answers ${RUNS} generated requests without a 5xx`, async () => {
  test.setTimeout(1_800_000);
  const actions = serverActions();
  expect(actions.map((a) => a.name).sort()).toEqual(Object.keys(ACTION_SHAPES).sort());
  for (const action of actions) {
    const requests = fc
      .tuple(actionRequests(action, known), fc.option(ORIGIN, { freq: 4 }))
      .map(([request, origin]) =>
        origin === null ? request : { ...request, headers: { ...request.headers, origin } },
      );
    // An action refuses in its result: `{ ok: false, … }` in the answer, with a 200; the guard
    // refuses with a 4xx before the action runs. A 404 says nothing of the action: a form posted
    // without JavaScript runs the action and then renders the page it was posted to, and a
    // made-up page path renders "not found" after an action that may rightly have been accepted
    // (an admin's drill of a real service, bound to the form, posted to /services/<nonsense>).
    await fuzzTarget(`action ${action.name}`, requests, {
      refused: (a) => (a.status >= 400 && a.status !== 404) || /"ok":false/.test(a.text),
    });
  }
});

test(`every page answers ${RUNS} generated requests without a 5xx`, async () => {
  test.setTimeout(1_800_000);
  const routes = pageRoutes();
  expect(routes.length).toBeGreaterThanOrEqual(12);
  for (const route of routes) {
    const requests = fc
      .tuple(
        fc.array(pathSegment(known.ids), { minLength: 3, maxLength: 3 }),
        queryString([
          "next",
          "error",
          "days",
          "service",
          "status",
          "page",
          "backup",
          "range",
          "problems",
          "q",
          "kind",
          "region",
        ]),
        fc.constantFrom("GET", "GET", "GET", "HEAD", "POST"),
        fc.option(fc.constantFrom("1", "0", "%ff", "\u0000"), { freq: 3 }),
        fc.option(
          hostileText.map((t) => encodeURIComponent(t.toWellFormed())),
          { freq: 3 },
        ),
      )
      .map(([segments, query, method, rsc, tree]) => {
        let i = 0;
        const path = route.replace(/\[[^\]]+\]/g, () => segments[i++]!);
        const headers: Record<string, string> = { accept: "text/html" };
        if (rsc !== null && !rsc.includes("\u0000")) headers.rsc = rsc;
        if (tree !== null) headers["next-router-state-tree"] = tree;
        return { method, target: `${path}${query}`, headers };
      });
    await fuzzTarget(`page ${route}`, requests, { readOnly: true });
  }
});

test(`the hot JSON routes answer ${RUNS} generated requests without a 5xx`, async () => {
  test.setTimeout(600_000);
  for (const path of [
    "/api/v2/summary.json",
    "/api/v2/status.json",
    "/api/v2/components.json",
    "/api/v2/incidents.json",
    "/api/v2/incidents/unresolved.json",
    "/api/v2/scheduled-maintenances.json",
    "/api/v2/scheduled-maintenances/upcoming.json",
    "/api/v2/scheduled-maintenances/active.json",
    "/api/board",
    "/badge.svg",
    "/badge/services/contoso-edi.svg",
    "/badge/components/contoso-edi.roles.svg",
    "/metrics",
    "/history.rss",
    "/history.atom",
  ]) {
    const requests = fc
      .tuple(
        queryString(["_"]),
        fc.constantFrom("GET", "HEAD", "POST", "DELETE", "OPTIONS"),
        fc.option(fc.constantFrom("*", '"x"', 'W/"x", "y"', "garbage", ""), { freq: 2 }),
        fc.option(fc.constantFrom("gzip", "gzip;q=0", "*;q=abc", "br, gzip", ""), { freq: 2 }),
      )
      .map(([query, method, etag, encoding]) => ({
        method,
        target: `${path}${query}`,
        headers: {
          ...(etag !== null ? { "if-none-match": etag } : {}),
          ...(encoding !== null ? { "accept-encoding": encoding } : {}),
        },
      }));
    await fuzzTarget(`hot JSON ${path}`, requests, { readOnly: true });
  }
});

test(`raw targets to every API path answer ${RUNS} generated requests without a 5xx`, async () => {
  test.setTimeout(600_000);
  const paths = [
    "/api/admin/faults",
    "/api/admin/subscriptions",
    "/api/admin/subscriptions/test",
    "/api/admin/subscriptions/deliveries",
    "/api/admin/users",
    "/api/auth/*",
    "/api/backups/*",
    "/api/backups/*/verify",
    "/api/backups",
    "/api/compliance",
    "/api/compliance/report.csv",
    "/api/components/*/history",
    "/api/restores/*",
    "/api/restores/preflight",
    "/api/restores",
    "/api/services/*/backups",
    "/api/services/*/operations",
    "/api/services/*/schedule",
  ];
  const requests = fc
    .tuple(
      fc.constantFrom(...paths),
      pathSegment(known.ids),
      queryString(["service", "days", "range", "page"]),
      fc.constantFrom("GET", "POST", "PUT", "DELETE", "PATCH"),
    )
    .map(([path, segment, query, method]) => ({
      method,
      target: `${path.replace("*", segment)}${query}`,
      headers: { "content-type": "application/json" },
      body: method === "GET" ? undefined : "{}",
    }));
  await fuzzTarget("raw API targets", requests);
});
