export type ComponentOption = { id: string; name: string; group: string };

/** Checkboxes for components, grouped by service; `checked` are ticked to start with. */
export function ComponentPicker({
  idPrefix,
  options,
  checked,
  error,
  legend = "Affected components",
}: {
  idPrefix: string;
  options: ComponentOption[];
  checked: string[];
  error?: string;
  legend?: string;
}) {
  const groups = [...new Set(options.map((o) => o.group))];
  return (
    <fieldset
      className="rounded-md border border-zinc-300 px-3 py-2 dark:border-zinc-700"
      aria-describedby={error ? `${idPrefix}-components-error` : undefined}
    >
      <legend className="px-1 text-sm font-medium">{legend}</legend>
      <div className="grid max-h-64 gap-x-6 gap-y-2 overflow-y-auto sm:grid-cols-2">
        {groups.map((g) => (
          <div key={g}>
            <p className="text-xs font-semibold text-zinc-600 dark:text-zinc-400">{g}</p>
            {options
              .filter((o) => o.group === g)
              .map((o) => (
                <label key={o.id} className="flex items-center gap-2 text-sm">
                  <input
                    type="checkbox"
                    name="components"
                    value={o.id}
                    defaultChecked={checked.includes(o.id)}
                  />
                  {o.name}
                </label>
              ))}
          </div>
        ))}
      </div>
      {error && (
        <p
          id={`${idPrefix}-components-error`}
          className="mt-1 text-xs font-medium text-red-700 dark:text-red-300"
        >
          {error}
        </p>
      )}
    </fieldset>
  );
}
