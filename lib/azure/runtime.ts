import "server-only";
import { AzureConnection } from "../estate/azure-connection-types";
import { AzureClients, type AzureClientOverrides } from "./clients";

export type AzureRuntimeOptions = AzureClientOverrides & {
  /** How long a batch waits for more reads of its group (default 100 ms). */
  windowMs?: number;
};

/** Clients and batchers per connection. One per process (see `azureRuntime`); tests make their own. */
export class AzureRuntime {
  private readonly clients = new Map<string, AzureClients>();

  constructor(readonly options: AzureRuntimeOptions = {}) {}

  clientsFor(connection: AzureConnection | undefined): AzureClients {
    const parsed = connection ?? AzureConnection.parse({});
    const key = JSON.stringify(parsed);
    let clients = this.clients.get(key);
    if (!clients) {
      clients = new AzureClients(parsed, this.options);
      this.clients.set(key, clients);
    }
    return clients;
  }
}

const KEY = Symbol.for("standfast.azure.runtime");

/** The process-wide runtime, so every read of a group shares one batcher. */
export function azureRuntime(): AzureRuntime {
  const g = globalThis as { [KEY]?: AzureRuntime };
  return (g[KEY] ??= new AzureRuntime());
}
