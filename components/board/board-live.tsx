"use client";
import { useRouter } from "next/navigation";
import { useEffect } from "react";
import { BoardController } from "./live/controller";

/**
 * Makes the server-rendered board live. Renders nothing itself: the board's markup comes from the
 * server (once, not again as React props) and the controller keeps it current.
 */
export function BoardLive() {
  const router = useRouter();
  useEffect(() => {
    const root = document.getElementById("board-root");
    if (!root) return;
    const controller = new BoardController(root, (href) => router.push(href));
    controller.start();
    return () => controller.stop();
  }, [router]);
  return null;
}
