import Link from "next/link";
import { KIND_LABEL, type ComponentKind } from "@/lib/estate/types";

/** Points from a service's charts to each dependency's own, keeping the chosen range. */
export function ChartLinks({
  components,
  range,
}: {
  components: { id: string; kind: ComponentKind }[];
  range: string;
}) {
  if (components.length === 0) return null;
  return (
    <p className="mb-2 text-sm text-zinc-600 dark:text-zinc-400">
      Each dependency has its own charts on its page:{" "}
      {components.map((c, i) => (
        <span key={c.id}>
          {i > 0 && ", "}
          <Link
            href={`/components/${encodeURIComponent(c.id)}?range=${range}`}
            prefetch={false}
            className="text-blue-700 underline dark:text-blue-400"
          >
            {KIND_LABEL[c.kind].toLowerCase()}
          </Link>
        </span>
      ))}
      .
    </p>
  );
}
