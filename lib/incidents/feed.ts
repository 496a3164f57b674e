/** The history feeds (/history.rss, /history.atom), made with the `feed` library. */
import { Feed } from "feed";
import {
  IMPACT_LABEL,
  INCIDENT_STATUS_LABEL,
  MAINTENANCE_STATUS_LABEL,
  type IncidentView,
  type MaintenanceView,
} from "./incident-types";

const escape = (text: string) =>
  text.replace(
    /[&<>"']/g,
    (c) => ({ "&": "&amp;", "<": "&lt;", ">": "&gt;", '"': "&quot;", "'": "&#39;" })[c]!,
  );
const clock = (iso: string) => `${iso.slice(0, 16).replace("T", " ")} UTC`;

type Update = { status: string; body: string; createdAt: string };

/** Every update, newest first, as HTML with all text escaped. */
function updatesHtml(updates: Update[], label: (s: string) => string): string {
  return updates
    .map(
      (u) =>
        `<p><small>${escape(clock(u.createdAt))}</small><br><strong>${escape(label(u.status))}</strong> - ${escape(u.body)}</p>`,
    )
    .join("");
}

/**
 * The newest incidents and maintenance as RSS 2.0 or Atom 1.0. The feed's own time is its newest
 * item's, so the document changes only when an incident does.
 */
export function incidentFeed(
  format: "rss" | "atom",
  input: { url: string; incidents: IncidentView[]; maintenances: MaintenanceView[] },
): string {
  const { url } = input;
  const items = [
    ...input.incidents.map((i) => ({
      title: i.title,
      id: `${url}/incidents/${i.id}`,
      link: `${url}/incidents/${i.id}`,
      date: new Date(i.updatedAt),
      published: new Date(i.createdAt),
      description: `${INCIDENT_STATUS_LABEL[i.status]} · ${IMPACT_LABEL[i.impact]} impact · ${i.updates[0]?.body ?? ""}`,
      content: updatesHtml(
        i.updates,
        (s) => INCIDENT_STATUS_LABEL[s as IncidentView["status"]] ?? s,
      ),
    })),
    ...input.maintenances.map((m) => ({
      title: `Maintenance: ${m.title}`,
      id: `${url}/maintenance/${m.id}`,
      link: `${url}/maintenance/${m.id}`,
      date: new Date(m.updatedAt),
      published: new Date(m.createdAt),
      description: `${MAINTENANCE_STATUS_LABEL[m.status]} · ${clock(m.scheduledFor)} to ${clock(m.scheduledUntil)}`,
      content:
        `<p>Scheduled from ${escape(clock(m.scheduledFor))} to ${escape(clock(m.scheduledUntil))}.</p>` +
        updatesHtml(
          m.updates,
          (s) => MAINTENANCE_STATUS_LABEL[s as MaintenanceView["status"]] ?? s,
        ),
    })),
  ].sort((a, b) => b.date.getTime() - a.date.getTime());
  const feed = new Feed({
    id: `${url}/history`,
    title: "Standfast status history",
    description: "Incidents and scheduled maintenance of the estate Standfast watches.",
    link: `${url}/history`,
    language: "en",
    updated: items[0]?.date ?? new Date(0),
    generator: "Standfast",
    feedLinks: { rss: `${url}/history.rss`, atom: `${url}/history.atom` },
    copyright: "Standfast",
  });
  for (const item of items) feed.addItem(item);
  return format === "rss" ? feed.rss2() : feed.atom1();
}
