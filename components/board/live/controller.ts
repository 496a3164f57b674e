/**
 * The live board in the browser, without React: the server sends the board as HTML; this keeps it
 * current. It asks for /api/board at once and every refresh while the page is visible, ages its copy
 * each second on the server's clock (cells turn Unknown past their staleness limit), redraws only
 * the parts whose markup changed, announces status changes politely, and handles the board's few
 * controls by delegation: the Problems only filter, Refresh now, opening collapsed services, the
 * cell tooltip, and client-side navigation for its links once the app's router is handed to it
 * (`navigateWith`); until then its links are followed as plain links.
 */
import { ageLiveBoard, type LiveBoard } from "@/lib/health/board-types";
import {
  renderBoard,
  renderParts,
  renderServiceBlocks,
  type BoardState,
  type PartName,
} from "../markup/board";
import { updatedText } from "../markup/banner";
import { rankServices } from "../markup/services";
import { describeCell } from "../markup/describe";
import { learnServerClock, serverNow } from "../server-clock";
import { describeChanges, statusesOf } from "./announce";
import { patchBlocks, patchPart } from "./patch";
import { CellTip } from "./tip";

const PARTS: PartName[] = ["notice", "banner", "alerts", "platform", "toolbar"];

export class BoardController {
  private data: LiveBoard | null = null;
  private failed = false;
  private pendingSince: number | null = null;
  private problemsOnly: boolean;
  private readonly open = new Set<string>();
  private lastView: LiveBoard | null = null;
  private lastKey = "";
  private statuses: Map<string, string> | null = null;
  private overall: string | null = null;
  private readonly pageGeneratedAt: string;
  private readonly refreshMs: number;
  private readonly timers: ReturnType<typeof setInterval>[] = [];
  private readonly tip: CellTip;
  private readonly unlisten: (() => void)[] = [];
  private navigate: ((href: string) => void) | null = null;

  constructor(readonly root: HTMLElement) {
    const board = this.board();
    this.pageGeneratedAt = board?.dataset.generatedAt ?? new Date().toISOString();
    this.refreshMs = Number(board?.dataset.refreshMs) || 5_000;
    this.problemsOnly = new URLSearchParams(window.location.search).get("problems") === "1";
    this.tip = new CellTip(root, (id) => this.describe(id));
    if (!board) root.innerHTML = `<p class="board-loading">Loading the board…</p>`;
  }

  start(): void {
    const on = <K extends keyof HTMLElementEventMap>(
      type: K,
      fn: (e: HTMLElementEventMap[K]) => void,
      capture = false,
    ) => {
      this.root.addEventListener(type, fn, capture);
      this.unlisten.push(() => this.root.removeEventListener(type, fn, capture));
    };
    on("click", (e) => this.onClick(e));
    // `toggle` does not bubble: listen while it goes down.
    on("toggle", (e) => this.onToggle(e), true);
    this.tip.listen(on);

    const visible = () => document.visibilityState === "visible";
    const onShow = () => visible() && void this.refresh();
    document.addEventListener("visibilitychange", onShow);
    window.addEventListener("focus", onShow);
    this.unlisten.push(() => {
      document.removeEventListener("visibilitychange", onShow);
      window.removeEventListener("focus", onShow);
    });
    this.timers.push(setInterval(() => this.draw(), 1_000));
    this.timers.push(setInterval(() => visible() && void this.refresh(), this.refreshMs));
    this.draw();
    // Its controls work from here on; "ready" once it has drawn the data it fetched.
    const board = this.board();
    if (board && !board.dataset.live) board.dataset.live = "started";
    void this.refresh();
  }

  /** Client-side navigation for the board's links, once the app's router runs (null: plain links). */
  navigateWith(navigate: ((href: string) => void) | null): void {
    this.navigate = navigate;
  }

  stop(): void {
    this.timers.forEach(clearInterval);
    this.unlisten.forEach((fn) => fn());
    this.tip.hide();
  }

  private board(): HTMLElement | null {
    return this.root.querySelector<HTMLElement>("#board");
  }

  private now(): number {
    return serverNow(Date.now(), this.pageGeneratedAt);
  }

  private async refresh(): Promise<void> {
    if (this.pendingSince !== null) return;
    const askedAt = Date.now();
    this.pendingSince = askedAt;
    this.draw();
    try {
      const response = await fetch("/api/board", {
        headers: { accept: "application/json" },
        // A server that accepts but never answers must not stop the retries.
        signal: AbortSignal.timeout(Math.max(10_000, 3 * this.refreshMs)),
      });
      if (!response.ok) throw new Error(`HTTP ${response.status}`);
      const data = (await response.json()) as LiveBoard;
      learnServerClock(data.generatedAt, askedAt);
      this.data = data;
      this.failed = false;
    } catch {
      this.failed = true;
    } finally {
      this.pendingSince = null;
    }
    this.draw();
  }

