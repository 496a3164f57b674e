import { createHash } from "node:crypto";
import fs from "node:fs";
import path from "node:path";
import YAML from "yaml";
import type { z } from "zod";
import { buildEstate, type BuiltEstate } from "./build";
import { EstateFile, type EstateFileInput } from "./config";
import { DEMO_ESTATE } from "./demo";

export class EstateConfigError extends Error {
  constructor(
    readonly file: string,
    readonly problems: string[],
  ) {
    super(`The estate file ${file} is not valid:\n${problems.map((p) => `  - ${p}`).join("\n")}`);
    this.name = "EstateConfigError";
  }
}

export type LoadedEstate = BuiltEstate & { demo: boolean; source: string; hash: string };

/** `services[0].storage.replication`, the way people read a YAML path. */
export function formatPath(parts: readonly PropertyKey[]): string {
  return parts.reduce<string>((out, part) => {
    if (typeof part === "number") return `${out}[${part}]`;
    return out ? `${out}.${String(part)}` : String(part);
  }, "");
}

function describe(input: unknown, parts: readonly PropertyKey[]): string {
  let value: unknown = input;
  for (const p of parts)
    value =
      value && typeof value === "object" ? (value as Record<PropertyKey, unknown>)[p] : undefined;
  return value === undefined ? "" : ` (got ${JSON.stringify(value)})`;
}

type Issue = z.core.$ZodIssue;

/**
 * A field that takes either a component or `{ use: id }` fails as one opaque "invalid input".
 * Report the alternative that came closest instead (fewest problems), with its own messages.
 */
function unwrapUnion(issue: Issue): Issue[] {
  if (issue.code !== "invalid_union" || issue.errors.length === 0) return [issue];
  const closest = issue.errors.reduce((best, branch) =>
    branch.length < best.length ? branch : best,
  );
  return closest.flatMap((inner) =>
    unwrapUnion({ ...inner, path: [...issue.path, ...inner.path] } as Issue),
  );
}

/** Validates an estate document; `label` names it in messages (a file path, or "demo estate"). */
export function parseEstate(
  input: unknown,
  label: string,
  defaults: { intervalMs: number; timeoutMs: number },
): LoadedEstate {
  const parsed = EstateFile.safeParse(input);
  if (!parsed.success) {
    throw new EstateConfigError(
      label,
      parsed.error.issues.flatMap(unwrapUnion).map((issue) => {
        const where = formatPath(issue.path) || "(top level)";
        const message =
          issue.code === "unrecognized_keys"
            ? `unknown field ${issue.keys.map((k) => `"${k}"`).join(", ")}: remove it or check its spelling`
            : issue.message;
        return `${where}: ${message}${issue.code === "unrecognized_keys" ? "" : describe(input, issue.path)}`;
      }),
    );
  }
  const { estate, problems } = buildEstate(parsed.data, defaults);
  if (problems.length) {
    throw new EstateConfigError(
      label,
      problems.map((p) => `${formatPath(p.path)}: ${p.message}`),
    );
  }
  // The hash is of what the file declares, not of when it was read.
  const { azure, ...rest } = estate;
  const declared = {
    ...rest,
    ...(azure ? { azure } : {}),
    services: estate.services.map(({ stateChangedAt: _, ...s }) => s),
  };
  const hash = createHash("sha256").update(JSON.stringify(declared)).digest("hex").slice(0, 16);
  return { ...estate, demo: false, source: label, hash };
}

export function loadEstateFile(
  file: string,
  defaults: { intervalMs: number; timeoutMs: number },
): LoadedEstate {
  const full = path.resolve(file);
  let text: string;
  try {
    text = fs.readFileSync(full, "utf8");
  } catch (error) {
    throw new EstateConfigError(full, [
      `cannot read it (${(error as NodeJS.ErrnoException).code ?? (error as Error).message}): check STANDFAST_ESTATE`,
    ]);
  }
  const doc = YAML.parseDocument(text, { prettyErrors: true });
  if (doc.errors.length) {
    throw new EstateConfigError(
      full,
      doc.errors.map((e) => `YAML syntax: ${e.message.split("\n")[0]}`),
    );
  }
  return parseEstate(doc.toJS(), full, defaults);
}

export function loadDemoEstate(defaults: { intervalMs: number; timeoutMs: number }): LoadedEstate {
  return {
    ...parseEstate(DEMO_ESTATE as EstateFileInput, "demo estate", defaults),
    demo: true,
    source: "demo",
  };
}
