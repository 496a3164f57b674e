import {
  BACKUP_STATUS_LABEL,
  CHECKSUM_LABEL,
  type BackupStatus,
  type ChecksumState,
} from "@/lib/backups/backup-types";
import { JOB_SHAPES, ShapeLabel, stroke, white, type Shape } from "../status/job-icon";

// Each state has its own shape, so none rests on colour; the word always goes beside it.
const STATUS_SHAPE: Record<BackupStatus, Shape> = {
  queued: JOB_SHAPES.queued,
  running: JOB_SHAPES.running,
  succeeded: JOB_SHAPES.succeeded,
  failed: JOB_SHAPES.failed,
  pruned: {
    colour: "text-zinc-500 dark:text-zinc-400",
    body: (
      <>
        <path d="M2.5 4h11M6 4V2.5h4V4M4 4l.8 10h6.4L12 4" {...stroke} />
      </>
    ),
  },
};

const CHECKSUM_SHAPE: Record<ChecksumState, Shape> = {
  unverified: {
    colour: "text-zinc-500 dark:text-zinc-400",
    body: (
      <>
        <circle cx="8" cy="8" r="6.6" {...stroke} strokeDasharray="2.2 1.6" />
        <path d="M6.2 6.3a1.9 1.9 0 113 1.5c-.8.5-1.2.8-1.2 1.7" {...stroke} />
        <circle cx="8" cy="11.8" r=".9" fill="currentColor" />
      </>
    ),
  },
  verified: {
    colour: "text-green-700 dark:text-green-400",
    body: (
      <>
        <path d="M8 1l6 2.5v4.2c0 3.4-2.5 6-6 7.3-3.5-1.3-6-3.9-6-7.3V3.5z" fill="currentColor" />
        <path d="M5 8.2l2 2 4-4.2" {...white} />
      </>
    ),
  },
  corrupted: {
    colour: "text-red-600 dark:text-red-400",
    body: (
      <>
        <path d="M8 1.2l7 13.3H1z" fill="currentColor" />
        <path d="M8 6v3.6" {...white} />
        <circle cx="8" cy="12" r="1" fill="#fff" />
      </>
    ),
  },
  missing: {
    colour: "text-red-600 dark:text-red-400",
    body: (
      <>
        <circle cx="8" cy="8" r="6.5" {...stroke} />
        <path d="M3.4 12.6l9.2-9.2" {...stroke} />
      </>
    ),
  },
};

export function BackupStatusLabel({
  status,
  className,
  iconClass,
}: {
  status: BackupStatus;
  className?: string;
  iconClass?: string;
}) {
  return (
    <ShapeLabel
      shape={STATUS_SHAPE[status]}
      label={BACKUP_STATUS_LABEL[status]}
      className={className}
      iconClass={iconClass}
      data-backup-status={status}
    />
  );
}

export function ChecksumLabel({ state, className }: { state: ChecksumState; className?: string }) {
  return (
    <ShapeLabel
      shape={CHECKSUM_SHAPE[state]}
      label={CHECKSUM_LABEL[state]}
      className={className}
      data-checksum={state}
    />
  );
}
