"use client";

// Shown when the root layout itself fails (its header reads the session from the store), so it
// brings its own document and styles: nothing of the layout can be relied on.
const css = `
:root{color-scheme:light dark;font-family:ui-sans-serif,system-ui,sans-serif}
body{margin:0;background:#fff;color:#18181b}
header{border-bottom:1px solid #e4e4e7;padding:12px 16px;font-weight:600}
main{max-width:36rem;margin:0 auto;padding:64px 16px;text-align:center}
p{color:#3f3f46;line-height:1.5}
button{border:0;border-radius:6px;background:#2563eb;color:#fff;padding:8px 16px;font:inherit;font-size:.875rem;cursor:pointer}
@media (prefers-color-scheme:dark){body{background:#09090b;color:#f4f4f5}header{border-color:#27272a}p{color:#d4d4d8}}
`;

export default function GlobalError({
  error,
  retry,
}: {
  error: Error & { digest?: string };
  retry: () => void;
}) {
  return (
    <html lang="en">
      <head>
        <title>Standfast could not show this page</title>
        <style>{css}</style>
      </head>
      <body>
        <header>Standfast</header>
        <main role="alert">
          <h1>Standfast could not show this page</h1>
          <p>
            It could not read what the page needs. If the status store is unreachable, the page will
            work again as soon as it is back. The error is in the server log
            {error.digest ? ` (reference ${error.digest})` : ""}.
          </p>
          <button type="button" onClick={retry}>
            Try again
          </button>
        </main>
      </body>
    </html>
  );
}
