// `npm run standfast -- <command>`: bundles the CLI (fast, with esbuild) and runs it.
import path from "node:path";
import { fileURLToPath } from "node:url";
import { bundle } from "./build-server.mjs";

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), "..");
await bundle("cli/standfast.ts", "dist/standfast.mjs");
await import(path.join(root, "dist/standfast.mjs"));
