/**
 * Generated requests to a server action, in every form a client can post one: a fetch call with
 * JSON arguments (Next-Action header), a fetch call with a multipart form, a form posted without
 * JavaScript (`$ACTION_ID_…`, `$ACTION_REF_…`), and raw garbage with the action's id. Arguments are
 * hostile values or shaped like what the action's form sends, to get past the first checks.
 */
import fc from "fast-check";
import {
  contentType,
  hostileBody,
  hostileText,
  hostileValue,
  pathSegment,
} from "../testing/fuzz/arbitraries";
import type { RawRequest } from "./fuzz-support";

/** What each action takes: bound arguments before the form state, and its form's fields. */
export const ACTION_SHAPES: Record<string, { bound: number; fields: string[]; args?: number }> = {
  changeRoleAction: { bound: 0, fields: ["userId", "role"] },
  setDisabledAction: { bound: 0, fields: ["userId", "disabled"] },
  takeBackupAction: { bound: 0, fields: ["service", "name", "store", "region"] },
  verifyBackupAction: { bound: 1, fields: [] },
  runDrillAction: { bound: 1, fields: [] },
  setDrillScheduleAction: { bound: 1, fields: ["everyDays"] },
  setScheduleAction: {
    bound: 1,
    fields: [
      "frequency",
      "retention",
      "store",
      "region",
      "enabled",
      "keepAtLeastOne",
      "afterChange",
    ],
  },
  runOperationAction: {
    bound: 1,
    fields: ["kind", "validForDays", "subject", "name", "protocol", "guestPartner", "units"],
  },
  checkRestoreAction: {
    bound: 0,
    fields: ["backupId", "target", "region", "edition", "trackingDatabase", "storage"],
  },
  requestRestoreAction: {
    bound: 0,
    fields: [
      "backupId",
      "target",
      "region",
      "edition",
      "trackingDatabase",
      "storage",
      "storageReplication",
      "backupSchedule",
      "confirm",
      "idempotencyKey",
    ],
  },
  tickChecklistAction: { bound: 0, fields: [], args: 3 },
  resumeServiceAction: { bound: 1, fields: [] },
  deleteFailedServiceAction: { bound: 2, fields: [] },
  createIncidentAction: {
    bound: 0,
    fields: ["title", "status", "impact", "message", "components", "startedAt"],
  },
  postUpdateAction: { bound: 1, fields: ["status", "message"] },
  changeIncidentAction: {
    bound: 1,
    fields: ["title", "impact", "changeComponents", "components", "message"],
  },
  postmortemAction: { bound: 1, fields: ["body"] },
  scheduleMaintenanceAction: {
    bound: 0,
    fields: ["title", "scheduledFor", "scheduledUntil", "components", "message"],
  },
  updateMaintenanceAction: { bound: 1, fields: ["status", "message"] },
  signInAction: { bound: 0, fields: ["email", "password", "next"] },
  oidcSignInAction: { bound: 0, fields: ["next"] },
  signOutAction: { bound: 0, fields: [], args: 0 },
  createSubscriptionAction: {
    bound: 0,
    fields: ["kind", "name", "target", "services", "components", "minImpact", "events"],
  },
  deleteSubscriptionAction: { bound: 0, fields: ["id"] },
  testSubscriptionAction: { bound: 0, fields: ["id"] },
  subscribeSelfAction: { bound: 0, fields: ["services", "minImpact", "events"] },
  unsubscribeSelfAction: { bound: 0, fields: [] },
  unsubscribeByTokenAction: { bound: 0, fields: ["token"] },
  startEvacuationAction: {
    bound: 1,
    fields: [
      "confirm",
      "service",
      "include.contoso-edi",
      "backup.contoso-edi",
      "target.contoso-edi",
      "region.contoso-edi",
      "tracking.contoso-edi",
      "storage.contoso-edi",
    ],
  },
};

/** Values a real form would send, so some inputs reach the verb behind the action. */
export type Known = { ids: string[]; values: string[] };

