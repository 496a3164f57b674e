import { validationError } from "../errors";

/**
 * Reads a JSON body, refusing anything else with a clear message. With `shape: "object"` (what
 * every write takes), `null`, arrays, numbers, strings and booleans are refused too.
 */
export async function readJson(
  request: Request,
  limitBytes = 64_000,
  shape: "any" | "object" = "any",
): Promise<unknown> {
  const type = request.headers.get("content-type") ?? "";
  const text = await readText(request, limitBytes);
  if (text.length === 0) return {};
  if (!type.includes("application/json"))
    throw validationError("Send the body as JSON with Content-Type: application/json.");
  let body: unknown;
  try {
    body = JSON.parse(text);
  } catch (error) {
    throw validationError(`The body is not valid JSON: ${(error as Error).message}`);
  }
  if (shape === "object" && (typeof body !== "object" || body === null || Array.isArray(body)))
    throw validationError(
      `The body must be a JSON object such as {"name": "value"}, not ${describeJson(body)}.`,
      { body: ["expected a JSON object"] },
    );
  return body;
}

const describeJson = (value: unknown) =>
  value === null ? "null" : Array.isArray(value) ? "an array" : `a ${typeof value}`;

/** The body as text, refused as soon as it is known to pass the limit rather than read whole. */
export async function readText(request: Request, limitBytes: number): Promise<string> {
  const tooLarge = () => validationError(`The body is too large (limit ${limitBytes} bytes).`);
  if (Number(request.headers.get("content-length")) > limitBytes) throw tooLarge();
  const reader = request.body?.getReader();
  if (!reader) return "";
  const chunks: Uint8Array[] = [];
  let size = 0;
  for (;;) {
    const { done, value } = await reader.read();
    if (done) break;
    size += value.byteLength;
    if (size > limitBytes) {
      await reader.cancel().catch(() => {});
      throw tooLarge();
    }
    chunks.push(value);
  }
  return Buffer.concat(chunks).toString("utf8");
}
