"use client";
import { useRouter } from "next/navigation";
import { useEffect } from "react";
import { loadBoardLive } from "./live/api";

/**
 * Makes the server-rendered board live. Renders nothing itself: the board's markup comes from the
 * server (once, not again as React props) and the live board's own script keeps it current. On a
 * page loaded with the board that script came inline and already runs; this hands it the router
 * for client-side navigation, and stops it when the page is left. After a client-side navigation
 * to the board it loads the script and starts the board; if it cannot, the slot says so.
 */
export function BoardLive() {
  const router = useRouter();
  useEffect(() => {
    const root = document.getElementById("board-root");
    if (!root) return;
    let left = false;
    let stop = () => {};
    loadBoardLive().then(
      (live) => {
        if (left) return;
        live.start(root).navigateWith((href) => router.push(href));
        stop = () => live.stop(root);
      },
      () => {
        if (left || root.querySelector("#board")) return;
        root.innerHTML =
          '<p class="board-loading" role="alert">The live board could not be loaded. Reload the page to try again.</p>';
      },
    );
    return () => {
      left = true;
      stop();
    };
  }, [router]);
  return null;
}
