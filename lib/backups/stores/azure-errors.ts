import { StoreError } from "./types";

type RestLike = Error & { statusCode?: number; code?: string };

const NETWORK: Record<string, string> = {
  ECONNREFUSED: "connection refused: is the account URL right, and is the service running?",
  ENOTFOUND: "host not found: check the account name or URL",
  EAI_AGAIN: "name lookup failed: check DNS on this machine",
  ECONNRESET: "the connection was reset",
  ETIMEDOUT: "the connection timed out",
  EHOSTUNREACH: "no route to the host",
  ENETUNREACH: "the network is unreachable",
  CERT_HAS_EXPIRED: "the server's TLS certificate has expired",
  DEPTH_ZERO_SELF_SIGNED_CERT: "the server's TLS certificate is self-signed",
};

/** Container names: 3-63 lower-case letters, digits and single hyphens, starting and ending with a letter or digit. */
const CONTAINER = /^[a-z0-9](?!.*--)[a-z0-9-]{1,61}[a-z0-9]$/;

export function checkContainerName(container: string, region: string): string {
  if (!CONTAINER.test(container))
    throw new StoreError(
      "invalid",
      `region ${region} gives the container name "${container}", which Azure refuses: container ` +
        `names are 3 to 63 lower-case letters, digits and single hyphens, ending in a letter or digit`,
    );
  return container;
}

/**
 * An Azure SDK failure as a StoreError. `timedOut` says our own deadline fired; `cancelled` that
 * the caller's signal did (that stays an AbortError, not a store problem).
 */
export function azureFailure(
  error: unknown,
  where: { label: string; host: string; what: string },
  state: { timedOut: boolean; timeoutMs: number },
): Error {
  if (error instanceof StoreError) return error;
  const e = error as RestLike;
  const prefix = `${where.label}: ${where.what}`;
  if (state.timedOut)
    return new StoreError(
      "unreachable",
      `${prefix}: no answer from ${where.host} within ${state.timeoutMs} ms (network, firewall or service down)`,
    );
  if (e?.name === "AbortError") return e;
  const status = e?.statusCode;
  if (status === 401 || status === 403)
    return new StoreError(
      "unreachable",
      `${prefix}: access denied by ${where.host} (HTTP ${status}${e.code ? ` ${e.code}` : ""}): ` +
        `check the account key or SAS token and its permissions, or the identity's role (Storage Blob Data Contributor)`,
    );
  if (status === undefined) {
    const code = e?.code ?? "";
    const why = NETWORK[code] ?? e?.message ?? String(error);
    return new StoreError(
      "unreachable",
      `${prefix}: cannot reach ${where.host}: ${why}${code && !why.includes(code) ? ` (${code})` : ""}`,
    );
  }
  const detail = (e.message ?? "").split("\n")[0];
  return new StoreError(
    "unreachable",
    `${prefix}: ${where.host} answered HTTP ${status}${e.code ? ` ${e.code}` : ""}${detail ? `: ${detail}` : ""}`,
  );
}

export const statusOf = (error: unknown): number | undefined => (error as RestLike)?.statusCode;
export const codeOf = (error: unknown): string | undefined => (error as RestLike)?.code;
