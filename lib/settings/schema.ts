import { z } from "zod";
import { parseDuration } from "../time";
import { authSettings, checkOidcSettings } from "./auth-settings";
import { notifySettings } from "./notify-settings";

const duration = (example: string, min: number, max: number) =>
  z.string().transform((text, ctx) => {
    const ms = parseDuration(text);
    if (ms === null) {
      ctx.addIssue({ code: "custom", message: `expected a duration such as ${example}` });
      return z.NEVER;
    }
    if (ms < min || ms > max) {
      ctx.addIssue({
        code: "custom",
        message: `expected a duration between ${fmt(min)} and ${fmt(max)}, such as ${example}`,
      });
      return z.NEVER;
    }
    return ms;
  });

const fmt = (ms: number) =>
  ms >= 86_400_000 ? `${ms / 86_400_000}d` : ms >= 60_000 ? `${ms / 60_000}m` : `${ms / 1000}s`;

const int = (min: number, max: number) =>
  z
    .string()
    .regex(/^\d+$/, `expected a whole number from ${min} to ${max}`)
    .transform(Number)
    .pipe(
      z
        .number()
        .int()
        .min(min, `expected a whole number from ${min} to ${max}`)
        .max(max, `expected a whole number from ${min} to ${max}`),
    );

const onOff = z.enum(["on", "off"], { message: 'expected "on" or "off"' });

/** Every environment variable Standfast reads, with its default. Names are the variables themselves. */
export const SettingsSchema = z
  .object({
    PORT: int(1, 65535).default(3000),
    HOST: z.string().min(1, "expected a host name or address, such as 0.0.0.0").default("0.0.0.0"),
    STANDFAST_DATA_DIR: z.string().min(1, "expected a folder path").default(".standfast"),
    DATABASE_URL: z
      .string()
      .regex(
        /^postgres(ql)?:\/\/\S+$/,
        "expected a PostgreSQL URL such as postgres://user:pass@host:5432/standfast",
      )
      .optional(),
    STANDFAST_ESTATE: z.string().min(1, "expected the path of an estate YAML file").optional(),
    STANDFAST_DEFAULT_INTERVAL: duration("30s", 1_000, 3_600_000).default(30_000),
    STANDFAST_DEFAULT_TIMEOUT: duration("5s", 100, 120_000).default(5_000),
    STANDFAST_POLL_CONCURRENCY: int(1, 512).default(16),
    STANDFAST_SAMPLE_RETENTION: duration("7d", 3_600_000, 90 * 86_400_000).default(7 * 86_400_000),
    STANDFAST_POLLER: onOff.default("on"),
    STANDFAST_BOARD_REFRESH: duration("5s", 1_000, 300_000).default(5_000),
    /** The compliance report's recovery point objective: the last good backup must be younger. */
    STANDFAST_BACKUP_RPO: duration("24h", 3_600_000, 30 * 86_400_000).default(86_400_000),
    /** The compliance report's "restorable" rule: a restore drill must have succeeded this recently. */
    STANDFAST_DRILL_WITHIN: duration("30d", 86_400_000, 365 * 86_400_000).default(30 * 86_400_000),
    /** How often the backup worker looks for due and queued backups. */
    STANDFAST_BACKUP_TICK: duration("5s", 200, 300_000).default(5_000),
    /**
     * How often a running backup or restore proves its worker alive; after two silent beats any
     * instance takes the job over (a restore resumes from its step, a backup is failed).
     */
    STANDFAST_JOB_HEARTBEAT: duration("5s", 100, 60_000).default(5_000),
    /** Incidents open after a component fails this many of its check intervals. */
    STANDFAST_INCIDENT_DEBOUNCE: int(1, 100).default(2),
    /** A detected incident resolves itself once its components are healthy this many intervals. */
    STANDFAST_INCIDENT_QUIET: int(1, 1000).default(5),
    /** Failures in one region this close together are one incident; a resolved one reopens within it. */
    STANDFAST_INCIDENT_GROUPING: duration("5m", 1_000, 86_400_000).default(300_000),
    STANDFAST_PUBLIC_URL: z
      .url({
        protocol: /^https?$/,
        message: "expected the URL people open, such as https://status.example.com",
      })
      .transform((u) => u.replace(/\/+$/, ""))
      .optional(),
    STANDFAST_ADMIN_TOKEN: z
      .string()
      .min(24, "expected at least 24 characters (use a long random string)")
      .optional(),
    ...authSettings,
    ...notifySettings,
  })
  .superRefine(checkOidcSettings);

export type Settings = z.output<typeof SettingsSchema>;
