/**
 * A key combination, each key in its own cap: `<Keys keys={['Alt', '1']} />`. Screen readers
 * hear `label` (default "Alt+1") as text: a plain span may not carry an aria-label.
 */
export function Keys({ keys, label }: { keys: readonly string[]; label?: string }) {
  return (
    <span className="keys">
      <span className="visually-hidden">{label ?? keys.join('+')}</span>
      {keys.map((key) => (
        <kbd key={key} className="kbd" aria-hidden="true">
          {key}
        </kbd>
      ))}
    </span>
  );
}
