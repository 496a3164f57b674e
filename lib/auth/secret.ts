import "server-only";
import { eq } from "drizzle-orm";
import { randomBytes } from "node:crypto";
import { tables, type Db } from "../db";

const { appSecrets } = tables;
const NAME = "auth-secret";

/**
 * The key that signs session cookies and OAuth state. STANDFAST_AUTH_SECRET wins when set;
 * otherwise one is generated once and kept in the store, so every instance on it agrees and
 * sessions survive restarts.
 */
export async function ensureAuthSecret(db: Db, configured?: string): Promise<string> {
  if (configured) return configured;
  await db
    .insert(appSecrets)
    .values({ name: NAME, value: randomBytes(32).toString("base64url") })
    .onConflictDoNothing();
  const [row] = await db.select().from(appSecrets).where(eq(appSecrets.name, NAME));
  return row!.value;
}
