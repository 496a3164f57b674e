/**
 * Every API route handler the fuzz suite sends generated input to: its method, how its path is
 * built from (hostile) segments, the query names it knows and the fields its body takes, so some
 * inputs get past the first checks. `fuzz.test.ts` checks this list against the route files.
 */
import fc from "fast-check";
import { pathSegment, queryString } from "@/testing/fuzz/arbitraries";
import * as faults from "../../app/api/admin/faults/route";
import * as deliveries from "../../app/api/admin/subscriptions/deliveries/route";
import * as subscriptions from "../../app/api/admin/subscriptions/route";
import * as testSend from "../../app/api/admin/subscriptions/test/route";
import * as users from "../../app/api/admin/users/route";
import * as auth from "../../app/api/auth/[...all]/route";
import * as backup from "../../app/api/backups/[backupId]/route";
import * as verify from "../../app/api/backups/[backupId]/verify/route";
import * as backups from "../../app/api/backups/route";
import * as csv from "../../app/api/compliance/report.csv/route";
import * as compliance from "../../app/api/compliance/route";
import * as history from "../../app/api/components/[componentId]/history/route";
import * as evacuation from "../../app/api/regions/[regionId]/evacuation/route";
import * as restore from "../../app/api/restores/[restoreId]/route";
import * as preflight from "../../app/api/restores/preflight/route";
import * as restores from "../../app/api/restores/route";
import * as serviceBackups from "../../app/api/services/[serviceId]/backups/route";
import * as operations from "../../app/api/services/[serviceId]/operations/route";
import * as schedule from "../../app/api/services/[serviceId]/schedule/route";
import * as drills from "../../app/api/services/[serviceId]/drills/route";
import * as drillSchedule from "../../app/api/services/[serviceId]/drills/schedule/route";

type Handler = (request: Request, context: { params: Promise<never> }) => Promise<Response>;

export type Target = {
  /** The route file under app/api, and the method: "backups/[backupId]/route.ts GET". */
  file: string;
  method: string;
  handler: Handler;
  /** The path on the wire, from the generated segments (already percent-encoded). */
  path: fc.Arbitrary<{ path: string; params: Record<string, string | string[]> }>;
  query: fc.Arbitrary<string>;
  /** Shaped body fields (writes), mixed with wholly hostile bodies by the suite. */
  body?: Record<string, fc.Arbitrary<unknown>>;
};

/** Real ids the store holds, so generated paths also reach the code behind a found row. */
export type KnownIds = { backups: string[]; services: string[]; components: string[] };

const decode = (segment: string) => {
  try {
    return decodeURIComponent(segment);
  } catch {
    // Next never gets this far (the custom server refuses it); withApi must refuse it too.
    return segment;
  }
};

const fixed = (path: string) => fc.constant({ path, params: {} });
const dynamic = (name: string, build: (segment: string) => string, real: string[]) =>
  pathSegment(real).map((segment) => ({
    path: build(segment),
    params: { [name]: decode(segment) },
  }));

const text = (...good: string[]) => fc.constantFrom(...good);

