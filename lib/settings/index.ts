import path from "node:path";
import { SettingsSchema, type Settings } from "./schema";

export type { Settings } from "./schema";

export class SettingsError extends Error {
  constructor(readonly problems: string[]) {
    super(`Invalid settings:\n${problems.map((p) => `  - ${p}`).join("\n")}`);
    this.name = "SettingsError";
  }
}

const KEY = Symbol.for("standfast.settings");
type Holder = { [KEY]?: Settings };

/** Validates the environment. Empty strings count as unset, as shells often export them. */
export function parseSettings(env: Record<string, string | undefined>): Settings {
  const input: Record<string, string> = {};
  for (const key of Object.keys(SettingsSchema.shape)) {
    const value = env[key];
    if (value !== undefined && value.trim() !== "") input[key] = value.trim();
  }
  const result = SettingsSchema.safeParse(input);
  if (!result.success) {
    throw new SettingsError(
      result.error.issues.map((issue) => {
        const name = String(issue.path[0] ?? "settings");
        return `${name}=${JSON.stringify(input[name] ?? "")}: ${issue.message}`;
      }),
    );
  }
  return { ...result.data, STANDFAST_DATA_DIR: path.resolve(result.data.STANDFAST_DATA_DIR) };
}

/** The process-wide settings, read once from process.env. */
export function getSettings(): Settings {
  const holder = globalThis as Holder;
  holder[KEY] ??= parseSettings(process.env);
  return holder[KEY];
}

/** For tests and tools that build settings themselves. */
export function installSettings(settings: Settings): void {
  (globalThis as Holder)[KEY] = settings;
}