function multipart(fields: [string, string][]): { type: string; body: Buffer } {
  const boundary = `----fuzz${Math.random().toString(16).slice(2)}`;
  const parts = fields.map(
    ([name, value]) =>
      `--${boundary}\r\nContent-Disposition: form-data; name="${name.replace(/"/g, "%22").replace(/\r|\n/g, " ")}"\r\n\r\n${value}\r\n`,
  );
  return {
    type: `multipart/form-data; boundary=${boundary}`,
    body: Buffer.from(`${parts.join("")}--${boundary}--\r\n`),
  };
}

export function actionRequests(
  action: { id: string; name: string; pages: string[] },
  known: Known,
): fc.Arbitrary<Omit<RawRequest, "headers"> & { headers: Record<string, string> }> {
  const shape = ACTION_SHAPES[action.name] ?? { bound: 0, fields: [] };
  const value = fc.oneof(
    { arbitrary: fc.constantFrom(...known.ids, ...known.values), weight: 2 },
    { arbitrary: hostileText, weight: 2 },
    { arbitrary: hostileValue, weight: 1 },
  );
  const page = fc.tuple(fc.constantFrom(...action.pages), pathSegment(known.ids)).map(
    ([p, segment]) =>
      p
        .replace(/^app/, "")
        .replace(/\/page$/, "")
        .replace(/\[[^\]]+\]/g, segment) || "/",
  );
  const bound = fc.array(value, { minLength: shape.bound, maxLength: shape.bound });
  const formFields = fc.array(
    fc.tuple(
      fc.oneof(fc.constantFrom(...shape.fields, "extra"), hostileText),
      fc.oneof(fc.constantFrom(...known.values), hostileText),
    ),
    { maxLength: 6 },
  );
  const stateArg = fc.oneof(fc.constant(null), fc.constant("$undefined"), hostileValue);
  const headers = (extra: Record<string, string>) => ({ "next-action": action.id, ...extra });

  const fetchJson = fc
    .tuple(page, bound, stateArg, fc.array(value, { maxLength: 3 }))
    .map(([target, b, state, rest]) => ({
      method: "POST",
      target,
      headers: headers({ "content-type": "text/plain;charset=UTF-8" }),
      body: JSON.stringify(shape.args !== undefined ? rest : [...b, state, ...rest]),
    }));
  const fetchForm = fc
    .tuple(page, bound, stateArg, formFields)
    .map(([target, b, state, fields]) => {
      const form = multipart([
        ["0", JSON.stringify([...b, state, "$K1"])],
        ...fields.map(([k, v]): [string, string] => [`_1_${k}`, v]),
      ]);
      return {
        method: "POST",
        target,
        headers: headers({ "content-type": form.type }),
        body: form.body,
      };
    });
  const noScript = fc.tuple(page, bound, formFields).map(([target, b, fields]) => {
    const meta: [string, string][] = b.length
      ? [
          ["$ACTION_REF_1", ""],
          ["$ACTION_1:0", JSON.stringify({ id: action.id, bound: "$@1" })],
          ["$ACTION_1:1", JSON.stringify(b)],
          ["$ACTION_KEY", "k1"],
        ]
      : [[`$ACTION_ID_${action.id}`, ""]];
    const form = multipart([...meta, ...fields]);
    return { method: "POST", target, headers: { "content-type": form.type }, body: form.body };
  });
  const garbage = fc
    .tuple(page, hostileBody(), contentType, fc.constantFrom(action.id, "abc", "", "0".repeat(42)))
    .map(([target, body, type, id]) => ({
      method: "POST",
      target,
      headers: { "next-action": id, ...(type === null ? {} : { "content-type": type }) },
      body,
    }));
  return fc.oneof(
    { arbitrary: fetchJson, weight: 3 },
    { arbitrary: fetchForm, weight: 4 },
    { arbitrary: noScript, weight: 1 },
    { arbitrary: garbage, weight: 2 },
  );
}
