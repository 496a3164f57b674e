import Link from "next/link";
import { hasRole, type Actor } from "@/lib/roles";

/**
 * The way into a restore from a backup's or a service's page: only for operators, so a viewer
 * finds no restore control (the restore page and every restore verb refuse them as well).
 */
export function RestoreLink({
  actor,
  backupId,
  serviceId,
  label = "Restore",
}: {
  actor: Actor;
  backupId?: string;
  serviceId?: string;
  label?: string;
}) {
  if (!hasRole(actor, "operator")) return null;
  const query = backupId
    ? `backup=${encodeURIComponent(backupId)}`
    : `service=${encodeURIComponent(serviceId ?? "")}`;
  return (
    <Link
      href={`/restores/new?${query}`}
      prefetch={false}
      data-testid="restore-link"
      className="inline-flex items-center gap-1.5 rounded-md border border-zinc-300 px-2.5 py-1 text-sm font-medium hover:bg-zinc-100 focus-visible:outline-2 focus-visible:outline-offset-2 focus-visible:outline-blue-600 print:hidden dark:border-zinc-700 dark:hover:bg-zinc-800"
    >
      <svg viewBox="0 0 16 16" className="size-4" aria-hidden="true">
        <path
          d="M2.5 8a5.5 5.5 0 105.5-5.5c-1.9 0-3.3.9-4.3 2.2M3.5 1.8v3h3"
          fill="none"
          stroke="currentColor"
          strokeWidth="1.6"
          strokeLinecap="round"
          strokeLinejoin="round"
        />
      </svg>
      {label}
    </Link>
  );
}
