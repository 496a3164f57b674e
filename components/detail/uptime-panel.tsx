import { readUptime } from "@/lib/health";
import { UptimeBars } from "./uptime-bars";

/** 90-day uptime bars, one row per component. */
export async function UptimePanel({
  components,
}: {
  components: { id: string; label: string; href?: string }[];
}) {
  const histories = await readUptime(components.map((c) => c.id));
  return (
    <div className="space-y-5">
      {histories.map((h, i) => (
        <UptimeBars
          key={h.componentId}
          history={h}
          label={components[i]!.label}
          href={components[i]!.href}
        />
      ))}
    </div>
  );
}
