import type { Metadata, Viewport } from "next";
import { SiteHeader } from "@/components/nav/site-header";
import { StatusSprite } from "@/components/status/status-sprite";
import { getSettings } from "@/lib/settings";
import "./globals.css";

const description =
  "Live status, backup compliance and guarded restores for an integration service estate.";

/** Files in public/: the shield of the header, and the board as a link preview (1200×630). */
export function generateMetadata(): Metadata {
  const settings = getSettings();
  const publicUrl = settings.STANDFAST_PUBLIC_URL ?? `http://localhost:${settings.PORT}`;
  const image = {
    url: "/og.png",
    width: 1200,
    height: 630,
    alt: "The Standfast status board: regions by kind of component, each with its status",
  };
  return {
    // Link previews need absolute URLs: the address people open (README: STANDFAST_PUBLIC_URL).
    metadataBase: new URL(publicUrl),
    title: { default: "Standfast", template: "%s · Standfast" },
    description,
    icons: { icon: [{ url: "/favicon.svg", type: "image/svg+xml" }] },
    openGraph: { title: "Standfast", description, siteName: "Standfast", images: [image] },
    twitter: { card: "summary_large_image", title: "Standfast", description, images: [image] },
  };
}

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
