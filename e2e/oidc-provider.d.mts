export const OIDC_CLIENT: { id: string; secret: string };
export type OidcAccount = { email: string; name: string; roles: string[] };
export const OIDC_ACCOUNTS: Record<string, OidcAccount>;
export function startOidcProvider(options: {
  port?: number;
  redirectUris: string[];
  accounts?: Record<string, OidcAccount>;
}): Promise<{ issuer: string; close(): Promise<void> }>;
