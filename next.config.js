// @ts-check

/** @type {import("next").NextConfig} */
const nextConfig = {
  // PGlite ships WASM and data files that must be loaded by Node, not bundled.
  serverExternalPackages: ["@electric-sql/pglite", "pg"],
  // A separate build folder lets tests and benchmarks build beside a running copy.
  distDir: process.env.STANDFAST_NEXT_DIR || ".next",
  poweredByHeader: false,
  reactStrictMode: true,
  // forbidden() renders app/forbidden.tsx with a 403 for pages a signed-in user's role does not reach.
  experimental: { authInterrupts: true },
};

export default nextConfig;
