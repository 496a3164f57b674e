import { handleAuthRequest } from "@/lib/auth";

// better-auth's routes: sign-in, the OIDC callback, sign-out, the session. They check the
// Origin of every cookie-carrying write themselves, and rate-limit sign-in through the store.
export const dynamic = "force-dynamic";

export const GET = (request: Request) => handleAuthRequest(request);
export const POST = (request: Request) => handleAuthRequest(request);
