import "server-only";
import { and, eq, inArray, isNull } from "drizzle-orm";
import { tables, type Db } from "../db";
import { validationError } from "../errors";
import { isStatus, type Status } from "../status/vocabulary";

export type ComponentInfo = {
  id: string;
  name: string;
  region: string;
  status: Status;
  serviceIds: string[];
};

const { components, componentStatus, serviceComponents } = tables;

/** Names, regions, current readings and services of components; unknown ids are left out. */
export async function readComponentInfo(
  db: Db,
  ids: string[],
): Promise<Map<string, ComponentInfo>> {
  if (ids.length === 0) return new Map();
  const [rows, links] = await Promise.all([
    db
      .select({
        id: components.id,
        name: components.name,
        region: components.region,
        status: componentStatus.status,
      })
      .from(components)
      .leftJoin(componentStatus, eq(componentStatus.componentId, components.id))
      .where(and(inArray(components.id, ids), isNull(components.retiredAt))),
    db
      .select({
        componentId: serviceComponents.componentId,
        serviceId: serviceComponents.serviceId,
      })
      .from(serviceComponents)
      .where(inArray(serviceComponents.componentId, ids)),
  ]);
  return new Map(
    rows.map((r) => [
      r.id,
      {
        id: r.id,
        name: r.name,
        region: r.region,
        status: isStatus(r.status) ? r.status : "unknown",
        serviceIds: links.filter((l) => l.componentId === r.id).map((l) => l.serviceId),
      },
    ]),
  );
}

/** The same, refusing any id that is not a component of the estate, naming them. */
export async function requireComponents(db: Db, ids: string[], field = "components") {
  const unique = [...new Set(ids)];
  const info = await readComponentInfo(db, unique);
  const unknown = unique.filter((id) => !info.has(id));
  if (unknown.length)
    throw validationError(
      `Unknown component${unknown.length > 1 ? "s" : ""}: ${unknown.join(", ")}. Use ids from the board, such as contoso-edi.roles.`,
      { [field]: [`not in the estate: ${unknown.join(", ")}`] },
    );
  return info;
}

export const servicesOf = (info: Map<string, ComponentInfo>) => [
  ...new Set([...info.values()].flatMap((c) => c.serviceIds)),
];
