import { sql } from "drizzle-orm";
import type { Db } from "../lib/db";
import { logger } from "../lib/log";

const log = logger("store");

/**
 * Whether the store answers, asked again at most once a second and given `timeoutMs` to answer.
 * Pages cannot choose their own status when a read fails (Next's error boundary answers 500), so
 * the server asks this first and answers 503 itself while the store is away; as soon as it
 * answers again, so does everything else.
 */
export function createStoreGate(
  db: () => Db,
  options: { everyMs?: number; timeoutMs?: number } = {},
): () => Promise<boolean> {
  const everyMs = options.everyMs ?? 1_000;
  const timeoutMs = options.timeoutMs ?? 2_000;
  let last: { at: number; up: boolean } | null = null;
  let probing: Promise<boolean> | null = null;

  async function probe(): Promise<boolean> {
    let timer: NodeJS.Timeout | undefined;
    const up = await Promise.race([
      db()
        .execute(sql`select 1`)
        .then(
          () => true,
          (error: Error) => {
            if (last?.up !== false) log.error(`unreachable: ${error.message}`);
            return false;
          },
        ),
      new Promise<boolean>((resolve) => {
        timer = setTimeout(() => {
          if (last?.up !== false) log.error(`unreachable: no answer within ${timeoutMs} ms`);
          resolve(false);
        }, timeoutMs);
      }),
    ]);
    clearTimeout(timer);
    if (up && last?.up === false) log.info("reachable again");
    last = { at: Date.now(), up };
    return up;
  }

  return () => {
    if (last && Date.now() - last.at < everyMs) return Promise.resolve(last.up);
    probing ??= probe().finally(() => (probing = null));
    return probing;
  };
}
