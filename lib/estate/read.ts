import { asc, eq, isNull } from "drizzle-orm";
import { tables, type Db } from "../db";
import type { ReadSpec } from "./source-spec-types";
import type {
  ComponentAttributes,
  ComponentKind,
  Edition,
  Estate,
  EstateService,
  ServiceState,
} from "./types";

const { regions, services, components, serviceComponents, estateMeta } = tables;

export async function readEstateVersion(db: Db): Promise<number> {
  const [meta] = await db
    .select({ version: estateMeta.version })
    .from(estateMeta)
    .where(eq(estateMeta.id, 1));
  return meta?.version ?? 0;
}

/** The live estate as stored: retired regions, services and components left out. */
export async function readEstate(db: Db): Promise<Estate> {
  const [meta] = await db.select().from(estateMeta).where(eq(estateMeta.id, 1));
  const [regionRows, serviceRows, componentRows, linkRows] = await Promise.all([
    db
      .select()
      .from(regions)
      .where(isNull(regions.retiredAt))
      .orderBy(asc(regions.position), asc(regions.id)),
    db
      .select()
      .from(services)
      .where(isNull(services.retiredAt))
      .orderBy(asc(services.position), asc(services.id)),
    db.select().from(components).where(isNull(components.retiredAt)),
    db
      .select()
      .from(serviceComponents)
      .orderBy(asc(serviceComponents.serviceId), asc(serviceComponents.position)),
  ]);
  const linksByService = new Map<string, EstateService["components"]>();
  for (const l of linkRows) {
    const list = linksByService.get(l.serviceId) ?? [];
    list.push({ id: l.componentId, role: l.role as "roles" | "dependency" });
    linksByService.set(l.serviceId, list);
  }
  return {
    demo: meta?.demo ?? false,
    source: meta?.source ?? "",
    version: meta?.version ?? 0,
    regions: regionRows.map((r) => ({ id: r.id, name: r.name })),
    services: serviceRows.map((s) => ({
      id: s.id,
      edition: s.edition as Edition,
      units: s.units,
      region: s.region,
      state: s.state as ServiceState,
      stateChangedAt: s.stateChangedAt.toISOString(),
      stateReason: s.stateReason,
      components: linksByService.get(s.id) ?? [],
    })),
    components: componentRows.map((c) => ({
      id: c.id,
      name: c.name,
      kind: c.kind as ComponentKind,
      region: c.region,
      source: c.source as ReadSpec,
      intervalMs: c.intervalMs,
      timeoutMs: c.timeoutMs,
      staleAfterMs: c.staleAfterMs,
      attributes: c.attributes as ComponentAttributes,
    })),
  };
}
