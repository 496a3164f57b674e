import "server-only";
import { checkRequestTarget, readText } from "../request";
import { findBadText } from "../validation";

/** Far above any sign-in or sign-out body, far below what would cost the server anything. */
export const AUTH_BODY_LIMIT = 16_000;

const refusal = (status: number, code: string, message: string) =>
  Response.json(
    { code, message },
    { status, headers: { "cache-control": "no-store", "content-type": "application/json" } },
  );

/**
 * What better-auth's routes are given is screened first, so hostile input gets a 4xx naming the
 * problem instead of reaching the store: a malformed or NUL-carrying path or query, a body over
 * the limit, a JSON body that is not an object, and text no field may hold (NUL, lone
 * surrogates). Returns the request to hand on (its body re-made from what was read), or the
 * refusal.
 */
export async function screenAuthRequest(
  request: Request,
): Promise<{ request: Request } | { refused: Response }> {
  const target = checkRequestTarget(request.url);
  if (target) return { refused: refusal(400, "BAD_REQUEST", target.message) };
  if (request.method === "GET" || request.method === "HEAD") return { request };
  let text: string;
  try {
    text = await readText(request, AUTH_BODY_LIMIT);
  } catch {
    return {
      refused: refusal(
        413,
        "PAYLOAD_TOO_LARGE",
        `The body is too large (limit ${AUTH_BODY_LIMIT} bytes).`,
      ),
    };
  }
  const type = (request.headers.get("content-type") ?? "").toLowerCase();
  const problem = text ? bodyProblem(text, type) : null;
  if (problem) return { refused: refusal(400, "VALIDATION_ERROR", problem) };
  return {
    request: new Request(request.url, {
      method: request.method,
      headers: request.headers,
      body: text || undefined,
    }),
  };
}

function bodyProblem(text: string, type: string): string | null {
  if (type.includes("application/json")) {
    let body: unknown;
    try {
      body = JSON.parse(text);
    } catch (error) {
      return `The body is not valid JSON: ${(error as Error).message}`;
    }
    if (typeof body !== "object" || body === null || Array.isArray(body))
      return "The body must be a JSON object.";
    const bad = findBadText(body);
    return bad ? `${bad.field}: ${bad.problem}` : null;
  }
  if (type.includes("application/x-www-form-urlencoded")) {
    for (const [key, value] of new URLSearchParams(text)) {
      const bad = findBadText({ [key]: value });
      if (bad) return `${bad.field}: ${bad.problem}`;
    }
    return null;
  }
  // Any other type is better-auth's to refuse (415), which it does without reading it.
  return null;
}
