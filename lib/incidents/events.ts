import "server-only";
import type { Db } from "../db";

/** What notifications are sent about: each emitted in the transaction that makes it true. */
export type IncidentEvent =
  | {
      kind: "incident.opened" | "incident.updated" | "incident.resolved";
      incidentId: string;
      title: string;
      status: string;
      impact: "none" | "minor" | "major" | "critical";
      message: string | null;
      componentIds: string[];
      serviceIds: string[];
      at: string;
    }
  | {
      kind: "maintenance.started" | "maintenance.completed";
      maintenanceId: string;
      title: string;
      componentIds: string[];
      serviceIds: string[];
      at: string;
    };

/**
 * Hands an event to notifications. A stand-in with the outbox's signature: it writes nothing yet.
 * On merge it becomes `emitEvent` from ./notify/outbox, which writes the outbox row in `tx`.
 */
export async function emitEvent(tx: Db, event: IncidentEvent): Promise<void> {
  void tx;
  void event;
}
