import path from "node:path";
import { defineConfig } from "vitest/config";

export default defineConfig({
  resolve: {
    alias: {
      "@": path.resolve(import.meta.dirname),
      // server-only throws outside React's server bundles; in tests every module is server side.
      "server-only": path.resolve(import.meta.dirname, "scripts/empty-module.js"),
    },
  },
  test: {
    include: [
      "lib/**/*.test.ts",
      "testing/**/*.test.ts",
      "server/**/*.test.ts",
      "cli/**/*.test.ts",
      "components/**/*.test.ts",
      "scripts/**/*.test.ts",
      "app/**/*.test.ts",
    ],
    pool: "forks",
    testTimeout: 30_000,
    hookTimeout: 60_000,
  },
});
