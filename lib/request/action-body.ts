import type { EventEmitter } from "node:events";
import { createRequire } from "node:module";
import { MAX_INPUT_DEPTH } from "../validation";

/**
 * Server action requests are decoded by Next and React before any action runs, and a body they
 * cannot decode (invalid JSON, `null`, a reference to a part that is not there, a BigInt that is
 * not one, an unknown action) ends in a 500 there. This checks a request the way they will read
 * it, so the custom server can refuse it with a 4xx first. It accepts what Standfast's pages
 * send: arguments that are plain JSON values and FormData (`$K`), with React's few escapes.
 */

/** Far above any Standfast form, far below Next's own 1 MB limit (which it answers with a 500). */
export const ACTION_BODY_LIMIT = 64_000;

export type ActionProblem = { status: 400 | 404 | 413; message: string };

/** The build's action ids; null where they cannot be known (development compiles them lazily). */
export type KnownActions = Set<string> | null;
const isKnown = (known: KnownActions, id: string) => known === null || known.has(id);

/** As Next decides whether a request may be a server action (getServerActionRequestMetadata). */
export function mayBeServerAction(method: string | undefined, headers: Headers): boolean {
  if (method !== "POST") return false;
  const type = headers.get("content-type") ?? "";
  return (
    headers.has("next-action") ||
    type === "application/x-www-form-urlencoded" ||
    type.startsWith("multipart/form-data")
  );
}

const bad = (message: string): ActionProblem => ({ status: 400, message });
const SENT_BY_PAGES = "send what Standfast's pages send, or reload the page";

// React's reply format: `$` starts an escape or a reference. These are the ones that decode
// without other parts of the body: literal values, and FormData (which needs none).
const PLAIN_ESCAPES =
  /^\$(\$.*|undefined|NaN|Infinity|-Infinity|-0|D.{0,64}|n-?\d{1,300}|K[0-9a-f]{1,8})$/s;

/** The first value in a decoded argument list React would not decode on its own, or null. */
function replyValueProblem(root: unknown): string | null {
  if (!Array.isArray(root)) return `the arguments must be a JSON array: ${SENT_BY_PAGES}`;
  const stack: { value: unknown; depth: number }[] = [{ value: root, depth: 0 }];
  while (stack.length) {
    const { value, depth } = stack.pop()!;
    if (typeof value === "string") {
      if (value.startsWith("$") && !PLAIN_ESCAPES.test(value))
        return `the argument ${JSON.stringify(value.slice(0, 40))} refers to something this request does not hold: ${SENT_BY_PAGES}`;
      continue;
    }
    if (typeof value !== "object" || value === null) continue;
    if (depth >= MAX_INPUT_DEPTH)
      return `the arguments are nested more than ${MAX_INPUT_DEPTH} levels deep`;
    for (const child of Object.values(value)) stack.push({ value: child, depth: depth + 1 });
  }
  return null;
}

function jsonProblem(text: string, what: string): { value?: unknown; problem?: string } {
  try {
    return { value: JSON.parse(text) };
  } catch (error) {
    return { problem: `${what} is not valid JSON (${(error as Error).message}): ${SENT_BY_PAGES}` };
  }
}

function argumentsProblem(text: string): string | null {
  const parsed = jsonProblem(text, "the body");
  return parsed.problem ?? replyValueProblem(parsed.value);
}

/** A form posted without JavaScript, read as Next reads it (the platform's FormData parser). */
async function formOf(body: Buffer, type: string): Promise<FormData | null> {
  try {
    return await new Response(new Uint8Array(body), {
      headers: { "content-type": type },
    }).formData();
  } catch {
    return null;
  }
}

type Busboy = (options: {
  headers: Record<string, string>;
  defParamCharset: string;
}) => EventEmitter & { end(body: Buffer): void };
const busboy = createRequire(import.meta.url)("next/dist/compiled/busboy") as Busboy;

/**
 * A fetch action's multipart body, read by the parser Next reads it with (its busboy, which is
 * stricter than the platform's: a control character in a part's name is a malformed header).
 */
