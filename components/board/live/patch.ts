/**
 * Applies freshly rendered markup to the page, touching only what changed (parts and blocks carry
 * a fingerprint of their markup), and gives focus back to the same control when its part was
 * replaced under it.
 */
import { fingerprint } from "../markup/html";
import type { ServiceBlock } from "../markup/board";

/** How to find the focused control again in its replacement. */
function focusKey(active: Element): string | null {
  const service = active.closest("[data-service]")?.getAttribute("data-service");
  const scope = service ? `[data-service="${CSS.escape(service)}"] ` : "";
  if (active.tagName === "SUMMARY") return `${scope}summary`;
  const action = active.getAttribute("data-action");
  if (action) return `[data-action="${CSS.escape(action)}"]`;
  const href = active.getAttribute("href");
  if (href) return `${scope}a[href="${CSS.escape(href)}"]`;
  return null;
}

/** Runs `replace` (which swaps out part of `root`), then puts focus back where it was. */
function keepingFocus(root: Element, within: Element, replace: () => void): void {
  const active = document.activeElement;
  const key = active && within.contains(active) ? focusKey(active) : null;
  replace();
  if (key) (root.querySelector<HTMLElement>(key) ?? null)?.focus({ preventScroll: true });
}

/** Replaces a part's content when its markup changed. */
export function patchPart(root: Element, el: HTMLElement, html: string): void {
  const v = fingerprint(html);
  if (el.dataset.v === v) return;
  keepingFocus(root, el, () => {
    el.innerHTML = html;
    el.dataset.v = v;
  });
}

function elementOf(html: string): Element {
  const template = document.createElement("template");
  template.innerHTML = html;
  return template.content.firstElementChild!;
}

/** Brings the list of service blocks to `blocks`: replaces changed ones, drops gone ones, orders them. */
export function patchBlocks(root: Element, list: HTMLElement, blocks: ServiceBlock[]): void {
  const existing = new Map<string, Element>();
  for (const child of Array.from(list.children))
    existing.set(child.getAttribute("data-service") ?? "", child);
  const wanted: Element[] = [];
  for (const block of blocks) {
    const old = existing.get(block.id);
    existing.delete(block.id);
    const v = /^<\w+ data-v="([^"]*)"/.exec(block.html)?.[1];
    if (old && v !== undefined && old.getAttribute("data-v") === v) {
      wanted.push(old);
      continue;
    }
    const fresh = elementOf(block.html);
    if (old) keepingFocus(root, old, () => old.replaceWith(fresh));
    wanted.push(fresh);
  }
  for (const gone of existing.values()) gone.remove();
  // Order: move only what is out of place (moving an element drops its focus).
  let cursor = list.firstElementChild;
  for (const el of wanted) {
    if (el === cursor) {
      cursor = cursor.nextElementSibling;
      continue;
    }
    list.insertBefore(el, cursor);
  }
}
