/**
 * Applies freshly rendered markup to the page, touching only what changed (parts and blocks carry
 * a fingerprint of their markup). Changed markup is merged into the elements already there when
 * their shape is the same, so a poll that only moves a "checked at" time keeps every node: focus,
 * a screen reader's place and an open tip stay put. Where the shape differs the element is
 * replaced, and focus goes back to the same control.
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
function keepingFocus(root: Element, within: Node, replace: () => void): void {
  const active = document.activeElement;
  const key = active && within.contains(active) ? focusKey(active) : null;
  replace();
  if (key) (root.querySelector<HTMLElement>(key) ?? null)?.focus({ preventScroll: true });
}

function sameShape(a: Node, b: Node): boolean {
  return a.nodeType === b.nodeType && a.nodeName === b.nodeName;
}

/** Makes `el`'s attributes those of `fresh`. */
function mergeAttributes(el: Element, fresh: Element): void {
  for (const name of el.getAttributeNames())
    if (!fresh.hasAttribute(name)) el.removeAttribute(name);
  for (const name of fresh.getAttributeNames()) {
    const value = fresh.getAttribute(name)!;
    if (el.getAttribute(name) !== value) el.setAttribute(name, value);
  }
}

/** Makes `el` (an element of the same tag) what `fresh` is: its attributes, then its children. */
function mergeElement(root: Element, el: Element, fresh: Element): void {
  mergeAttributes(el, fresh);
  mergeChildren(root, el, fresh);
}

/** Makes `el`'s children those of `fresh`, keeping every node whose kind and tag still match. */
function mergeChildren(root: Element, el: Node, fresh: Node): void {
  const now = Array.from(el.childNodes);
  const wanted = Array.from(fresh.childNodes);
  for (const [i, next] of wanted.entries()) {
    const old = now[i];
    if (!old) el.appendChild(next);
    else if (!sameShape(old, next)) keepingFocus(root, old, () => el.replaceChild(next, old));
    else if (old.nodeType === Node.ELEMENT_NODE)
      mergeElement(root, old as Element, next as Element);
    else if (old.nodeValue !== next.nodeValue) old.nodeValue = next.nodeValue;
  }
  for (const extra of now.slice(wanted.length)) keepingFocus(root, extra, () => extra.remove());
}

function fragmentOf(html: string): DocumentFragment {
  const template = document.createElement("template");
  template.innerHTML = html;
  return template.content;
}

/** Brings a part's content to `html` when its markup changed. */
export function patchPart(root: Element, el: HTMLElement, html: string): void {
  const v = fingerprint(html);
  if (el.dataset.v === v) return;
  mergeChildren(root, el, fragmentOf(html));
  el.dataset.v = v;
}

/** Brings the list of service blocks to `blocks`: merges changed ones, drops gone ones, orders them. */
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
    const fresh = fragmentOf(block.html).firstElementChild!;
    if (old && sameShape(old, fresh)) {
      mergeElement(root, old, fresh);
      wanted.push(old);
      continue;
    }
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
