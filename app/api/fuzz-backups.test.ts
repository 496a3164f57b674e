import { vi } from "vitest";
import { fuzzRouteGroup } from "../../testing/fuzz/api-harness";

// Outside Next's request scope `connection()` throws; here every call is a real request already.
vi.mock("next/server", async (original) => ({
  ...(await original<typeof import("next/server")>()),
  connection: async () => {},
}));

fuzzRouteGroup("backups and compliance");
