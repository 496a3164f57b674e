import { createAuth, createLocalUser, SYSTEM, type StandfastAuth } from "../lib/auth";
import { tables } from "../lib/db";
import type { Database } from "../lib/db/types";
import { parseSettings } from "../lib/settings";

export { createTestDatabase } from "./db";

export const TEST_BASE_URL = "http://localhost:3000";

/** A better-auth instance on a test database, configured as the settings in `env` say. */
export function createTestAuth(
  database: Database,
  env: Record<string, string> = {},
  baseURL = TEST_BASE_URL,
): StandfastAuth {
  return createAuth({
    db: database.db,
    secret: "test-secret-test-secret-test-secret-0123",
    baseURL,
    settings: parseSettings(env),
  });
}

/** A local user made as an admin would make one. */
export async function addUser(
  database: Database,
  user: { email: string; role: "viewer" | "operator" | "admin"; password?: string; name?: string },
) {
  return createLocalUser(
    { actor: SYSTEM, db: database.db },
    { name: user.name ?? user.email.split("@")[0], password: "correct-horse-battery", ...user },
  );
}

/** A JSON POST as a browser on this site would send it. */
export function browserPost(
  path: string,
  body: unknown,
  headers: Record<string, string> = {},
  baseURL = TEST_BASE_URL,
): Request {
  return new Request(baseURL + path, {
    method: "POST",
    headers: {
      "content-type": "application/json",
      origin: baseURL,
      host: new URL(baseURL).host,
      "x-forwarded-for": "192.0.2.10",
      ...headers,
    },
    body: JSON.stringify(body),
  });
}

/** The `name=value` pairs of a response's Set-Cookie headers, as a Cookie header. */
export function cookieHeader(response: Response): string {
  return response.headers
    .getSetCookie()
    .map((c) => c.split(";")[0])
    .join("; ");
}

/** Every user's e-mail address, sorted: to show a refused write changed nothing. */
export async function userEmails(database: Database): Promise<string[]> {
  return (await database.db.select().from(tables.users)).map((u) => u.email).sort();
}
