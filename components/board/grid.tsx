import Link from "next/link";
import { KIND_LABEL } from "@/lib/estate/types";
import type { BoardService, BoardView } from "@/lib/health/board-types";
import { StatusIcon, StatusLabel } from "../status/status-icon";
import { Cell } from "./cell";
import { StateBadge } from "./state-badge";

export function serviceHasProblem(view: BoardView, s: BoardService): boolean {
  return (
    s.status !== "operational" ||
    s.components.some((l) => view.components[l.id]?.status !== "operational")
  );
}

/** Components x regions, rows grouped by service. At phone width, CSS turns it into a list per service. */
export function Grid({ view, problemsOnly }: { view: BoardView; problemsOnly: boolean }) {
  const regions = view.regions;
  const regionName = new Map(regions.map((r) => [r.id, r.name]));
  const services = problemsOnly
    ? view.services.filter((s) => serviceHasProblem(view, s))
    : view.services;
  if (services.length === 0) {
    return (
      <p className="rounded-md border border-zinc-200 p-6 text-center text-zinc-600 dark:border-zinc-800 dark:text-zinc-300">
        {problemsOnly
          ? "No problems: every component is operational."
          : "The estate has no services yet."}
      </p>
    );
  }
  return (
    <div className="overflow-x-auto rounded-md border border-zinc-200 dark:border-zinc-800">
      <table className="grid-table" id="board-grid">
        <caption className="sr-only">Status of each component of each service, by region</caption>
        <thead>
          <tr>
            <th scope="col">Service and component</th>
            {regions.map((r) => (
              <th scope="col" key={r.id}>
                <span className="inline-flex items-center gap-1.5">
                  <StatusIcon status={r.status} className="size-3.5" />
                  {r.name}
                </span>
              </th>
            ))}
          </tr>
        </thead>
        {services.map((s) => (
          <tbody key={s.id} data-service={s.id}>
            <tr className="grid-svc">
              <th scope="rowgroup" colSpan={regions.length + 1}>
                <div className="flex flex-wrap items-center gap-x-3 gap-y-1">
                  <Link
                    href={`/services/${encodeURIComponent(s.id)}`}
                    prefetch={false}
                    className="font-semibold text-blue-700 hover:underline dark:text-blue-400"
                  >
                    {s.id}
                  </Link>
                  <span className="text-xs font-normal text-zinc-600 dark:text-zinc-400">
                    {s.edition}, {s.units} unit{s.units > 1 ? "s" : ""},{" "}
                    {regionName.get(s.region) ?? s.region}
                  </span>
                  <StateBadge state={s.state} />
                  <StatusLabel status={s.status} className="text-xs font-medium" />
                  {s.reason && (
                    <span className="text-xs font-normal text-zinc-600 dark:text-zinc-400">
                      {s.reason}
                    </span>
                  )}
                </div>
              </th>
            </tr>
            {s.components.map((link) => {
              const c = view.components[link.id];
              if (!c || (problemsOnly && c.status === "operational")) return null;
              return (
                <tr key={c.id} className="grid-row">
                  <th scope="row" className="font-normal">
                    <span className="font-medium">{KIND_LABEL[c.kind]}</span>{" "}
                    <span className="text-xs text-zinc-500 dark:text-zinc-400">{c.name}</span>
                  </th>
                  {regions.map((r) => (
                    <td key={r.id}>
                      {r.id === c.region ? (
                        <Cell c={c} regionName={r.name} at={view.generatedAt} />
                      ) : null}
                    </td>
                  ))}
                </tr>
              );
            })}
          </tbody>
        ))}
      </table>
    </div>
  );
}
