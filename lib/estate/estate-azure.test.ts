import { describe, expect, it } from "vitest";
import { EstateConfigError, parseEstate } from "./load";

const defaults = { intervalMs: 60_000, timeoutMs: 10_000 };
const rg = "/subscriptions/0000/resourceGroups/integration/providers";
const SQL = `${rg}/Microsoft.Sql/servers/tracking/databases/contoso-edi`;

function estate(overrides: { azure?: unknown; tracking?: unknown; roles?: unknown } = {}) {
  return {
    regions: [{ id: "westeurope", name: "West Europe" }],
    ...(overrides.azure !== undefined ? { azure: overrides.azure } : {}),
    services: [
      {
        name: "contoso-edi",
        edition: "standard",
        region: "westeurope",
        roles: overrides.roles ?? {
          instances: [
            {
              name: "IN_0",
              source: {
                type: "azure-resource-health",
                resourceId: `${rg}/Microsoft.Compute/virtualMachines/vm0`,
              },
            },
            {
              name: "IN_1",
              source: {
                type: "azure-resource-health",
                resourceId: `${rg}/Microsoft.Compute/virtualMachines/vm1`,
              },
            },
          ],
        },
        trackingDatabase: {
          name: "tracking",
          source: overrides.tracking ?? { type: "azure-metrics", resourceId: SQL },
        },
        storage: {
          name: "contosoedistore",
          replication: "RA-GRS",
          source: {
            type: "azure-metrics",
            resourceId: `${rg}/Microsoft.Storage/storageAccounts/contosoedistore`,
          },
        },
        accessControl: {
          name: "acs",
          source: {
            type: "azure-resource-health",
            resourceId: `${rg}/Microsoft.ServiceBus/namespaces/contoso`,
          },
        },
      },
    ],
  };
}

function problems(input: unknown): string[] {
  try {
    parseEstate(input, "estate.yaml", defaults);
  } catch (error) {
    expect(error).toBeInstanceOf(EstateConfigError);
    return (error as EstateConfigError).problems;
  }
  throw new Error("expected the estate to be refused");
}

describe("an estate read from Azure", () => {
  it("gives every Azure source the estate's connection, so the poller needs nothing else", () => {
    const loaded = parseEstate(
      estate({
        azure: {
          cloud: "usgov",
          credential: {
            type: "client-secret",
            tenantId: "t1",
            clientId: "c1",
            clientSecretEnv: "AZURE_SECRET",
          },
          activityLog: { workspaceId: "ws-1" },
        },
      }),
      "estate.yaml",
      defaults,
    );
    expect(loaded.azure).toMatchObject({ cloud: "usgov", activityLog: { workspaceId: "ws-1" } });
    const tracking = loaded.components.find((c) => c.id === "contoso-edi.tracking-db")!;
    expect(tracking.source).toMatchObject({
      type: "azure-metrics",
      resourceId: SQL,
      connection: {
        cloud: "usgov",
        credential: { type: "client-secret", clientSecretEnv: "AZURE_SECRET" },
      },
    });
    const roles = loaded.components.find((c) => c.id === "contoso-edi.roles")!;
    expect(
      roles.source.type === "each-instance" && roles.source.instances.map((i) => i.source),
    ).toEqual([
      expect.objectContaining({
        type: "azure-resource-health",
        connection: expect.objectContaining({ cloud: "usgov" }),
      }),
      expect.objectContaining({
        type: "azure-resource-health",
        connection: expect.objectContaining({ cloud: "usgov" }),
      }),
    ]);
  });

  it("without an azure block, sources use the defaults: the public cloud and DefaultAzureCredential", () => {
    const loaded = parseEstate(estate(), "estate.yaml", defaults);
    expect(loaded.azure).toBeNull();
    expect(
      loaded.components.find((c) => c.id === "contoso-edi.storage")!.source,
    ).not.toHaveProperty("connection");
  });

  it("changing the azure block changes the estate's hash", () => {
    const a = parseEstate(estate({ azure: { cloud: "public" } }), "estate.yaml", defaults);
    const b = parseEstate(estate({ azure: { cloud: "china" } }), "estate.yaml", defaults);
    expect(a.hash).not.toBe(b.hash);
  });

  it("names the path and the fix for each mistake", () => {
    expect(
      problems(
        estate({
          azure: {
            cloud: "custom",
            armEndpoint: "http://management.local",
            credential: {
              type: "client-secret",
              tenantId: "t1",
              clientId: "c1",
              clientSecretEnv: "secret",
            },
          },
          tracking: { type: "azure-metrics", resourceId: "contoso-edi-db" },
          roles: {
            instances: 2,
            source: {
              type: "azure-metrics",
              resourceId: `${rg}/Microsoft.Compute/cloudServices/roles`,
            },
          },
        }),
      ),
    ).toEqual([
      'azure.armEndpoint: expected an https:// URL (Azure sends tokens over https only) (got "http://management.local")',
      'azure.credential.clientSecretEnv: expected the name of an environment variable, such as AZURE_CLIENT_SECRET (got "secret")',
      "azure.metricsEndpoint: cloud: custom needs metricsEndpoint: give it, or choose cloud public, china or usgov",
      "azure.logsEndpoint: cloud: custom needs logsEndpoint: give it, or choose cloud public, china or usgov",
      "azure.authorityHost: cloud: custom needs authorityHost: give it, or choose cloud public, china or usgov",
      "services[0].roles.source.metrics: there are no default metrics for Microsoft.Compute/cloudServices: list the metrics to watch, each with a name and above or below thresholds",
      expect.stringMatching(
        /^services\[0\]\.trackingDatabase\.source\.resourceId: expected an Azure resource id such as \/subscriptions\/.* \(got "contoso-edi-db"\)$/,
      ),
    ]);
  });

  it("refuses a connection written into a source: it belongs in the azure block", () => {
    expect(
      problems(
        estate({
          tracking: { type: "azure-metrics", resourceId: SQL, connection: { cloud: "china" } },
        }),
      ),
    ).toEqual([
      "services[0].trackingDatabase.source.connection: set credentials and endpoints once, in the top-level azure block, not in a source",
    ]);
  });

  it("refuses thresholds in the wrong order, naming the metric's place in the file", () => {
    const found = problems(
      estate({
        tracking: {
          type: "azure-metrics",
          resourceId: SQL,
          metrics: [{ name: "cpu_percent", above: { degraded: 95, partial: 80 } }],
        },
      }),
    );
    expect(found).toEqual([
      "services[0].trackingDatabase.source.metrics[0].above.partial: partial must be at or above degraded (95): a worse status needs a worse value (got 80)",
    ]);
  });
});

describe("the README's Azure example", () => {
  it("is a valid estate file", async () => {
    const fs = await import("node:fs");
    const YAML = (await import("yaml")).default;
    const readme = fs.readFileSync(new URL("../../README.md", import.meta.url), "utf8");
    const section = readme.slice(readme.indexOf("### Watching Azure"));
    const yaml = /```yaml\n([\s\S]*?)```/.exec(section)![1]!;
    const loaded = parseEstate(YAML.parse(yaml), "README", defaults);
    expect(loaded.azure?.credential).toMatchObject({
      type: "client-secret",
      clientSecretEnv: "STANDFAST_AZURE_SECRET",
    });
    expect(loaded.components.map((c) => c.source.type)).toEqual([
      "each-instance",
      "azure-metrics",
      "azure-metrics",
      "azure-resource-health",
    ]);
  });
});
