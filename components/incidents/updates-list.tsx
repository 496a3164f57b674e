import { fullUtc } from "../detail/format";

type Update = {
  id: string;
  statusLabel: string;
  body: string;
  createdAt: string;
  author: { kind: string; name: string };
};

/** Updates, newest first: the status in words, the message, when, and (for people signed in) who. */
export function UpdatesList({ updates, showAuthors }: { updates: Update[]; showAuthors: boolean }) {
  if (updates.length === 0) return <p className="text-sm">No updates yet.</p>;
  return (
    <ol className="space-y-3" aria-label="Updates, newest first">
      {updates.map((u) => (
        <li key={u.id} className="border-l-2 border-zinc-300 pl-3 dark:border-zinc-700">
          <p className="text-sm">
            <strong>{u.statusLabel}</strong>
            <span className="text-zinc-600 dark:text-zinc-400">
              {" · "}
              <time dateTime={u.createdAt}>{fullUtc(u.createdAt)}</time>
              {showAuthors && ` · ${u.author.name}`}
            </span>
          </p>
          <p className="text-sm break-words whitespace-pre-wrap">{u.body}</p>
        </li>
      ))}
    </ol>
  );
}
