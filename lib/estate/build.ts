import type { z } from "zod";
import type { AzureConnection } from "./azure-connection-types";
import type { SourceSpec } from "./source-spec-types";
import type { EstateFile } from "./config";
import type { StoreConfig } from "./store-config-types";
import {
  MAX_STALE_MS,
  staleLimit,
  type ComponentKind,
  type EstateComponent,
  type EstateService,
  type Region,
} from "./types";

export type EstateProblem = { path: (string | number)[]; message: string };

export type BuiltEstate = {
  /** The top-level `azure` block: credentials and endpoints, and the activity log's workspace. */
  azure: AzureConnection | null;
  regions: Region[];
  services: EstateService[];
  components: EstateComponent[];
  backupStores: StoreConfig[];
};

type Timing = { interval?: number; timeout?: number; staleAfter?: number };
type Defaults = { intervalMs: number; timeoutMs: number };

type Service = EstateFile["services"][number];
type InlineDependency =
  | Exclude<Service["storage"] | Service["accessControl"], { use: string }>
  | Service["trackingDatabase"];

/**
 * Turns a validated estate file into the estate: derives component ids, applies timing
 * defaults and checks what a schema cannot (references, uniqueness, edition rules).
 */
export function buildEstate(
  file: EstateFile,
  defaults: Defaults,
  now = new Date(),
): { estate: BuiltEstate; problems: EstateProblem[] } {
  const problems: EstateProblem[] = [];
  const problem = (path: (string | number)[], message: string) => problems.push({ path, message });
  const regionIds = new Set<string>();
  file.regions.forEach((r, i) => {
    if (regionIds.has(r.id)) problem(["regions", i, "id"], `region "${r.id}" is declared twice`);
    regionIds.add(r.id);
  });
  const storeIds = new Set<string>();
  file.backups?.stores.forEach((store, i) => {
    if (storeIds.has(store.id))
      problem(["backups", "stores", i, "id"], `backup store "${store.id}" is declared twice`);
    storeIds.add(store.id);
  });
  const checkRegion = (path: (string | number)[], region: string | undefined) => {
    if (region !== undefined && !regionIds.has(region)) {
      problem(
        path,
        `region "${region}" is not declared under regions (declared: ${[...regionIds].join(", ")})`,
      );
    }
  };
  const base = {
    interval: file.defaults.interval ?? defaults.intervalMs,
    timeout: file.defaults.timeout ?? defaults.timeoutMs,
  };
  const timing = (path: (string | number)[], t: Timing) => {
    const intervalMs = t.interval ?? base.interval;
    const timeoutMs = t.timeout ?? Math.min(base.timeout, intervalMs);
    if (timeoutMs > intervalMs)
      problem([...path, "timeout"], `the timeout must not exceed the interval (${intervalMs} ms)`);
    if (t.staleAfter !== undefined && t.staleAfter > MAX_STALE_MS)
      problem([...path, "staleAfter"], "expected at most 10m");
    if (t.staleAfter !== undefined && t.staleAfter < intervalMs) {
      problem([...path, "staleAfter"], "expected at least one interval");
    }
    return { intervalMs, timeoutMs, staleAfterMs: staleLimit(intervalMs, t.staleAfter) };
  };

  // Azure sources carry the estate's connection, so the poller reads them from the store alone.
  const connect = (path: (string | number)[], spec: SourceSpec): SourceSpec => {
    if (spec.type !== "azure-metrics" && spec.type !== "azure-resource-health") return spec;
    if (spec.connection) {
      problem(
        [...path, "connection"],
        "set credentials and endpoints once, in the top-level azure block, not in a source",
      );
      return spec;
    }
    return file.azure ? { ...spec, connection: file.azure } : spec;
  };

  const components = new Map<string, EstateComponent>();
  const addComponent = (path: (string | number)[], c: EstateComponent) => {
    if (components.has(c.id)) problem(path, `component id "${c.id}" is used twice`);
    components.set(c.id, c);
  };
  const dependency = (
    path: (string | number)[],
    kind: ComponentKind,
    id: string,
    d: InlineDependency,
    region: string,
  ): EstateComponent => {
    checkRegion([...path, "region"], d.region);
    const attributes: EstateComponent["attributes"] = {};
    if ("replication" in d) {
      attributes.replication = d.replication;
      if (d.secondaryRegion) {
        checkRegion([...path, "secondaryRegion"], d.secondaryRegion);
        attributes.secondaryRegion = d.secondaryRegion;
      }
    }
    if ("continuity" in d) attributes.continuity = d.continuity;
    return {
      id,
      name: d.name,
      kind,
      region: d.region ?? region,
      source: connect([...path, "source"], d.source),
      attributes,
      ...timing(path, d),
    };
  };

  const shared = new Map<string, ComponentKind>();
  file.shared.forEach((c, i) => {
    const path = ["shared", i];
    addComponent(path, dependency(path, c.kind, c.id, c, c.region ?? ""));
    if (!c.region) problem([...path, "region"], "a shared component needs its region");
    shared.set(c.id, c.kind);
  });

  const names = new Set<string>();
  const services: EstateService[] = file.services.map((s, i) => {
    const path = ["services", i];
    if (names.has(s.name.toLowerCase()))
      problem([...path, "name"], `service "${s.name}" is declared twice`);
    names.add(s.name.toLowerCase());
    checkRegion([...path, "region"], s.region);
    if (s.edition === "developer" && s.units !== 1)
      problem([...path, "units"], "the developer edition runs exactly 1 unit");

    const roles = s.roles;
    const rolesPath = [...path, "roles"];
    let source: EstateComponent["source"];
    let instances: number;
    if (Array.isArray(roles.instances)) {
      if (roles.source)
        problem(
          [...rolesPath, "source"],
          "give either one source or a list of instances with their own sources, not both",
        );
      source = {
        type: "each-instance",
        instances: (roles.instances as { name: string; source: SourceSpec }[]).map((inst, n) => ({
          name: inst.name,
          source: connect([...rolesPath, "instances", n, "source"], inst.source),
        })),
      };
      instances = roles.instances.length;
    } else {
      instances = roles.instances ?? (s.edition === "developer" ? 1 : 2 * s.units);
      if (!roles.source)
        problem(
          [...rolesPath, "source"],
          "give a source, or a list of instances each with a source",
        );
      source = roles.source
        ? connect([...rolesPath, "source"], roles.source)
        : {
            type: "simulated",
            latencyMs: 0,
            jitterMs: 0,
            status: "operational",
          };
    }
    if (s.edition === "developer" && instances !== 1)
      problem([...rolesPath, "instances"], "the developer edition runs exactly 1 role instance");
    checkRegion([...rolesPath, "region"], roles.region);
    const rolesId = `${s.name}.roles`;
    addComponent(rolesPath, {
      id: rolesId,
      name: roles.name ?? `${s.name} role instances`,
      kind: "role-instances",
      region: roles.region ?? s.region,
      source,
      attributes: { instances },
      ...timing(rolesPath, roles),
    });

    const links: EstateService["components"] = [{ id: rolesId, role: "roles" }];
    const dep = (
      field: "trackingDatabase" | "storage" | "accessControl",
      kind: ComponentKind,
      suffix: string,
    ) => {
      const value = s[field];
      const depPath = [...path, field];
      if ("use" in value) {
        if (shared.get(value.use) !== kind) {
          problem(
            [...depPath, "use"],
            `"${value.use}" is not a shared ${kind} component declared under shared`,
          );
        }
        links.push({ id: value.use, role: "dependency" });
        return;
      }
      const cid = value.id ?? `${s.name}.${suffix}`;
      addComponent(depPath, dependency(depPath, kind, cid, value, s.region));
      links.push({ id: cid, role: "dependency" });
    };
    dep("trackingDatabase", "tracking-database", "tracking-db");
    dep("storage", "storage", "storage");
    dep("accessControl", "access-control", "acs");
    return {
      id: s.name,
      edition: s.edition,
      units: s.units,
      region: s.region,
      state: s.state,
      stateChangedAt: now.toISOString(),
      stateReason: null,
      components: links,
    };
  });

  return {
    estate: {
      azure: file.azure ?? null,
      regions: file.regions,
      services,
      components: [...components.values()],
      backupStores: file.backups?.stores ?? [],
    },
    problems,
  };
}

export type EstateFileIssues = z.core.$ZodIssue[];
