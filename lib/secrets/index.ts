/**
 * What is secret in a service's configuration, and the one function that masks it (the lowest
 * layer: it imports nothing, so every domain and the logger may use it). Every view of
 * a configuration, operation, backup log, audit row and log line goes through `redactSecrets` or
 * `redactText`. Pure and client-safe (no `server-only`): the CLI and the e2e scanner use it too.
 */

/** What a secret is replaced with. */
export const REDACTED = "[redacted]";

/**
 * The secret fields of a configuration, by path (`[]` = every element of a list). A field marked
 * `connectionString` holds public parts (server, account name) and secret parts (matched by
 * SECRET_PATTERNS); the others are secret as a whole.
 */
export const SECRET_FIELDS = [
  { path: "settings.acsKey", what: "access-control (ACS) key" },
  { path: "settings.trackingDatabase", what: "tracking database password", connectionString: true },
  { path: "settings.monitoringStorage", what: "monitoring storage key", connectionString: true },
  { path: "settings.archivingStorage", what: "archiving storage key", connectionString: true },
  { path: "sslCertificate.pfxBase64", what: "SSL certificate with its private key (PFX)" },
  { path: "sslCertificate.password", what: "SSL certificate password" },
  { path: "certificates[].pfxBase64", what: "certificate with its private key (PFX)" },
] as const;

/** Connection-string keys whose values are secret (ADO.NET, Azure Storage, Service Bus, SAS). */
const SECRET_KEYS_IN_TEXT =
  "AccountKey|Password|Pwd|SharedAccessKey|SharedAccessSignature|ClientSecret|ApiKey|sig";

/**
 * Secrets inside free text (connection strings, URLs, PEM blocks, serialised objects). Each
 * replacement keeps the key, so a reader still sees what was there.
 */
export const SECRET_PATTERNS: { name: string; pattern: RegExp; replace: string }[] = [
  {
    name: "connection-string key",
    // Values end where a connection string, a quoted string or a line does.
    pattern: new RegExp(`\\b(${SECRET_KEYS_IN_TEXT})(\\s*=\\s*)[^;"'\\\\\\s<>&]+`, "gi"),
    replace: `$1$2${REDACTED}`,
  },
  {
    name: "password in a URL",
    pattern: /\b([a-z][a-z0-9+.-]*:\/\/[^\s:/@"'<>]+):[^\s@/"'<>]+@/gi,
    replace: `$1:${REDACTED}@`,
  },
  {
    name: "PEM private key",
    pattern: /-----BEGIN ([A-Z ]*)PRIVATE KEY-----[\s\S]*?-----END \1PRIVATE KEY-----/g,
    replace: `-----BEGIN $1PRIVATE KEY-----${REDACTED}-----END $1PRIVATE KEY-----`,
  },
];

/** Object keys whose string values are secret wherever they appear: the fields above, and the usual names. */
const SECRET_OBJECT_KEYS = new Set(
  [
    ...SECRET_FIELDS.filter((f) => !("connectionString" in f)).map((f) => f.path.split(".").pop()!),
    "password",
    "passwd",
    "pwd",
    "accountKey",
    "sharedAccessKey",
    "sharedAccessSignature",
    "clientSecret",
    "secret",
    "privateKey",
    "pfx",
    "apiKey",
  ].map((k) => k.toLowerCase()),
);

export const isSecretKey = (key: string) => SECRET_OBJECT_KEYS.has(key.toLowerCase());

const JSON_SECRET = new RegExp(
  `("(?:${[...SECRET_OBJECT_KEYS].join("|")})"\\s*:\\s*)"(?:[^"\\\\]|\\\\.)*"`,
  "gi",
);

/** Masks every secret a string may hold: connection-string keys, URL passwords, PEM keys, JSON fields. */
export function redactText(text: string): string {
  let out = text;
  for (const { pattern, replace } of SECRET_PATTERNS) out = out.replace(pattern, replace);
  return out.replace(JSON_SECRET, `$1"${REDACTED}"`);
}

/**
 * A copy of any JSON-like value with every secret masked: string values of secret keys whole,
 * other strings by pattern. Non-string values of secret keys (`passwordChanged: true`) stay.
 */
export function redactSecrets<T>(value: T): T {
  return walk(value, false) as T;
}

function walk(value: unknown, secretKey: boolean): unknown {
  if (typeof value === "string") return secretKey ? REDACTED : redactText(value);
  if (Array.isArray(value)) return value.map((v) => walk(v, secretKey));
  if (value instanceof Date || value === null || typeof value !== "object") return value;
  return Object.fromEntries(
    Object.entries(value).map(([k, v]) => [k, walk(v, secretKey || isSecretKey(k))]),
  );
}

/** A configuration as people may see it: same shape, every secret field masked. */
export function maskConfiguration<T>(configuration: T): T {
  return redactSecrets(configuration);
}

/** The values at a path such as `certificates[].pfxBase64`. */
function valuesAt(root: unknown, path: string): unknown[] {
  let current: unknown[] = [root];
  for (const part of path.split(".")) {
    const list = part.endsWith("[]");
    const key = list ? part.slice(0, -2) : part;
    current = current.flatMap((node) => {
      const next = (node as Record<string, unknown> | null)?.[key];
      return list && Array.isArray(next) ? next : [next];
    });
  }
  return current;
}

/**
 * The secret values a configuration holds, named: what must never appear in a response, log or
 * audit row. For connection strings, the values of their secret keys.
 */
export function secretValues(configuration: unknown): { what: string; value: string }[] {
  const found: { what: string; value: string }[] = [];
  const keyValue = new RegExp(`\\b(?:${SECRET_KEYS_IN_TEXT})\\s*=\\s*([^;]+)`, "gi");
  for (const field of SECRET_FIELDS)
    for (const value of valuesAt(configuration, field.path)) {
      if (typeof value !== "string" || value === "") continue;
      if (!("connectionString" in field)) found.push({ what: field.what, value });
      else for (const m of value.matchAll(keyValue)) found.push({ what: field.what, value: m[1]! });
    }
  return found;
}
