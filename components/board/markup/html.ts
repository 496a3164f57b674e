/** Building HTML as text, the same in the server and the browser. Every datum goes through `esc`. */

const ENTITIES: Record<string, string> = {
  "&": "&amp;",
  "<": "&lt;",
  ">": "&gt;",
  '"': "&quot;",
  "'": "&#39;",
};

const SPECIAL = /[&<>"']/;

/** Text or an attribute value, escaped for HTML. Most have nothing to escape: they are returned as they are. */
export function esc(value: string | number): string {
  const text = String(value);
  return SPECIAL.test(text) ? text.replace(/[&<>"']/g, (ch) => ENTITIES[ch]!) : text;
}

/** A short fingerprint of a part's markup, so the browser can tell which parts changed. */
export function fingerprint(text: string): string {
  let h = 0x811c9dc5;
  for (let i = 0; i < text.length; i++) h = Math.imul(h ^ text.charCodeAt(i), 0x01000193);
  return (h >>> 0).toString(36);
}

/** The sprite's status icon (components/status/status-sprite.tsx), decorative: words go with it. */
export const icon = (mark: string, size = "size-4") =>
  `<svg class="st-${mark} shrink-0 ${size}" aria-hidden="true" focusable="false"><use href="#s-${mark}"></use></svg>`;

export const plural = (n: number, word: string) => `${n} ${word}${n === 1 ? "" : "s"}`;
