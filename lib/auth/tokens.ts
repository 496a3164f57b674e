import { and, eq, isNull } from "drizzle-orm";
import { createHash, randomBytes, timingSafeEqual } from "node:crypto";
import fs from "node:fs";
import path from "node:path";
import { tables, type Db } from "../db";
import type { Actor, Role } from "../roles";

const { apiTokens } = tables;

export const hashToken = (token: string) => createHash("sha256").update(token).digest("hex");
const newToken = () => `sf_${randomBytes(24).toString("base64url")}`;

export async function createApiToken(
  db: Db,
  input: { name: string; role: Role },
): Promise<{ id: string; token: string }> {
  const token = newToken();
  const id = randomBytes(8).toString("hex");
  await db
    .insert(apiTokens)
    .values({ id, name: input.name, role: input.role, tokenHash: hashToken(token) });
  return { id, token };
}

/** The actor an `Authorization: Bearer` token stands for, or null when it is unknown or revoked. */
export async function actorFromToken(db: Db, token: string): Promise<Actor | null> {
  if (!/^[\x21-\x7e]{16,200}$/.test(token)) return null;
  const hash = hashToken(token);
  const [row] = await db
    .select()
    .from(apiTokens)
    .where(and(eq(apiTokens.tokenHash, hash), isNull(apiTokens.revokedAt)));
  if (!row || !timingSafeEqual(Buffer.from(row.tokenHash), Buffer.from(hash))) return null;
  return { kind: "api-token", id: row.id, name: row.name, role: row.role as Role };
}

export const ADMIN_TOKEN_FILE = "admin-token";

/**
 * Makes sure an admin token exists for the CLI. STANDFAST_ADMIN_TOKEN wins when set (scaled-out
 * deployments share it); otherwise one is generated and written, readable by its owner only, to
 * `<dataDir>/admin-token`, where the CLI on this machine finds it.
 */
export async function ensureAdminToken(
  db: Db,
  options: { configured?: string; dataDir: string },
): Promise<{ source: "setting" | "file"; file?: string }> {
  return db.transaction(async (tx) => {
    if (options.configured) {
      const hash = hashToken(options.configured);
      const [current] = await tx
        .select()
        .from(apiTokens)
        .where(and(eq(apiTokens.name, "STANDFAST_ADMIN_TOKEN"), isNull(apiTokens.revokedAt)));
      if (current?.tokenHash !== hash) {
        if (current)
          await tx
            .update(apiTokens)
            .set({ revokedAt: new Date() })
            .where(eq(apiTokens.id, current.id));
        await tx.insert(apiTokens).values({
          id: randomBytes(8).toString("hex"),
          name: "STANDFAST_ADMIN_TOKEN",
          role: "admin",
          tokenHash: hash,
        });
      }
      return { source: "setting" };
    }
    const file = path.join(options.dataDir, ADMIN_TOKEN_FILE);
    const onDisk = fs.existsSync(file) ? fs.readFileSync(file, "utf8").trim() : "";
    const [current] = await tx
      .select()
      .from(apiTokens)
      .where(and(eq(apiTokens.name, "local-admin"), isNull(apiTokens.revokedAt)));
    if (current && onDisk && current.tokenHash === hashToken(onDisk))
      return { source: "file", file };
    if (current)
      await tx.update(apiTokens).set({ revokedAt: new Date() }).where(eq(apiTokens.id, current.id));
    const token = newToken();
    await tx.insert(apiTokens).values({
      id: randomBytes(8).toString("hex"),
      name: "local-admin",
      role: "admin",
      tokenHash: hashToken(token),
    });
    fs.mkdirSync(options.dataDir, { recursive: true });
    fs.writeFileSync(file, `${token}\n`, { mode: 0o600 });
    return { source: "file", file };
  });
}
