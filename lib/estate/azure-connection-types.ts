/** Client-safe: how Standfast reaches Azure (cloud, endpoints, credential), as the estate file declares it. */
import { z } from "zod";
import { DurationText } from "../time/duration-types";

export const AZURE_CLOUDS = ["public", "china", "usgov", "custom"] as const;
export type AzureCloud = (typeof AZURE_CLOUDS)[number];

export type AzureEndpoints = {
  /** Azure Resource Manager, for Resource Health. */
  armEndpoint: string;
  /** The regional metrics endpoint, with `{region}` where the region name goes. */
  metricsEndpoint: string;
  /** Log Analytics, for the activity log. */
  logsEndpoint: string;
  /** Microsoft Entra ID, where credentials get their tokens. */
  authorityHost: string;
  /** Token audiences: ARM and metrics share one, Log Analytics has its own. */
  armAudience: string;
  logsAudience: string;
};

/** The sovereign clouds' endpoints, so `cloud: china` is all a user has to say. */
export const CLOUD_ENDPOINTS: Record<Exclude<AzureCloud, "custom">, AzureEndpoints> = {
  public: {
    armEndpoint: "https://management.azure.com",
    metricsEndpoint: "https://{region}.metrics.monitor.azure.com",
    logsEndpoint: "https://api.loganalytics.io",
    authorityHost: "https://login.microsoftonline.com",
    armAudience: "https://management.azure.com",
    logsAudience: "https://api.loganalytics.io",
  },
  china: {
    armEndpoint: "https://management.chinacloudapi.cn",
    metricsEndpoint: "https://{region}.metrics.monitor.azure.cn",
    logsEndpoint: "https://api.loganalytics.azure.cn",
    authorityHost: "https://login.chinacloudapi.cn",
    armAudience: "https://management.chinacloudapi.cn",
    logsAudience: "https://api.loganalytics.azure.cn",
  },
  usgov: {
    armEndpoint: "https://management.usgovcloudapi.net",
    metricsEndpoint: "https://{region}.metrics.monitor.azure.us",
    logsEndpoint: "https://api.loganalytics.us",
    authorityHost: "https://login.microsoftonline.us",
    armAudience: "https://management.usgovcloudapi.net",
    logsAudience: "https://api.loganalytics.us",
  },
};

const httpsUrl = z
  .url({
    protocol: /^https$/,
    message: "expected an https:// URL (Azure sends tokens over https only)",
  })
  .transform((u) => u.replace(/\/+$/, ""));

const envName = z
  .string()
  .regex(
    /^[A-Z_][A-Z0-9_]*$/,
    "expected the name of an environment variable, such as AZURE_CLIENT_SECRET",
  );

const Guidish = z.string().regex(/^[A-Za-z0-9-]{1,64}$/, "expected an id such as a GUID");

export const AzureCredential = z.discriminatedUnion("type", [
  z.strictObject({
    type: z.literal("default"),
    tenantId: Guidish.optional(),
    managedIdentityClientId: Guidish.optional(),
  }),
  z.strictObject({
    type: z.literal("client-secret"),
    tenantId: Guidish,
    clientId: Guidish,
    clientSecretEnv: envName.describe("the environment variable holding the client secret"),
  }),
  z.strictObject({
    type: z.literal("managed-identity"),
    clientId: Guidish.optional().describe(
      "a user-assigned identity; leave out for system-assigned",
    ),
  }),
]);
export type AzureCredential = z.output<typeof AzureCredential>;

export const AzureConnection = z
  .strictObject({
    cloud: z.enum(AZURE_CLOUDS).default("public"),
    armEndpoint: httpsUrl.optional(),
    metricsEndpoint: httpsUrl
      .refine((u) => u.includes("{region}"), {
        message:
          "expected {region} where the region name goes, such as https://{region}.metrics.monitor.azure.com",
      })
      .optional(),
    logsEndpoint: httpsUrl.optional(),
    authorityHost: httpsUrl.optional(),
    credential: AzureCredential.default({ type: "default" }),
    retry: z
      .strictObject({
        maxRetries: z.number().int().min(0).max(10).default(3),
        delay: DurationText.optional().describe("first back-off; doubles each try (default 1s)"),
        maxDelay: DurationText.optional().describe("longest back-off (default 30s)"),
      })
      .default({ maxRetries: 3 }),
    activityLog: z
      .strictObject({
        workspaceId: Guidish.describe("the Log Analytics workspace with AzureActivity"),
      })
      .optional(),
  })
  .superRefine((c, ctx) => {
    if (c.cloud !== "custom") return;
    for (const key of [
      "armEndpoint",
      "metricsEndpoint",
      "logsEndpoint",
      "authorityHost",
    ] as const) {
      if (!c[key])
        ctx.addIssue({
          code: "custom",
          path: [key],
          message: `cloud: custom needs ${key}: give it, or choose cloud public, china or usgov`,
        });
    }
  });
export type AzureConnection = z.output<typeof AzureConnection>;
export type AzureConnectionInput = z.input<typeof AzureConnection>;

/** The endpoints in force: the cloud's own, with any the file overrides. */
export function resolveEndpoints(connection: AzureConnection): AzureEndpoints {
  const base =
    connection.cloud === "custom" ? CLOUD_ENDPOINTS.public : CLOUD_ENDPOINTS[connection.cloud];
  const arm = connection.armEndpoint ?? base.armEndpoint;
  const logs = connection.logsEndpoint ?? base.logsEndpoint;
  return {
    armEndpoint: arm,
    metricsEndpoint: connection.metricsEndpoint ?? base.metricsEndpoint,
    logsEndpoint: logs,
    authorityHost: connection.authorityHost ?? base.authorityHost,
    armAudience: connection.cloud === "custom" ? arm : base.armAudience,
    logsAudience: connection.cloud === "custom" ? logs : base.logsAudience,
  };
}

export const metricsEndpointFor = (endpoints: AzureEndpoints, region: string) =>
  endpoints.metricsEndpoint.replaceAll("{region}", region);
