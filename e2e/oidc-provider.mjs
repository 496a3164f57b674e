// A real OpenID Connect provider (the `oidc-provider` package) on loopback, for the tests of OIDC
// sign-in. Its development login form takes any password; the login names the account.
import http from "node:http";
import Provider from "oidc-provider";

export const OIDC_CLIENT = { id: "standfast-test", secret: "standfast-test-client-secret" };

/** The accounts it knows, by login. `roles` is the claim Standfast maps (as Entra ID's app roles). */
export const OIDC_ACCOUNTS = {
  "grace.admin": { email: "grace@idp.example", name: "Grace Admin", roles: ["Standfast.Admin"] },
  "otto.operator": {
    email: "otto@idp.example",
    name: "Otto Operator",
    roles: ["Standfast.Operator", "Unrelated.Role"],
  },
  "vera.viewer": { email: "vera@idp.example", name: "Vera Viewer", roles: ["Standfast.Viewer"] },
  "nora.norole": { email: "nora@idp.example", name: "Nora Norole", roles: ["Other.App"] },
};

/**
 * Starts the provider on 127.0.0.1 (port 0: any free one) for a client whose redirect URIs are
 * given. `accounts` may be changed while it runs: the claims are read at each sign-in.
 */
export async function startOidcProvider({ port = 0, redirectUris, accounts = OIDC_ACCOUNTS }) {
  const server = http.createServer();
  await new Promise((resolve, reject) => {
    server.once("error", reject);
    server.listen(port, "127.0.0.1", resolve);
  });
  const issuer = `http://127.0.0.1:${server.address().port}`;
  const provider = new Provider(issuer, {
    clients: [
      {
        client_id: OIDC_CLIENT.id,
        client_secret: OIDC_CLIENT.secret,
        redirect_uris: redirectUris,
        grant_types: ["authorization_code"],
        response_types: ["code"],
        token_endpoint_auth_method: "client_secret_post",
      },
    ],
    async findAccount(_ctx, id) {
      const account = accounts[id];
      if (!account) return undefined;
      return {
        accountId: id,
        async claims() {
          return { sub: id, email: account.email, email_verified: true, ...account };
        },
      };
    },
    claims: {
      openid: ["sub", "roles"],
      email: ["email", "email_verified"],
      profile: ["name"],
    },
    // Like Entra ID: the claims are in the ID token itself.
    conformIdTokenClaims: false,
    // A first-party client: no consent screen, as with an admin-consented Entra ID app.
    async loadExistingGrant(ctx) {
      const grantId =
        ctx.oidc.result?.consent?.grantId || ctx.oidc.session.grantIdFor(ctx.oidc.client.clientId);
      if (grantId) return ctx.oidc.provider.Grant.find(grantId);
      const grant = new ctx.oidc.provider.Grant({
        clientId: ctx.oidc.client.clientId,
        accountId: ctx.oidc.session.accountId,
      });
      grant.addOIDCScope("openid email profile");
      grant.addOIDCClaims(["roles"]);
      await grant.save();
      return grant;
    },
    cookies: { keys: ["standfast-test-cookie-key"] },
    features: { devInteractions: { enabled: true } },
  });
  provider.on("server_error", (_ctx, error) => console.error(`[oidc-provider] ${error.stack}`));
  server.on("request", provider.callback());
  return {
    issuer,
    close: () =>
      new Promise((resolve) => {
        server.closeAllConnections();
        server.close(() => resolve());
      }),
  };
}
