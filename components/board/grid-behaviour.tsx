"use client";
import { useRouter } from "next/navigation";
import { useCallback, useState } from "react";

type Tip = { id: string; x: number; y: number } | null;

/**
 * Behaviour for the whole grid through delegation, instead of per cell: client-side navigation
 * for its plain links, and one tooltip that shows a cell's description on hover and on focus,
 * kept current while it shows (`describe` changes as the board ages).
 */
export function GridBehaviour({
  describe,
  children,
}: {
  describe: (componentId: string) => string | null;
  children: React.ReactNode;
}) {
  const router = useRouter();
  const [tip, setTip] = useState<Tip>(null);

  const onClick = useCallback(
    (e: React.MouseEvent) => {
      if (e.defaultPrevented || e.button !== 0 || e.metaKey || e.ctrlKey || e.shiftKey || e.altKey)
        return;
      const a = (e.target as Element).closest<HTMLAnchorElement>('a[href^="/"]');
      if (!a) return;
      e.preventDefault();
      router.push(a.getAttribute("href")!);
    },
    [router],
  );

  const show = useCallback((target: EventTarget) => {
    const cell = (target as Element).closest?.<HTMLAnchorElement>("a.cell");
    if (!cell) return setTip(null);
    const r = cell.getBoundingClientRect();
    setTip({
      id: decodeURIComponent(cell.pathname.slice("/components/".length)),
      x: Math.min(r.left, window.innerWidth - 330),
      y: r.bottom + 4,
    });
  }, []);
  const hide = useCallback(() => setTip(null), []);

  return (
    // Clicks and focus on the links inside are delegated here; the links themselves stay the keyboard targets.
    <div
      onClick={onClick}
      onMouseOver={(e) => show(e.target)}
      onMouseLeave={hide}
      onFocus={(e) => show(e.target)}
      onBlur={hide}
    >
      {children}
      {tip && (
        <div
          className="board-tip"
          style={{ left: Math.max(4, tip.x), top: tip.y }}
          aria-hidden="true"
          data-testid="cell-tip"
        >
          {describe(tip.id)}
        </div>
      )}
    </div>
  );
}
