// The layout's rules, shared by the lint rule (eslint.config.mjs) and the layout report.
import { existsSync } from "node:fs";
import { dirname, join, normalize } from "node:path";

// Files of a domain that others may import besides its index: client-safe types and
// vocabularies (`*-types`, `types`, `vocabulary`), the web layer's session entry (it needs
// next/headers, kept out of the index that the custom server imports) and the custom server's
// entry (`server`, node:http pieces kept out of the index).
const publicFile = /^(index|types|vocabulary|session|server|[a-z0-9-]+-types)$/;

/** The domain a repo-relative path belongs to: `lib/<domain>/…` (notify is a domain of its own). */
export function domainOf(path) {
  if (path.startsWith("lib/incidents/notify/")) return "incidents/notify";
  const m = /^lib\/([^/]+)\//.exec(path);
  return m ? m[1] : null;
}

/** Whether a repo-relative file is a domain's public surface. */
export function isPublicEntry(path) {
  const d = domainOf(path);
  if (!d) return true;
  const rest = path.slice(`lib/${d}/`.length).replace(/\.(ts|tsx|mjs|js)$/, "");
  return !rest.includes("/") && publicFile.test(rest);
}

const extensions = ["", ".ts", ".tsx", ".mjs", ".js", "/index.ts", "/index.tsx"];

/**
 * Resolves an import specifier written in `fromRel` to a repo-relative file path, or null when
 * it is a package. The `@/` alias and relative paths resolve alike.
 */
export function resolveImport(fromRel, spec, root) {
  let base;
  if (spec.startsWith("@/")) base = spec.slice(2);
  else if (spec.startsWith(".")) base = normalize(join(dirname(fromRel), spec));
  else return null;
  base = base.replace(/\\/g, "/");
  for (const ext of extensions) {
    if (
      existsSync(join(root, base + ext)) &&
      !base.endsWith("/") &&
      (ext || /\.[a-z]+$/.test(base))
    )
      return base + ext;
  }
  return base;
}
