import "server-only";

export { ANONYMOUS, SYSTEM, ROLES, hasRole, type Actor, type Role } from "../roles";
export { requireRole, type Ctx } from "./require";
export { actorFromToken, createApiToken, ensureAdminToken, ADMIN_TOKEN_FILE } from "./tokens";
export {
  actionActor,
  actionContext,
  pageContext,
  actorFromHeaders,
  currentActor,
  requirePageRole,
  safeNext,
  sessionActor,
  signInPath,
} from "./session";
export { getAuth, handleAuthRequest, installAuth, publicUrlOf } from "./instance";
export { createAuth, OIDC_PROVIDER_ID, type StandfastAuth } from "./better-auth";
export {
  createLocalUser,
  listUsers,
  setUserDisabled,
  setUserRole,
  NewUserInput,
  type UserRow,
} from "./users";
export { demoAccounts, ensureDemoUsers, removeDemoUsers, DEMO_ACCOUNTS } from "./demo-users";
export {
  oidcErrorMessage,
  oidcName,
  passwordSignIn,
  signInOptions,
  signOutHere,
  startOidcSignIn,
  type SignInOutcome,
} from "./browser-auth";
export { isBoardPublic, mayReadBoard, mayReadBoardWith, requireBoardAccess } from "./board-access";
export { setClientAddress, trustedProxyList } from "./client-address";
export { prepareSignIn } from "./startup";
