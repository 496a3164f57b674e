/**
 * The control plane: what the dashboard asks of the managed services. It is the only writer of
 * services, their components and their configuration; adapters implement it (the local fabric
 * today) and ./registry.ts chooses one. Writes take the caller's transaction, so a change lands
 * with the restore step, audit row or estate version that goes with it, or not at all.
 */
import type { Ctx } from "../auth";
import type { Db, tables } from "../db";
import type { EstateComponent, EstateService, ServiceState } from "../estate/types";
import type { ServiceConfiguration } from "./configuration";

export type ControlPlaneKind = "local-fabric";

export type ServiceRecord = typeof tables.services.$inferSelect;
export type RecordedOperation = typeof tables.managementOperations.$inferSelect;

/** One component of a service the control plane creates, with its role in the service. */
export type ServicePart = {
  id: string;
  name: string;
  kind: string;
  region: string;
  source: unknown;
  intervalMs: number;
  timeoutMs: number;
  staleAfterMs: number;
  attributes: Record<string, unknown>;
  role: string;
};

/** A service a restore creates: it starts `restoring`, owned by that restore. */
export type NewService = {
  serviceId: string;
  restoreId: string;
  edition: string;
  units: number;
  region: string;
  reason: string;
  components: ServicePart[];
};

export type StateChange = {
  to: ServiceState;
  reason: string;
  /** The restore that must still own the service (it created or replaced it). */
  restoreId?: string;
  /** On refusal: throw invalid_state (the default), or change nothing and return false. */
  ifRefused?: "throw" | "skip";
};

export type OperationOptions = {
  now?: Date;
  /** Follow-up work (queuing a backup) in the operation's own transaction. */
  onRecorded?: (tx: Db, operation: RecordedOperation) => Promise<void>;
};

export type OperationQuery = { serviceIds?: string[]; since?: Date; limit?: number };

export type ImportedOperation = {
  externalId: string;
  serviceId: string;
  kind: string;
  summary: string;
  actor: string;
  at: Date;
};

export type SandboxRecord = typeof tables.drillSandboxes.$inferSelect;

export type StoredConfiguration = {
  configuration: ServiceConfiguration;
  version: number;
  sizeBytes: number;
};

export interface ControlPlane {
  readonly kind: ControlPlaneKind;
  readonly label: string;

  /** The service of that name (or null), locked with its name until the transaction ends. */
  lockService(tx: Db, serviceId: string): Promise<ServiceRecord | null>;
  /** Creates a restore's target (absent, deleted or restore_failed → restoring); refuses otherwise. */
  createService(tx: Db, service: NewService): Promise<void>;
  /** Writes a whole configuration into a service its restore is making (owned, restoring). */
  applyConfiguration(
    tx: Db,
    serviceId: string,
    configuration: ServiceConfiguration,
    by: { restoreId: string; name: string },
  ): Promise<void>;
  /** Moves a service to another state when TRANSITIONS allows it; true when it changed. */
  setState(tx: Db, serviceId: string, change: StateChange): Promise<boolean>;
  /** Deletes a service (restore_failed → deleted) and retires the components only it used. */
  retire(tx: Db, serviceId: string): Promise<void>;
  /** The estate file's services and components as declared: upserted, or retired when dropped. */
  declareEstate(
    tx: Db,
    estate: { services: EstateService[]; components: EstateComponent[] },
    now: Date,
  ): Promise<void>;
  /** Dates the estate's live services back to `since` (the demo's history starts then). */
  dateEstateServices(db: Db, since: Date): Promise<void>;

  /** Creates a drill's sandbox: never a service, so never on the board nor reachable. */
  createSandbox(
    tx: Db,
    sandbox: { name: string; drillId: string; serviceId: string },
  ): Promise<void>;
  applySandboxConfiguration(tx: Db, name: string, configuration: unknown): Promise<void>;
  readSandbox(db: Db, name: string): Promise<SandboxRecord | null>;
  /** Removes a sandbox; true when there was one. */
  removeSandbox(db: Db, name: string): Promise<boolean>;
  /** Removes the sandboxes of drills not in `liveDrillIds` (a crashed drill's); their names. */
  removeOrphanSandboxes(db: Db, liveDrillIds: string[]): Promise<string[]>;

  /** Gives every live service without a configuration its initial one; how many it gave. */
  ensureConfigurations(db: Db, options: { demo: boolean }): Promise<number>;
  readConfiguration(db: Db, serviceId: string): Promise<StoredConfiguration | null>;
  /** Runs one management operation (admin), audited, in one transaction. */
  runOperation(
    ctx: Ctx,
    serviceId: string,
    raw: unknown,
    options?: OperationOptions,
  ): Promise<RecordedOperation>;
  /** Recorded operations, newest first, with secrets masked. */
  listOperations(db: Db, query?: OperationQuery): Promise<RecordedOperation[]>;
  /** Operations seen elsewhere (Azure's activity log), recorded once each; how many were new. */
  importOperations(db: Db, rows: ImportedOperation[]): Promise<number>;
}
