import "server-only";

export { ServiceConfiguration, summarise } from "./configuration";
export { OperationInput, MAX_UNITS, applyOperation } from "./operations";
export {
  ensureConfigurations,
  readConfiguration,
  runOperation,
  listOperations,
  importOperations,
  OPERATION_ALLOWED_STATES,
  type RecordedOperation,
} from "./store";
