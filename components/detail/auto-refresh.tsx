"use client";
import { useRouter } from "next/navigation";
import { useEffect } from "react";

/** Re-renders the server page in place every `everyMs` while it is visible, so statuses stay current. */
export function AutoRefresh({ everyMs }: { everyMs: number }) {
  const router = useRouter();
  useEffect(() => {
    const timer = setInterval(() => {
      if (document.visibilityState === "visible") router.refresh();
    }, everyMs);
    return () => clearInterval(timer);
  }, [router, everyMs]);
  return null;
}
