import { validationError } from "../errors";

/**
 * A request's query string as a record of single values, refusing parameters the endpoint does not
 * know and parameters given twice, with a message naming what is accepted.
 */
export function queryParams(request: Request, accepted: string[]): Record<string, string> {
  const query = new URL(request.url).searchParams;
  const out: Record<string, string> = {};
  for (const key of new Set(query.keys())) {
    if (!accepted.includes(key))
      throw validationError(
        accepted.length
          ? `Unknown query parameter "${key}": this endpoint accepts ${accepted.join(", ")}.`
          : `Unknown query parameter "${key}": this endpoint takes none.`,
        {
          [key]: [
            accepted.length
              ? `unknown parameter; accepted: ${accepted.join(", ")}`
              : "unknown parameter; none is accepted",
          ],
        },
      );
    const values = query.getAll(key);
    if (values.length > 1)
      throw validationError(`Give ${key} once.`, { [key]: ["given more than once"] });
    out[key] = values[0]!;
  }
  return out;
}
