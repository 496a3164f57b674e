import Link from "next/link";
import type { ServiceRef } from "@/lib/health/history-types";
import { StatusLabel } from "../status/status-icon";

/** Services with their current status, each linked to its page. */
export function ServiceList({ services, empty }: { services: ServiceRef[]; empty: string }) {
  if (services.length === 0)
    return <p className="text-sm text-zinc-600 dark:text-zinc-400">{empty}</p>;
  return (
    <ul className="space-y-1.5 text-sm">
      {services.map((s) => (
        <li key={s.id} className="flex flex-wrap items-center gap-x-3">
          <Link
            href={`/services/${encodeURIComponent(s.id)}`}
            prefetch={false}
            className="font-medium text-blue-700 hover:underline dark:text-blue-400"
          >
            {s.id}
          </Link>
          <StatusLabel status={s.status} />
          {s.reason && <span className="text-zinc-600 dark:text-zinc-400">{s.reason}</span>}
        </li>
      ))}
    </ul>
  );
}