  /** The board as this browser knows it now, drawn where it changed. */
  private draw(): void {
    const now = this.now();
    const board = this.board();
    const button = board?.querySelector<HTMLButtonElement>('[data-action="refresh"]');
    if (button) {
      button.disabled = this.pendingSince !== null;
      button.textContent = this.pendingSince !== null ? "Refreshing…" : "Refresh now";
    }
    if (!this.data) {
      const updated = board?.querySelector('[data-testid="updated"]');
      const readAt = board?.dataset.readAt;
      if (updated && readAt)
        updated.textContent = updatedText({ store: { readAt } } as LiveBoard, now);
      return;
    }
    // No answer: the request failed, or has hung well past a refresh.
    const hung = this.pendingSince !== null && Date.now() - this.pendingSince > 2 * this.refreshMs;
    const unreachable = this.failed || hung;
    const view = ageLiveBoard(this.data, now);
    const state: BoardState = {
      problemsOnly: this.problemsOnly,
      now,
      unreachable,
      open: this.open,
    };
    const key = `${this.problemsOnly} ${unreachable} ${[...this.open].join(" ")}`;
    const changed = view !== this.lastView || key !== this.lastKey;
    if (!board) this.root.innerHTML = renderBoard(view, state);
    else if (changed) this.patch(board, view, state);
    // While unreachable the banner says how old the data is: it changes every second.
    else if (unreachable) this.patchBanner(board, view, state);
    const target = this.board()!;
    target.querySelector('[data-testid="updated"]')!.textContent = updatedText(view, now);
    target.dataset.generatedAt = view.generatedAt;
    if (changed) this.announce(view);
    this.lastView = view;
    this.lastKey = key;
    this.tip.redraw();
    target.dataset.live = "ready";
  }

  private patch(board: HTMLElement, view: LiveBoard, state: BoardState): void {
    const ranked = rankServices(view);
    const parts = renderParts(view, state, ranked);
    for (const name of PARTS) {
      const el = board.querySelector<HTMLElement>(`[data-part="${name}"]`);
      if (el) patchPart(board, el, parts[name]);
    }
    const list = board.querySelector<HTMLElement>('[data-part="services"]');
    if (list) patchBlocks(board, list, renderServiceBlocks(view, state, ranked));
    board.dataset.problems = state.problemsOnly ? "1" : "0";
  }

  private patchBanner(board: HTMLElement, view: LiveBoard, state: BoardState): void {
    const el = board.querySelector<HTMLElement>('[data-part="banner"]');
    if (el) patchPart(board, el, renderParts(view, state).banner);
  }

  private announce(view: LiveBoard): void {
    const before = this.statuses;
    this.statuses = statusesOf(view);
    const overall = this.overall;
    this.overall = view.overall.description;
    if (!before) return;
    const message = describeChanges(before, view, overall);
    const region = this.board()?.querySelector("#board-announce");
    if (message && region) region.textContent = message;
  }

  private describe(id: string): string | null {
    const view = this.lastView;
    const c = view?.components[id];
    if (!view || !c) return null;
    const region = view.regions.find((r) => r.id === c.region)?.name ?? c.region;
    return describeCell(c, region, view.generatedAt, this.now());
  }

  private onClick(e: MouseEvent): void {
    if (e.defaultPrevented || e.button !== 0 || e.metaKey || e.ctrlKey || e.shiftKey || e.altKey)
      return;
    const target = e.target as Element;
    const action = target.closest("[data-action]")?.getAttribute("data-action");
    if (action === "problems") {
      e.preventDefault();
      this.problemsOnly = !this.problemsOnly;
      const url = new URL(window.location.href);
      if (this.problemsOnly) url.searchParams.set("problems", "1");
      else url.searchParams.delete("problems");
      window.history.replaceState(window.history.state, "", url);
      this.draw();
      return;
    }
    if (action === "refresh") {
      void this.refresh();
      return;
    }
    const link = target.closest<HTMLAnchorElement>('a[href^="/"]');
    if (link && !link.target && this.navigate) {
      e.preventDefault();
      this.navigate(link.getAttribute("href")!);
    }
  }

  private onToggle(e: Event): void {
    const details = e.target as HTMLElement;
    if (!(details instanceof HTMLDetailsElement) || !details.dataset.service) return;
    const id = details.dataset.service;
    if (details.open === this.open.has(id)) return;
    if (details.open) this.open.add(id);
    else this.open.delete(id);
    this.draw();
  }
}