export function fuzzTargets(ids: KnownIds): Target[] {
  const noQuery = queryString();
  const service = text(...ids.services, "no-such-service");
  const region = text("westeurope", "northeurope", "eastus", "nowhere");
  const restoreBody = {
    backupId: text(...ids.backups, "00000000-0000-0000-0000-000000000000"),
    target: text("contoso-dr", "contoso-edi", "x"),
    region,
    edition: text("basic", "standard", "premium", "developer"),
    trackingDatabase: text("contoso-dr-tracking"),
    storage: text("contosodrstore"),
  };
  const authPaths = fc
    .oneof(
      fc.constantFrom(
        "sign-in/email",
        "sign-in/social",
        "sign-out",
        "get-session",
        "callback/oidc",
        "list-sessions",
        "ok",
      ),
      fc.array(pathSegment(), { minLength: 1, maxLength: 3 }).map((s) => s.join("/")),
    )
    .map((rest) => ({ path: `/api/auth/${rest}`, params: { all: rest.split("/").map(decode) } }));
  const t = (
    file: string,
    method: string,
    handler: unknown,
    path: Target["path"],
    query: fc.Arbitrary<string> = noQuery,
    body?: Target["body"],
  ): Target => ({ file, method, handler: handler as Handler, path, query, body });

  return [
    t("admin/faults/route.ts", "GET", faults.GET, fixed("/api/admin/faults")),
    t("admin/faults/route.ts", "POST", faults.POST, fixed("/api/admin/faults"), noQuery, {
      component: text(...ids.components, "../../etc/passwd"),
      status: text("major_outage", "partial_outage", "silent", "unknown"),
      for: text("10m", "1s", "8d"),
      instances: fc.integer({ min: -1, max: 5 }),
      reason: text("maintenance"),
    }),
    t("admin/faults/route.ts", "DELETE", faults.DELETE, fixed("/api/admin/faults"), noQuery, {
      component: text(...ids.components, "../../etc/passwd"),
    }),
    t(
      "admin/subscriptions/deliveries/route.ts",
      "GET",
      deliveries.GET,
      fixed("/api/admin/subscriptions/deliveries"),
      queryString(["subscription", "status", "page"]),
    ),
    t("admin/subscriptions/route.ts", "GET", subscriptions.GET, fixed("/api/admin/subscriptions")),
    t(
      "admin/subscriptions/route.ts",
      "POST",
      subscriptions.POST,
      fixed("/api/admin/subscriptions"),
      noQuery,
      {
        kind: text("webhook", "slack", "teams", "email", "pager"),
        name: text("On-call", ""),
        target: text(
          "http://127.0.0.1:9/hook",
          "https://hooks.slack.com/services/T/B/x",
          "ops@example.com",
          "file:///etc/passwd",
          "http://169.254.169.254/latest",
        ),
        services: fc.array(service, { maxLength: 2 }),
        components: fc.array(text(...ids.components, "nope"), { maxLength: 2 }),
        minImpact: text("none", "minor", "major", "critical", "huge"),
        events: fc.array(text("incident.opened", "component.status_changed", "x"), {
          maxLength: 3,
        }),
      },
    ),
    t(
      "admin/subscriptions/route.ts",
      "DELETE",
      subscriptions.DELETE,
      fixed("/api/admin/subscriptions"),
      noQuery,
      { id: text("00000000-0000-0000-0000-000000000000", "x") },
    ),
    t(
      "admin/subscriptions/test/route.ts",
      "POST",
      testSend.POST,
      fixed("/api/admin/subscriptions/test"),
      noQuery,
      { id: text("00000000-0000-0000-0000-000000000000", "x") },
    ),
    t("admin/users/route.ts", "GET", users.GET, fixed("/api/admin/users")),
    t("admin/users/route.ts", "POST", users.POST, fixed("/api/admin/users"), noQuery, {
      email: text("new@example.com", "not-an-address"),
      name: text("New Person"),
      role: text("viewer", "operator", "admin", "root"),
      password: text("correct-horse-battery-staple", "short"),
    }),
    t(
      "auth/[...all]/route.ts",
      "GET",
      auth.GET,
      authPaths,
      queryString(["state", "code", "error"]),
    ),
    t("auth/[...all]/route.ts", "POST", auth.POST, authPaths, noQuery, {
      email: text("viewer@fuzz.test", "nobody@example.com"),
      password: text("correct-horse-battery", "wrong"),
      provider: text("oidc", "github"),
      callbackURL: text("/", "https://evil.example"),
    }),
    t(
      "backups/[backupId]/route.ts",
      "GET",
      backup.GET,
      dynamic("backupId", (s) => `/api/backups/${s}`, ids.backups),
    ),
    t(
      "backups/[backupId]/verify/route.ts",
      "POST",
      verify.POST,
      dynamic("backupId", (s) => `/api/backups/${s}/verify`, ids.backups),
    ),
    t(
      "backups/route.ts",
      "GET",
      backups.GET,
      fixed("/api/backups"),
      queryString(["service", "status", "region", "from", "to", "page", "pageSize"]),
    ),
    t("backups/route.ts", "POST", backups.POST, fixed("/api/backups"), noQuery, {
      service,
      name: text("nightly", ""),
      store: text("local", "nowhere"),
      region,
    }),
    t("compliance/report.csv/route.ts", "GET", csv.GET, fixed("/api/compliance/report.csv")),
    t(
      "compliance/route.ts",
      "GET",
      compliance.GET,
      fixed("/api/compliance"),
      queryString(["days"]),
    ),
    t(
      "components/[componentId]/history/route.ts",
      "GET",
      history.GET,
      dynamic("componentId", (s) => `/api/components/${s}/history`, ids.components),
      queryString(["range"]),
    ),
    t(
      "regions/[regionId]/evacuation/route.ts",
      "GET",
      evacuation.GET,
      dynamic("regionId", (s) => `/api/regions/${s}/evacuation`, [
        "westeurope",
        "eastus",
        "southeastasia",
      ]),
    ),
    t(
      "regions/[regionId]/evacuation/route.ts",
      "POST",
      evacuation.POST,
      dynamic("regionId", (s) => `/api/regions/${s}/evacuation`, ["westeurope", "eastus"]),
      noQuery,
      {
        confirm: text("westeurope", "eastus", ""),
        rows: fc.array(
          fc.record({
            serviceId: text("contoso-edi", "fabrikam-b2b", "x"),
            backupId: text(...ids.backups, "00000000-0000-0000-0000-000000000000"),
            target: text("contoso-edi-dr", "fabrikam-b2b"),
            region,
            trackingDatabase: text("contoso-edi-dr-tracking"),
            storage: text("contosoedidrstore", "Bad Name"),
          }),
          { maxLength: 3 },
        ),
      },
    ),
    t(
      "restores/[restoreId]/route.ts",
      "GET",
      restore.GET,
      dynamic("restoreId", (s) => `/api/restores/${s}`, []),
    ),
    t(
      "restores/preflight/route.ts",
      "POST",
      preflight.POST,
      fixed("/api/restores/preflight"),
      noQuery,
      restoreBody,
    ),
    t("restores/route.ts", "GET", restores.GET, fixed("/api/restores")),
    t("restores/route.ts", "POST", restores.POST, fixed("/api/restores"), noQuery, {
      ...restoreBody,
      storageReplication: text("GRS"),
      backupSchedule: text("daily"),
      confirm: text("contoso-dr"),
      idempotencyKey: text("fuzz-key-0001", "short"),
    }),
    t(
      "services/[serviceId]/backups/route.ts",
      "GET",
      serviceBackups.GET,
      dynamic("serviceId", (s) => `/api/services/${s}/backups`, ids.services),
    ),
    t(
      "services/[serviceId]/operations/route.ts",
      "POST",
      operations.POST,
      dynamic("serviceId", (s) => `/api/services/${s}/operations`, ids.services),
      noQuery,
      {
        kind: text("update-ssl-certificate", "add-agreement", "scale-units", "explode"),
        validForDays: fc.integer({ min: -5, max: 1000 }),
        units: fc.integer({ min: -1, max: 20 }),
        name: text("agreement"),
        protocol: text("AS2", "X12"),
      },
    ),
    t(
      "services/[serviceId]/schedule/route.ts",
      "PUT",
      schedule.PUT,
      dynamic("serviceId", (s) => `/api/services/${s}/schedule`, ids.services),
      noQuery,
      {
        frequency: text("1d", "12h", "1m"),
        retention: text("7d", "1d"),
        store: text("local"),
        region,
        enabled: fc.boolean(),
        keepAtLeastOne: fc.boolean(),
        afterChange: fc.boolean(),
      },
    ),
    t(
      "services/[serviceId]/drills/route.ts",
      "GET",
      drills.GET,
      dynamic("serviceId", (s) => `/api/services/${s}/drills`, ids.services),
    ),
    t(
      "services/[serviceId]/drills/route.ts",
      "POST",
      drills.POST,
      dynamic("serviceId", (s) => `/api/services/${s}/drills`, ids.services),
      noQuery,
      { backupId: text(...ids.backups, "00000000-0000-0000-0000-000000000000") },
    ),
    t(
      "services/[serviceId]/drills/schedule/route.ts",
      "PUT",
      drillSchedule.PUT,
      dynamic("serviceId", (s) => `/api/services/${s}/drills/schedule`, ids.services),
      noQuery,
      { everyDays: fc.oneof(fc.integer({ min: -2, max: 400 }), fc.constant(null)) },
    ),
  ];
}

/** The route files each fuzz test file takes (by path under app/api); together, all of them. */
export const FUZZ_GROUPS = {
  "admin and sign-in": (file: string) => /^(admin|auth)\//.test(file),
  "backups and compliance": (file: string) => /^(backups|compliance)\//.test(file),
  "restores, regions, services and components": (file: string) =>
    /^(restores|services|components|regions)\//.test(file),
};
