/** A channel's input level, 0…1 RMS shown on a log scale (speech sits around −30 dBFS). */
export function LevelMeter({ label, level }: { label: string; level: number }) {
  const db = level > 0 ? 20 * Math.log10(level) : -100;
  // −60 dBFS and below reads as empty, −10 dBFS as full.
  const fill = Math.max(0, Math.min(1, (db + 60) / 50));
  return (
    <div
      className="level-meter"
      role="meter"
      aria-label={`${label} level`}
      aria-valuemin={0}
      aria-valuemax={100}
      aria-valuenow={Math.round(fill * 100)}
    >
      <span className="level-meter__label">{label}</span>
      <span className="level-meter__track">
        <span className="level-meter__fill" data-fill={Math.round(fill * 10)} />
      </span>
    </div>
  );
}
