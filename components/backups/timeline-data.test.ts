import { describe, expect, it } from "vitest";
import type { BackupRow, OperationRow } from "@/lib/backups/backup-types";
import { timelineDays } from "./timeline-data";

const backup = (at: string, status: BackupRow["status"]): BackupRow => ({
  id: `${at}-${status}`,
  name: `svc-${at}`,
  serviceId: "svc",
  storeId: "local",
  storeLabel: "Local",
  region: "northeurope",
  regionName: "North Europe",
  trigger: "scheduled",
  status,
  checksum: "verified",
  requestedAt: at,
  startedAt: status === "queued" ? null : at,
  finishedAt: null,
  durationMs: null,
  sizeBytes: null,
  progress: null,
  error: null,
  requestedBy: "schedule",
});

const operation = (at: string, followed: boolean): OperationRow => ({
  id: Date.parse(at),
  serviceId: "svc",
  kind: "update-ssl-certificate",
  summary: "SSL certificate replaced",
  actor: "diego",
  at,
  source: "standfast",
  followedBy: followed ? { backupId: "b", name: "svc-x", at } : null,
});

describe("timelineDays", () => {
  const now = new Date("2026-03-10T15:00:00Z");

  it("makes one bucket per UTC day, oldest first, ending today", () => {
    const { days } = timelineDays({ backups: [], operations: [] }, 30, now);
    expect(days).toHaveLength(30);
    expect(days[0]!.day).toBe("2026-02-09");
    expect(days.at(-1)!.day).toBe("2026-03-10");
  });

  it("counts backups by status on the day they started, and queued ones on the day requested", () => {
    const { days, summary } = timelineDays(
      {
        backups: [
          backup("2026-03-10T01:00:00Z", "succeeded"),
          backup("2026-03-10T23:59:59Z", "failed"),
          backup("2026-03-09T02:00:00Z", "pruned"),
          backup("2026-03-10T14:00:00Z", "running"),
          backup("2026-03-10T14:30:00Z", "queued"),
        ],
        operations: [],
      },
      7,
      now,
    );
    expect(days.at(-1)).toMatchObject({ succeeded: 1, failed: 1, inProgress: 2, pruned: 0 });
    expect(days.at(-2)).toMatchObject({ pruned: 1, succeeded: 0 });
    expect(summary).toMatchObject({
      backups: 5,
      succeeded: 1,
      failed: 1,
      pruned: 1,
      inProgress: 2,
    });
  });

  it("counts operations and how many a good backup followed; leaves out what is outside the window", () => {
    const { days, summary } = timelineDays(
      {
        backups: [backup("2026-01-01T00:00:00Z", "succeeded")],
        operations: [
          operation("2026-03-08T10:00:00Z", true),
          operation("2026-03-08T11:00:00Z", false),
          operation("2025-12-01T00:00:00Z", false),
        ],
      },
      7,
      now,
    );
    expect(days.find((d) => d.day === "2026-03-08")!.operations).toBe(2);
    expect(summary).toMatchObject({ backups: 0, operations: 2, operationsFollowed: 1 });
  });
});
