/** The frame of a table of jobs (backups, restores), newest first: the header and the phone layout. */

const th = "px-2 py-2 text-left text-xs font-semibold text-zinc-600 dark:text-zinc-300";
/** A body cell. Phone width: each row becomes a card, each cell labelled by its column's name. */
export const jobCell =
  "px-2 py-2 align-top max-md:block max-md:px-0 max-md:py-0.5 max-md:before:block max-md:before:text-xs max-md:before:text-zinc-600 max-md:before:content-[attr(data-label)] dark:max-md:before:text-zinc-400";

export type JobColumn = { label: string; className?: string };

export function JobTable({
  testId,
  caption,
  columns,
  bodyClassName,
  children,
}: {
  testId: string;
  caption: string;
  columns: JobColumn[];
  bodyClassName: string;
  children: React.ReactNode;
}) {
  return (
    <table className="w-full border-collapse text-sm max-md:block" data-testid={testId}>
      <caption className="sr-only">{caption}</caption>
      <thead className="border-b border-zinc-200 max-md:sr-only dark:border-zinc-800">
        <tr>
          {columns.map((c) => (
            <th key={c.label} scope="col" className={c.className ? `${th} ${c.className}` : th}>
              {c.label}
            </th>
          ))}
        </tr>
      </thead>
      <tbody className={bodyClassName}>{children}</tbody>
    </table>
  );
}
