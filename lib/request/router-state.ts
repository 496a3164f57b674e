import { parseAndValidateFlightRouterState } from "next/dist/server/app-render/parse-and-validate-flight-router-state.js";

/**
 * What is wrong with a request's `Next-Router-State-Tree` header, or null when it is absent or
 * valid. Next checks it with this same function while rendering and answers a bad one with a 500
 * (seen on any address with no page); the custom server refuses it first with a 400.
 */
export function routerStateProblem(header: string | string[] | undefined): string | null {
  try {
    parseAndValidateFlightRouterState(header);
    return null;
  } catch (error) {
    return `The Next-Router-State-Tree header is not a router state Next can read: ${(error as Error).message}`;
  }
}
