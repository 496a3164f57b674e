/**
 * Hostile input for the fuzz suites (vitest's in-process routes, Playwright's raw HTTP): raw
 * bytes and text no field may hold, not only schema-shaped values. Plain TypeScript without
 * path aliases, so both suites can import it.
 */
import fc from "fast-check";

/** Strings that have broken servers: NULs, lone surrogates, bad escapes, prototype names. */
export const NASTY_STRINGS = [
  "",
  " ",
  "\u0000",
  "a\u0000b",
  "\ud800",
  "\udfff",
  "x\ud83d",
  "\ud83d\ude00",
  "%",
  "%ff",
  "%00",
  "%E0%A4%A",
  "../../etc/passwd",
  "..",
  "__proto__",
  "constructor",
  "prototype",
  "toString",
  "valueOf",
  "hasOwnProperty",
  "then",
  "null",
  "undefined",
  "NaN",
  "$K1",
  "$Q1",
  "$@1",
  "$$",
  "' OR 1=1 --",
  "<script>alert(1)</script>",
  "\r\n\r\nX-Injected: 1",
  "\u202e\u200b\ufeff",
  "contoso-edi",
  "contoso-edi.roles",
  "1d",
  "7d",
  "admin",
  "operator",
  "x".repeat(300),
  "é".repeat(5_000),
];

export const PROTOTYPE_KEYS = [
  "__proto__",
  "constructor",
  "prototype",
  "toString",
  "valueOf",
  "hasOwnProperty",
  "then",
  "$$typeof",
];

/** Any text: printable, full Unicode, raw UTF-16 units (lone surrogates), or a known nasty one. */
export const hostileText: fc.Arbitrary<string> = fc.oneof(
  { arbitrary: fc.constantFrom(...NASTY_STRINGS), weight: 3 },
  { arbitrary: fc.string({ maxLength: 40 }), weight: 2 },
  { arbitrary: fc.string({ unit: "binary", maxLength: 40 }), weight: 2 },
  { arbitrary: fc.string({ unit: "grapheme", maxLength: 20 }), weight: 1 },
  { arbitrary: fc.string({ maxLength: 10 }).map((s) => `${s}\u0000${s}`), weight: 1 },
);

export const hostileKey: fc.Arbitrary<string> = fc.oneof(
  { arbitrary: fc.constantFrom(...PROTOTYPE_KEYS), weight: 1 },
  { arbitrary: hostileText, weight: 2 },
);

/** JSON-like values of any shape, with hostile text and keys throughout. */
export const hostileValue: fc.Arbitrary<unknown> = fc.letrec<{ value: unknown }>((tie) => ({
  value: fc.oneof(
    { depthSize: "small", withCrossShrink: true },
    hostileText,
    fc.constantFrom(0, -1, 1.5, 1e308, -1e308, 2 ** 53 + 1, true, false, null),
    fc.integer(),
    fc.array(tie("value"), { maxLength: 4 }),
    fc.dictionary(hostileKey, tie("value"), { maxKeys: 4 }),
  ),
})).value;

/** An object body shaped like `fields` (a route's known fields), each value hostile or left out. */
export function shapedObject(
  fields: Record<string, fc.Arbitrary<unknown>>,
): fc.Arbitrary<Record<string, unknown>> {
  const entries = Object.entries(fields).map(([key, good]) => [
    key,
    fc.oneof({ arbitrary: good, weight: 2 }, { arbitrary: hostileValue, weight: 1 }),
  ]);
  return fc
    .record(Object.fromEntries(entries), { requiredKeys: [] })
    .chain((shaped) =>
      fc
        .option(fc.tuple(hostileKey, hostileValue), { freq: 4 })
        .map((extra) => (extra ? { ...shaped, [extra[0]]: extra[1] } : shaped)),
    );
}

const nested = (depth: number, open: string, close: string, inner = "1") =>
  `${open.repeat(depth)}${inner}${close.repeat(depth)}`;

