/**
 * Checks the request target (path and query) before anything decodes it for use: a path segment
 * must be valid percent-encoded UTF-8 (`/api/backups/%ff` is not, and would crash the decoder),
 * and no segment, parameter name or value may decode to a NUL, which PostgreSQL cannot store.
 * Malformed escapes in the query are tolerated as every URL parser does (they read as U+FFFD).
 */
export type TargetProblem = { field: string; message: string };

const shown = (raw: string) => JSON.stringify(raw.length > 60 ? `${raw.slice(0, 60)}…` : raw);

export function checkRequestTarget(target: string): TargetProblem | null {
  let url: URL;
  try {
    // A raw request target (`/a?b`, even `//a`) is a path; a Request's url is absolute.
    url = new URL(target.startsWith("/") ? `http://localhost${target}` : target);
  } catch {
    return { field: "path", message: `The address ${shown(target)} is not a valid URL.` };
  }
  for (const segment of url.pathname.split("/")) {
    let decoded: string;
    try {
      decoded = decodeURIComponent(segment);
    } catch {
      return {
        field: "path",
        message: `The path segment ${shown(segment)} is not valid percent-encoded UTF-8 (a lone or malformed % escape).`,
      };
    }
    if (decoded.includes("\u0000"))
      return {
        field: "path",
        message: `The path segment ${shown(segment)} contains a NUL character (%00): remove it.`,
      };
  }
  for (const [key, value] of url.searchParams) {
    const name = key.replaceAll("\u0000", "\\u0000");
    if (key.includes("\u0000"))
      return {
        field: name,
        message: `The query parameter name ${shown(name)} contains a NUL character (%00): remove it.`,
      };
    if (value.includes("\u0000"))
      return {
        field: name,
        message: `The query parameter ${shown(name)} contains a NUL character (%00): remove it.`,
      };
  }
  return null;
}
