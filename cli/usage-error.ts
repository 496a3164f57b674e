import { parseArgs, type ParseArgsConfig } from "node:util";

type Options = NonNullable<ParseArgsConfig["options"]>;

export class UsageError extends Error {}

/** The command line's options and positionals (node:util parseArgs, strict); a mistake in them is a UsageError. */
export function parseOptions<const O extends Options>(args: string[], options: O) {
  try {
    return parseArgs({ args, allowPositionals: true, strict: true, options });
  } catch (error) {
    throw new UsageError((error as Error).message);
  }
}

/** The one argument after the command (`drill <service>`); none, or more than one, is a UsageError. */
export function oneArgument(positionals: string[], message: string): string {
  const [, one, ...rest] = positionals;
  if (!one || rest.length) throw new UsageError(message);
  return one;
}
