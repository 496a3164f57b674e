/**
 * Status badges as SVG, in the flat two-part style READMEs and wikis show: a label and the status
 * in words (the colour repeats it, never replaces it), with a title for screen readers. Pure.
 */
import type { OverallIndicator, Status } from "../lib/status/vocabulary";

const COLOUR: Record<Status, string> = {
  operational: "#2e7d32",
  under_maintenance: "#1565c0",
  degraded_performance: "#a15c00",
  partial_outage: "#c2410c",
  major_outage: "#b71c1c",
  unknown: "#616161",
};

export const STATUS_WORDS: Record<Status, string> = {
  operational: "operational",
  under_maintenance: "maintenance",
  degraded_performance: "degraded",
  partial_outage: "partial outage",
  major_outage: "major outage",
  unknown: "unknown",
};

/** The overall indicator as the status whose colour it takes. */
export const INDICATOR_STATUS: Record<OverallIndicator, Status> = {
  none: "operational",
  maintenance: "under_maintenance",
  minor: "degraded_performance",
  major: "partial_outage",
  critical: "major_outage",
  unknown: "unknown",
};

// Verdana 11px advance widths, near enough to size the boxes without a font at hand.
const NARROW = new Set("fijlrt.,:;'!|()[] ".split(""));
const WIDE = new Set("mwMW@%".split(""));
const textWidth = (text: string) =>
  [...text].reduce(
    (w, ch) => w + (NARROW.has(ch) ? 4 : WIDE.has(ch) ? 10 : /[A-Z]/.test(ch) ? 7.5 : 6.6),
    0,
  );

const escapeXml = (text: string) => text.replace(/[<>&"']/g, (c) => `&#${c.charCodeAt(0)};`);

export function badgeSvg(label: string, value: string, colour: string): string {
  const l = escapeXml(label.slice(0, 80));
  const v = escapeXml(value.slice(0, 80));
  const lw = Math.round(textWidth(label.slice(0, 80)) + 12);
  const vw = Math.round(textWidth(value.slice(0, 80)) + 12);
  const w = lw + vw;
  return (
    `<svg xmlns="http://www.w3.org/2000/svg" width="${w}" height="20" role="img" aria-label="${l}: ${v}">` +
    `<title>${l}: ${v}</title>` +
    `<clipPath id="r"><rect width="${w}" height="20" rx="3" fill="#fff"/></clipPath>` +
    `<g clip-path="url(#r)"><rect width="${lw}" height="20" fill="#555"/>` +
    `<rect x="${lw}" width="${vw}" height="20" fill="${colour}"/></g>` +
    `<g fill="#fff" text-anchor="middle" font-family="Verdana,Geneva,DejaVu Sans,sans-serif" font-size="11">` +
    `<text x="${lw / 2}" y="14">${l}</text><text x="${lw + vw / 2}" y="14">${v}</text></g></svg>`
  );
}

export function statusBadge(label: string, status: Status): string {
  return badgeSvg(label, STATUS_WORDS[status], COLOUR[status]);
}

export const plainBadge = (label: string, value: string) => badgeSvg(label, value, COLOUR.unknown);
