// The e2e suite's identity provider: a real OIDC provider on loopback, started by Playwright's
// webServer beside the app. The app is configured with it in playwright.config.ts.
import { startOidcProvider } from "./oidc-provider.mjs";

const port = Number(process.env.STANDFAST_E2E_OIDC_PORT);
const redirectUri = process.env.STANDFAST_E2E_OIDC_REDIRECT;
if (!port || !redirectUri) {
  console.error("e2e: set STANDFAST_E2E_OIDC_PORT and STANDFAST_E2E_OIDC_REDIRECT");
  process.exit(1);
}
const provider = await startOidcProvider({ port, redirectUris: [redirectUri] });
console.log(`[oidc-provider] ${provider.issuer}`);
const stop = () => provider.close().finally(() => process.exit(0));
process.on("SIGTERM", stop);
process.on("SIGINT", stop);