function busboyForm(body: Buffer, type: string): Promise<FormData | null> {
  return new Promise((resolve) => {
    const form = new FormData();
    let parser: ReturnType<Busboy>;
    try {
      parser = busboy({ headers: { "content-type": type }, defParamCharset: "utf8" });
    } catch {
      return resolve(null);
    }
    let failed = false;
    parser.on("field", (name: string, value: string) => form.append(name, value));
    parser.on("file", (name: string, stream: NodeJS.ReadableStream) => {
      stream.resume();
      form.append(name, new Blob([]));
    });
    parser.on("error", () => {
      failed = true;
      resolve(null);
    });
    parser.on("close", () => resolve(failed ? null : form));
    parser.end(body);
  });
}

/** A fetch action (`Next-Action` header) sent as a multipart form: the arguments and their FormData. */
function multipartReplyProblem(form: FormData): string | null {
  const root = form.get("0");
  if (typeof root !== "string") return `the form has no arguments (its part "0"): ${SENT_BY_PAGES}`;
  // React 19.3's client names FormData fields `_<part>_<name>`; earlier ones `<part>_<name>`.
  for (const key of form.keys())
    if (key !== "0" && !/^_?[0-9a-f]{1,8}_/.test(key))
      return `the form part ${JSON.stringify(key.slice(0, 40))} is not one Standfast's pages send: ${SENT_BY_PAGES}`;
  return argumentsProblem(root);
}

/**
 * A form posted without JavaScript: `$ACTION_ID_<id>` names an action, or `$ACTION_REF_<n>` points
 * at `$ACTION_<n>:0`, `{ "id": …, "bound": null | "$@<k>" }`, with bound arguments in `$ACTION_<n>:<k>`.
 */
function formActionProblem(form: FormData, known: KnownActions): ActionProblem | null {
  for (const key of form.keys()) {
    if (key.startsWith("$ACTION_ID_") && !isKnown(known, key.slice(11)))
      return { status: 404, message: `There is no such server action: ${SENT_BY_PAGES}.` };
    if (!key.startsWith("$ACTION_REF_")) continue;
    const prefix = `$ACTION_${key.slice(12)}:`;
    const meta = form.get(`${prefix}0`);
    if (typeof meta !== "string")
      return bad(`the form's action reference is missing: ${SENT_BY_PAGES}`);
    const parsed = jsonProblem(meta, "the form's action reference");
    if (parsed.problem) return bad(parsed.problem);
    const { id, bound } = (parsed.value ?? {}) as { id?: unknown; bound?: unknown };
    if (typeof id !== "string" || !isKnown(known, id))
      return { status: 404, message: `There is no such server action: ${SENT_BY_PAGES}.` };
    if (bound === null) continue;
    const part = typeof bound === "string" ? /^\$@([0-9a-f]{1,8})$/.exec(bound) : null;
    const args = part ? form.get(`${prefix}${parseInt(part[1]!, 16)}`) : null;
    if (typeof args !== "string")
      return bad(`the form's bound arguments are missing: ${SENT_BY_PAGES}`);
    const problem = argumentsProblem(args);
    if (problem) return bad(problem);
  }
  return null;
}

/** What is wrong with a server action request's body as Next and React will decode it, or null. */
export async function checkActionBody(
  headers: Headers,
  body: Buffer,
  knownActions: KnownActions,
): Promise<ActionProblem | null> {
  if (body.byteLength > ACTION_BODY_LIMIT)
    return { status: 413, message: `The body is too large (limit ${ACTION_BODY_LIMIT} bytes).` };
  const type = headers.get("content-type") ?? "";
  const actionId = headers.get("next-action");
  // Next answers a URL-encoded post itself: not found for a fetch action, a page otherwise.
  if (type === "application/x-www-form-urlencoded") return null;
  if (actionId !== null && !isKnown(knownActions, actionId))
    return { status: 404, message: `There is no such server action: ${SENT_BY_PAGES}.` };
  const multipart = type.startsWith("multipart/form-data");
  if (!multipart) {
    const problem = argumentsProblem(body.toString("utf8"));
    return problem ? bad(problem) : null;
  }
  const form = await (actionId !== null ? busboyForm : formOf)(body, type);
  if (!form) return bad(`the body is not a valid multipart form: ${SENT_BY_PAGES}`);
  if (actionId !== null) {
    const problem = multipartReplyProblem(form);
    return problem ? bad(problem) : null;
  }
  return formActionProblem(form, knownActions);
}
