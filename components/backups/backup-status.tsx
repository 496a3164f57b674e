import {
  BACKUP_STATUS_LABEL,
  CHECKSUM_LABEL,
  type BackupStatus,
  type ChecksumState,
} from "@/lib/backups/backup-types";

type Shape = { colour: string; body: React.ReactNode };

const stroke = {
  fill: "none",
  stroke: "currentColor",
  strokeWidth: 1.7,
  strokeLinecap: "round",
  strokeLinejoin: "round",
} as const;
const white = { ...stroke, stroke: "#fff", strokeWidth: 1.8 };

// Each state has its own shape, so none rests on colour; the word always goes beside it.
const STATUS_SHAPE: Record<BackupStatus, Shape> = {
  queued: {
    colour: "text-zinc-500 dark:text-zinc-400",
    body: (
      <>
        <circle cx="8" cy="8" r="6.5" {...stroke} />
        <path d="M8 4.5V8l2.3 1.6" {...stroke} />
      </>
    ),
  },
  running: {
    colour: "text-blue-600 dark:text-blue-400",
    body: (
      <>
        <path d="M13.5 8A5.5 5.5 0 113 5.2" {...stroke} />
        <path d="M2.6 1.8v3.6h3.6" {...stroke} />
      </>
    ),
  },
  succeeded: {
    colour: "text-green-700 dark:text-green-400",
    body: (
      <>
        <circle cx="8" cy="8" r="7" fill="currentColor" />
        <path d="M4.5 8.2l2.3 2.3 4.7-4.9" {...white} />
      </>
    ),
  },
  failed: {
    colour: "text-red-600 dark:text-red-400",
    body: (
      <>
        <path d="M5 1h6l4 4v6l-4 4H5l-4-4V5z" fill="currentColor" />
        <path d="M5.5 5.5l5 5m0-5l-5 5" {...white} />
      </>
    ),
  },
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

function Icon({ shape, className }: { shape: Shape; className: string }) {
  return (
    <svg
      viewBox="0 0 16 16"
      className={`shrink-0 ${shape.colour} ${className}`}
      aria-hidden="true"
      focusable="false"
    >
      {shape.body}
    </svg>
  );
}

export function BackupStatusLabel({
  status,
  className = "",
  iconClass = "size-4",
}: {
  status: BackupStatus;
  className?: string;
  iconClass?: string;
}) {
  return (
    <span className={`inline-flex items-center gap-1.5 ${className}`} data-backup-status={status}>
      <Icon shape={STATUS_SHAPE[status]} className={iconClass} />
      <span>{BACKUP_STATUS_LABEL[status]}</span>
    </span>
  );
}

export function ChecksumLabel({
  state,
  className = "",
}: {
  state: ChecksumState;
  className?: string;
}) {
  return (
    <span className={`inline-flex items-center gap-1.5 ${className}`} data-checksum={state}>
      <Icon shape={CHECKSUM_SHAPE[state]} className="size-4" />
      <span>{CHECKSUM_LABEL[state]}</span>
    </span>
  );
}
