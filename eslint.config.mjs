import { dirname } from "node:path";
import { fileURLToPath } from "node:url";
import nextCoreWebVitals from "eslint-config-next/core-web-vitals";
import nextTypescript from "eslint-config-next/typescript";

import standfast from "./eslint/boundaries.mjs";

const root = dirname(fileURLToPath(import.meta.url));

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
    // Each domain's insides are private and the layers point one way (eslint/boundaries.mjs).
    files: ["**/*.ts", "**/*.tsx", "**/*.mjs"],
    plugins: { standfast },
    rules: { "standfast/boundaries": ["error", { root }] },
  },
];

export default config;
