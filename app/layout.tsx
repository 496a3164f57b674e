import type { Metadata, Viewport } from "next";
import Link from "next/link";
import { UserMenu } from "@/components/auth/user-menu";
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
        <header className="border-b border-zinc-200 print:hidden dark:border-zinc-800">
          <nav
            aria-label="Main"
            className="mx-auto flex max-w-7xl flex-wrap items-center gap-x-4 gap-y-1 px-4 py-3 whitespace-nowrap sm:gap-x-6"
          >
            <Link href="/" className="flex items-center gap-2 font-semibold tracking-tight">
              <svg
                viewBox="0 0 24 24"
                className="size-6 text-blue-600 dark:text-blue-400"
                aria-hidden="true"
              >
                <path d="M12 2l8 4v6c0 5-3.5 8.5-8 10-4.5-1.5-8-5-8-10V6z" fill="currentColor" />
                <path
                  d="M8 12.5l2.6 2.6L16 9.5"
                  fill="none"
                  stroke="#fff"
                  strokeWidth="2"
                  strokeLinecap="round"
                  strokeLinejoin="round"
                />
              </svg>
              Standfast
            </Link>
            <Link
              href="/"
              className="hidden text-sm text-zinc-600 hover:text-zinc-900 sm:inline dark:text-zinc-300 dark:hover:text-white"
            >
              Status board
            </Link>
            <Link
              href="/backups"
              className="text-sm text-zinc-600 hover:text-zinc-900 dark:text-zinc-300 dark:hover:text-white"
            >
              Backups
            </Link>
            <Link
              href="/compliance"
              className="text-sm text-zinc-600 hover:text-zinc-900 dark:text-zinc-300 dark:hover:text-white"
            >
              Compliance
            </Link>
            <Link
              href="/restores"
              className="text-sm text-zinc-600 hover:text-zinc-900 dark:text-zinc-300 dark:hover:text-white"
            >
              Restores
            </Link>
            <UserMenu />
          </nav>
        </header>
        <main id="main" className="mx-auto max-w-7xl px-4 py-5">
          {children}
        </main>
      </body>
    </html>
  );
}
