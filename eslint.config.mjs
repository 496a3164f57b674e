import nextCoreWebVitals from "eslint-config-next/core-web-vitals";
import nextTypescript from "eslint-config-next/typescript";

const domainInsides = [
  "health",
  "estate",
  "auth",
  "audit",
  "db",
  "settings",
  "statuspage",
  "incidents",
  "backups",
  "restores",
  "azure",
].flatMap((d) => [
  `@/lib/${d}/*`,
  `!@/lib/${d}/*-types`,
  `!@/lib/${d}/vocabulary`,
  `!@/lib/${d}/types`,
  `!@/lib/${d}/roles`,
  // Sessions need next/headers: the web layer's own entry to auth, kept out of the index that
  // the custom server imports.
  `!@/lib/${d}/session`,
]);
// Notifications are a module of their own inside incidents, with their own index.
const notifyInsides = [
  "!@/lib/incidents/notify",
  "@/lib/incidents/notify/*",
  "!@/lib/incidents/notify/*-types",
];

const config = [
  {
    ignores: [
      ".next/**",
      ".next-*/**",
      "bench-results/**",
      "screenshots/**",
      "dist/**",
      "node_modules/**",
      ".standfast*/**",
      "migrations/**",
      "test-results/**",
      "playwright-report/**",
      "next-env.d.ts",
    ],
  },
  ...nextCoreWebVitals,
  ...nextTypescript,
  {
    rules: {
      "@next/next/no-html-link-for-pages": "off",
      "@typescript-eslint/no-unused-vars": [
        "error",
        { argsIgnorePattern: "^_", varsIgnorePattern: "^_", destructuredArrayIgnorePattern: "^_" },
      ],
    },
  },
  {
    // Tests build deliberately malformed input.
    files: ["**/*.test.ts", "e2e/**"],
    rules: { "@typescript-eslint/no-explicit-any": "off" },
  },
  {
    // The suite's own `test` scans every response for secrets: specs take it from ./support.
    files: ["e2e/**/*.spec.ts"],
    rules: {
      "no-restricted-imports": [
        "error",
        {
          paths: [
            {
              name: "@playwright/test",
              importNames: ["test", "expect"],
              message:
                "Import test and expect from ./support: its test scans responses for secrets.",
            },
          ],
        },
      ],
    },
  },
  {
    // The web layer talks to the domain through each module's index, never to the store itself.
    files: ["app/**", "components/**"],
    rules: {
      "no-restricted-imports": [
        "error",
        {
          patterns: [
            {
              group: ["@/lib/db", "@/lib/db/*", "**/lib/db", "**/lib/db/*"],
              message:
                "app/ and components/ must not import the database layer; call a domain module's index instead.",
            },
            {
              group: [...domainInsides, ...notifyInsides],
              message:
                "Import the domain module's index (or its client-safe types file), not its insides.",
            },
          ],
        },
      ],
    },
  },
];

export default config;
