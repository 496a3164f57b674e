/**
 * Who may do what, below every domain: the three roles, actors, and the mapping of identity
 * provider claims to roles that settings validate. Pure and client-safe.
 */
export { ANONYMOUS, SYSTEM, ROLES, hasRole, type Actor, type Role } from "./roles";
export {
  DEFAULT_ROLE_MAP,
  claimValues,
  parseRoleMap,
  roleFromClaims,
  type RoleRule,
} from "./role-map";