/** Raw body text: any JSON, JSON that is not an object, broken JSON, deep nesting, huge. */
export function hostileBody(shaped?: fc.Arbitrary<unknown>): fc.Arbitrary<string> {
  return fc.oneof(
    { arbitrary: (shaped ?? hostileValue).map((v) => JSON.stringify(v) ?? "null"), weight: 6 },
    { arbitrary: hostileValue.map((v) => JSON.stringify(v) ?? "null"), weight: 3 },
    {
      arbitrary: fc.constantFrom(
        "null",
        "[]",
        "[null]",
        "0",
        "-0",
        "1e999",
        '"text"',
        "true",
        "{",
        '{"a":',
        "{'a':1}",
        "\u0000",
        '{"a":"\\u0000"}',
        '{"a":"\\ud800"}',
        '{"__proto__":{"polluted":true}}',
        '{"constructor":{"prototype":{"polluted":true}}}',
        nested(40, "[", "]"),
        nested(10_000, "[", "]"),
        nested(5_000, '{"a":', "}"),
        JSON.stringify({ a: "x".repeat(70_000) }),
        JSON.stringify(Array.from({ length: 20_000 }, (_, i) => i)),
      ),
      weight: 3,
    },
    { arbitrary: fc.string({ unit: "binary", maxLength: 200 }), weight: 1 },
  );
}

export const contentType: fc.Arbitrary<string | null> = fc.oneof(
  { arbitrary: fc.constant("application/json"), weight: 8 },
  {
    arbitrary: fc.constantFrom(
      "application/json; charset=utf-8",
      "text/plain",
      "application/x-www-form-urlencoded",
      "multipart/form-data; boundary=x",
      "application/xml",
      "",
      null,
    ),
    weight: 2,
  },
);

/** UTF-8 percent-encoding that cannot throw (a lone surrogate is written as U+FFFD's bytes). */
export const percentEncode = (text: string) =>
  Array.from(Buffer.from(text, "utf8"))
    .map((b) =>
      /[A-Za-z0-9\-_.~]/.test(String.fromCharCode(b))
        ? String.fromCharCode(b)
        : `%${b.toString(16).padStart(2, "0").toUpperCase()}`,
    )
    .join("");

/** One path segment as sent on the wire: encoded hostile text, raw bad escapes, or a real id. */
export function pathSegment(real: string[] = []): fc.Arbitrary<string> {
  return fc.oneof(
    { arbitrary: hostileText.map(percentEncode), weight: 4 },
    {
      arbitrary: fc.constantFrom(
        "%",
        "%f",
        "%ff",
        "%00",
        "a%00b",
        "%E0%A4%A",
        "%c0%80",
        "%ed%a0%80",
        "%2e%2e",
        "a%2Fb",
        "%25",
        "x".repeat(2_000),
      ),
      weight: 2,
    },
    ...(real.length ? [{ arbitrary: fc.constantFrom(...real), weight: 2 }] : []),
  );
}

/** A query string (with its `?`, or empty): known names with hostile values, hostile names, raw escapes. */
export function queryString(known: string[] = []): fc.Arbitrary<string> {
  const name = fc.oneof(
    ...(known.length ? [{ arbitrary: fc.constantFrom(...known), weight: 3 }] : []),
    { arbitrary: hostileText.map(percentEncode), weight: 1 },
    { arbitrary: fc.constantFrom("%", "%00", "%zz", "a%00"), weight: 1 },
  );
  const value = fc.oneof(
    { arbitrary: hostileText.map(percentEncode), weight: 3 },
    { arbitrary: fc.constantFrom("%", "%ff", "%00", "a%00b", "%E0%A4%A", ""), weight: 1 },
  );
  return fc
    .array(fc.tuple(name, value), { maxLength: 4 })
    .map((pairs) => (pairs.length ? `?${pairs.map(([k, v]) => `${k}=${v}`).join("&")}` : ""));
}
