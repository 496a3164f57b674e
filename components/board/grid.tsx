import { memo } from "react";
import { KIND_LABEL } from "@/lib/estate/types";
import {
  isServing,
  type BoardService,
  type LiveBoard,
  type LiveComponent,
} from "@/lib/health/board-types";
import { STATUS_LABEL, type Status } from "@/lib/health/vocabulary";
import { StatusIcon, StatusLabel } from "../status/status-icon";
import { Cell } from "./cell";
import { StateBadge } from "./state-badge";

/** How bad, for putting problems first: outages, then unknown, then planned work. */
const SEVERITY: Record<Status, number> = {
  operational: 0,
  under_maintenance: 1,
  unknown: 2,
  degraded_performance: 3,
  partial_outage: 4,
  major_outage: 5,
};

/** A service's worst: its status, its components', and a failed operation (its state). */
function severity(view: LiveBoard, s: BoardService): number {
  let worst = SEVERITY[s.status];
  for (const l of s.components) {
    const c = view.components[l.id];
    worst = Math.max(worst, c ? SEVERITY[c.status] : SEVERITY.unknown);
  }
  return s.state.endsWith("_failed") ? Math.max(worst, SEVERITY.degraded_performance) : worst;
}

export const serviceHasProblem = (view: LiveBoard, s: BoardService) => severity(view, s) > 0;

type Region = LiveBoard["regions"][number];

function Columns({ regions }: { regions: Region[] }) {
  // With a fixed layout, one <col> spanning the regions shares the rest of the width equally.
  return (
    <colgroup>
      <col className="grid-col-name" />
      <col span={regions.length} />
    </colgroup>
  );
}

/** A component's row: its cell in its region's column, the columns either side collapsed into one each. */
const Row = memo(function Row({
  c,
  regions,
  at,
}: {
  c: LiveComponent;
  regions: Region[];
  at: string;
}) {
  const index = regions.findIndex((r) => r.id === c.region);
  const region = regions[index];
  return (
    <tr className="grid-row">
      <th scope="row">
        {`${KIND_LABEL[c.kind]} `}
        <small>{c.name}</small>
      </th>
      {region ? (
        <>
          {index > 0 && <td colSpan={index} />}
          <td data-region={region.name}>
            <Cell c={c} regionName={region.name} at={at} />
          </td>
          {index < regions.length - 1 && <td colSpan={regions.length - 1 - index} />}
        </>
      ) : (
        <td colSpan={regions.length}>in a region this board does not show: {c.region}</td>
      )}
    </tr>
  );
});

function ServiceBlock({
  s,
  view,
  problemsOnly,
}: {
  s: BoardService;
  view: LiveBoard;
  problemsOnly: boolean;
}) {
  const regions = view.regions;
  const rows = s.components
    .map((l) => view.components[l.id])
    .filter(
      (c): c is LiveComponent => c !== undefined && !(problemsOnly && c.status === "operational"),
    );
  const regionName = regions.find((r) => r.id === s.region)?.name ?? s.region;
  return (
    <div
      className="grid-svc-block"
      data-service={s.id}
      style={{ containIntrinsicSize: `auto ${2.75 + 2.3 * rows.length}rem` }}
    >
      <table className="grid-table">
        <Columns regions={regions} />
        <tbody>
          <tr className="grid-svc">
            <th scope="rowgroup" colSpan={regions.length + 1}>
              <div className="grid-svc-head">
                <a
                  href={`/services/${encodeURIComponent(s.id)}`}
                  className="font-semibold text-blue-700 hover:underline dark:text-blue-400"
                >
                  {s.id}
                </a>
                <span className="grid-meta">{`${s.edition}, ${s.units} unit${s.units > 1 ? "s" : ""}, ${regionName}`}</span>
                <StateBadge state={s.state} />
                {isServing(s.state) || s.status !== "operational" ? (
                  <StatusLabel status={s.status} className="text-xs font-medium" />
                ) : (
                  <span className="grid-meta">not serving</span>
                )}
                {s.reason && <span className="grid-meta">{s.reason}</span>}
              </div>
            </th>
          </tr>
          {rows.map((c) => (
            <Row key={c.id} c={c} regions={regions} at={view.generatedAt} />
          ))}
        </tbody>
      </table>
    </div>
  );
}

/**
 * Components x regions, rows grouped by service: one header, then one fixed-layout table per
 * service so the browser can skip laying out services that are off screen. At phone width,
 * CSS turns it into a list per service.
 */
export const Grid = memo(function Grid({
  view,
  problemsOnly,
}: {
  view: LiveBoard;
  problemsOnly: boolean;
}) {
  const regions = view.regions;
  const watched = new Set<string>();
  for (const id in view.components) watched.add(view.components[id]!.region);
  // Problems first, worst first; the estate's order otherwise.
  const services = view.services
    .map((s) => ({ s, rank: severity(view, s) }))
    .filter((x) => !problemsOnly || x.rank > 0)
    .sort((a, b) => b.rank - a.rank)
    .map((x) => x.s);
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
    <section
      id="board-grid"
      aria-label="Status of each component of each service, by region"
      className="overflow-x-auto rounded-md border border-zinc-200 dark:border-zinc-800"
      style={{ "--regions": regions.length } as React.CSSProperties}
    >
      <table className="grid-table grid-head sticky top-0 z-10">
        <Columns regions={regions} />
        <thead>
          <tr>
            <th scope="col">Service and component</th>
            {regions.map((r) => (
              <th scope="col" key={r.id}>
                {watched.has(r.id) ? (
                  <span className="inline-flex items-center gap-1.5">
                    <StatusIcon status={r.status} className="size-3.5" />
                    {r.name}
                    <span className="sr-only">{`: ${STATUS_LABEL[r.status]}`}</span>
                  </span>
                ) : (
                  // Nothing to judge: never a green tick, and said in words.
                  <span className="inline-flex items-center gap-1.5">
                    <StatusIcon status="none" className="size-3.5" />
                    {r.name} <small className="font-normal">nothing monitored</small>
                  </span>
                )}
              </th>
            ))}
          </tr>
        </thead>
      </table>
      {services.map((s) => (
        <ServiceBlock key={s.id} s={s} view={view} problemsOnly={problemsOnly} />
      ))}
    </section>
  );
});
