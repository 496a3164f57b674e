/**
 * The board's one shared tooltip: a cell's description with live ages, shown on hover and on
 * focus, kept current while it shows. Decorative (aria-hidden): the cell's own name says the same.
 */
type Listen = <K extends keyof HTMLElementEventMap>(
  type: K,
  fn: (e: HTMLElementEventMap[K]) => void,
  capture?: boolean,
) => void;

export class CellTip {
  private cell: HTMLAnchorElement | null = null;

  constructor(
    private readonly root: HTMLElement,
    private readonly describe: (componentId: string) => string | null,
  ) {}

  listen(on: Listen): void {
    on("mouseover", (e) => this.show(e.target));
    on("mouseleave", () => this.hide());
    on("focusin", (e) => this.show(e.target));
    on("focusout", (e) => {
      if (!this.root.contains(e.relatedTarget as Node | null)) this.hide();
    });
  }

  private element(): HTMLElement | null {
    return this.root.querySelector<HTMLElement>('[data-testid="cell-tip"]');
  }

  private show(target: EventTarget | null): void {
    const cell = (target as Element | null)?.closest?.<HTMLAnchorElement>("a.cell") ?? null;
    if (!cell) return this.hide();
    this.cell = cell;
    this.redraw();
  }

  hide(): void {
    this.cell = null;
    const el = this.element();
    if (el) el.hidden = true;
  }

  /** Redraws the text and place, following the cell when the board redrew it. */
  redraw(): void {
    const el = this.element();
    if (!el || !this.cell) return;
    if (!this.cell.isConnected) {
      // The cell's block was redrawn: the same component's new cell, if it is still shown.
      const href = this.cell.getAttribute("href");
      this.cell = href
        ? this.root.querySelector<HTMLAnchorElement>(`a.cell[href="${CSS.escape(href)}"]`)
        : null;
      if (!this.cell) return this.hide();
    }
    const text = this.describe(decodeURIComponent(this.cell.pathname.slice("/components/".length)));
    if (text === null) return this.hide();
    const r = this.cell.getBoundingClientRect();
    el.textContent = text;
    el.style.left = `${Math.max(4, Math.min(r.left, window.innerWidth - 330))}px`;
    el.style.top = `${r.bottom + 4}px`;
    el.hidden = false;
  }
}
