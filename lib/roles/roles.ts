/** Client-safe role vocabulary. */
export const ROLES = ["viewer", "operator", "admin"] as const;
export type Role = (typeof ROLES)[number];

const RANK: Record<Role, number> = { viewer: 1, operator: 2, admin: 3 };

export type Actor = {
  kind: "user" | "api-token" | "system" | "anonymous";
  id: string;
  name: string;
  role: Role | null;
};

export const ANONYMOUS: Actor = {
  kind: "anonymous",
  id: "anonymous",
  name: "anonymous",
  role: null,
};
export const SYSTEM: Actor = { kind: "system", id: "system", name: "Standfast", role: "admin" };

export function hasRole(actor: Actor, role: Role): boolean {
  return actor.role !== null && RANK[actor.role] >= RANK[role];
}
