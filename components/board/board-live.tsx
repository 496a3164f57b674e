"use client";
import { useRouter } from "next/navigation";
import { useEffect } from "react";
import { startBoard, stopBoard } from "./live/start";

/**
 * Makes the server-rendered board live. Renders nothing itself: the board's markup comes from the
 * server (once, not again as React props) and the controller keeps it current. On a page loaded
 * with the board the controller already runs (started before hydration, live/start.ts); this
 * hands it the router for client-side navigation, and stops it when the page is left.
 */
export function BoardLive() {
  const router = useRouter();
  useEffect(() => {
    const root = document.getElementById("board-root");
    if (!root) return;
    const controller = startBoard(root);
    controller.navigateWith((href) => router.push(href));
    return () => stopBoard(root);
  }, [router]);
  return null;
}
