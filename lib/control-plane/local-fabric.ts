/**
 * The local fabric: the embedded control plane (the default). It keeps each service, its state and
 * its configuration in the store and performs every verb for real on them, so the demo runs the
 * real code path.
 */
import { dateEstateServices, declareEstate } from "./estate-services";
import {
  applyConfiguration,
  createService,
  readServiceForUpdate,
  retire,
  setState,
} from "./services";
import {
  applySandboxConfiguration,
  createSandbox,
  readSandbox,
  removeOrphanSandboxes,
  removeSandbox,
} from "./sandboxes";
import {
  ensureConfigurations,
  importOperations,
  listOperations,
  readConfiguration,
  runOperation,
} from "./store";
import type { ControlPlane } from "./types";

export const localFabric: ControlPlane = {
  kind: "local-fabric",
  label: "Local fabric",
  lockService: readServiceForUpdate,
  createService,
  applyConfiguration,
  setState,
  retire,
  declareEstate,
  dateEstateServices,
  createSandbox,
  applySandboxConfiguration,
  readSandbox,
  removeSandbox,
  removeOrphanSandboxes,
  ensureConfigurations,
  readConfiguration,
  runOperation,
  listOperations,
  importOperations,
};
