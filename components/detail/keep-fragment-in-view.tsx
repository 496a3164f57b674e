"use client";
import { useEffect } from "react";

/** How long after load the page may still grow above the target as its panels stream in. */
const SETTLE_MS = 4_000;

/**
 * A link such as a compliance next step (`/services/x#drill-schedule`) must land on its form. The
 * browser scrolls to the fragment once, but the panels above it stream in later and push it down;
 * this scrolls to it again whenever the page's size changes, until it settles or the reader scrolls.
 */
export function KeepFragmentInView() {
  useEffect(() => {
    const id = decodeURIComponent(window.location.hash.slice(1));
    if (!id) return;
    let stopped = false;
    const go = () => {
      if (!stopped) document.getElementById(id)?.scrollIntoView({ block: "start" });
    };
    const stop = () => {
      stopped = true;
      observer.disconnect();
      for (const e of ["wheel", "touchstart", "keydown"]) window.removeEventListener(e, stop);
    };
    const observer = new ResizeObserver(go);
    observer.observe(document.body);
    for (const e of ["wheel", "touchstart", "keydown"])
      window.addEventListener(e, stop, { passive: true });
    const timer = window.setTimeout(stop, SETTLE_MS);
    go();
    return () => {
      window.clearTimeout(timer);
      stop();
    };
  }, []);
  return null;
}
