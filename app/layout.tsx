import type { Metadata, Viewport } from "next";
import { SiteHeader } from "@/components/nav/site-header";
import { StatusSprite } from "@/components/status/status-sprite";
import "./globals.css";

export const metadata: Metadata = {
  title: { default: "Standfast", template: "%s · Standfast" },
  description:
    "Live status, backup compliance and guarded restores for an integration service estate.",
};

export const viewport: Viewport = {
  themeColor: [
    { media: "(prefers-color-scheme: light)", color: "#ffffff" },
    { media: "(prefers-color-scheme: dark)", color: "#09090b" },
  ],
};

export default function RootLayout({ children }: { children: React.ReactNode }) {
  return (
    <html lang="en">
      <body className="min-h-dvh bg-white text-zinc-900 antialiased dark:bg-zinc-950 dark:text-zinc-100 print:bg-white print:text-black">
        <a
          href="#main"
          className="sr-only focus:not-sr-only focus:absolute focus:top-2 focus:left-2 focus:z-50 focus:rounded focus:bg-blue-600 focus:px-3 focus:py-2 focus:text-white"
        >
          Skip to content
        </a>
        <StatusSprite />
        <SiteHeader />
        <main id="main" className="mx-auto max-w-7xl px-4 py-5">
          {children}
        </main>
      </body>
    </html>
  );
}
