/** A key combination, each key in its own cap: `<Keys keys={['Alt', '1']} />`. */
export function Keys({ keys, label }: { keys: readonly string[]; label?: string }) {
  return (
    <span className="keys" aria-label={label ?? keys.join('+')}>
      {keys.map((key) => (
        <kbd key={key} className="kbd" aria-hidden="true">
          {key}
        </kbd>
      ))}
    </span>
  );
}
