import "server-only";
import { getControlPlane } from "./registry";
import type { ControlPlane } from "./types";

export { ServiceConfiguration, summarise } from "./configuration";
export { OperationInput, MAX_UNITS, applyOperation } from "./operations";
export { OPERATION_ALLOWED_STATES } from "./store";
export { createControlPlane, getControlPlane, installControlPlane } from "./registry";
export {
  TRANSITIONS,
  canTransition,
  lifecycleOf,
  restoreTargetRefusal,
  sourcesOf,
  transitionRefusal,
  type Destination,
  type Lifecycle,
} from "./transitions";
export type * from "./types";

// The verbs other modules call, each through the control plane chosen in ./registry.ts.
export const ensureConfigurations: ControlPlane["ensureConfigurations"] = (...args) =>
  getControlPlane().ensureConfigurations(...args);
export const readConfiguration: ControlPlane["readConfiguration"] = (...args) =>
  getControlPlane().readConfiguration(...args);
export const runOperation: ControlPlane["runOperation"] = (...args) =>
  getControlPlane().runOperation(...args);
export const listOperations: ControlPlane["listOperations"] = (...args) =>
  getControlPlane().listOperations(...args);
export const importOperations: ControlPlane["importOperations"] = (...args) =>
  getControlPlane().importOperations(...args);
export { syncEstate, bumpEstateVersion } from "./estate-sync";
