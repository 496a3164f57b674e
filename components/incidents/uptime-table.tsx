import Link from "next/link";
import type { ServiceUptime } from "@/lib/incidents/history-types";
import { percent } from "../detail/format";

/** Each service's uptime over 30 and 90 days; "no data" rather than a figure when nothing was read. */
export function UptimeTable({ rows }: { rows: ServiceUptime[] }) {
  return (
    <table className="w-full max-w-xl text-sm">
      <caption className="sr-only">Uptime per service, last 30 and 90 days</caption>
      <thead>
        <tr className="border-b border-zinc-200 text-left dark:border-zinc-800">
          <th scope="col" className="py-1.5 pr-3 font-semibold">
            Service
          </th>
          <th scope="col" className="py-1.5 pr-3 text-right font-semibold">
            30 days
          </th>
          <th scope="col" className="py-1.5 text-right font-semibold">
            90 days
          </th>
        </tr>
      </thead>
      <tbody>
        {rows.map((r) => (
          <tr
            key={r.serviceId}
            className="border-b border-zinc-100 dark:border-zinc-900"
            data-service={r.serviceId}
          >
            <th scope="row" className="py-1.5 pr-3 text-left font-medium">
              <Link
                href={`/services/${encodeURIComponent(r.serviceId)}`}
                prefetch={false}
                className="text-blue-700 hover:underline dark:text-blue-400"
              >
                {r.serviceId}
              </Link>
            </th>
            <td className="py-1.5 pr-3 text-right tabular-nums">{percent(r.uptime30)}</td>
            <td className="py-1.5 text-right tabular-nums">{percent(r.uptime90)}</td>
          </tr>
        ))}
      </tbody>
    </table>
  );
}
