import { z } from "zod";
import { parseDuration } from "./";

/** "500ms", "30s", "5m" in a config file, as milliseconds. */
export const DurationText = z.string().transform((text, ctx) => {
  const ms = parseDuration(text);
  if (ms === null || ms <= 0) {
    ctx.addIssue({
      code: "custom",
      message: `expected a duration such as 500ms, 30s or 5m (got ${JSON.stringify(text)})`,
    });
    return z.NEVER;
  }
  return ms;
});
