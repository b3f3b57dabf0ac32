/**
 * The thumbs up / down pair every suggestion carries; pressed state comes from the caller. Out
 * of the Tab order: the card they sit on takes `+` and `-` (their tooltips say so).
 */
import { Icon } from './icon';

export type Thumb = 'up' | 'down';

export function ThumbButtons({
  value,
  onThumb,
  labels,
}: {
  value: Thumb | null | undefined;
  onThumb: (thumb: Thumb) => void;
  /** Accessible names, e.g. `{ up: 'Helpful', down: 'Not helpful' }`. */
  labels: { up: string; down: string };
}) {
  return (
    <>
      <button
        type="button"
        className="icon-button"
        aria-label={labels.up}
        title={`${labels.up} (+)`}
        aria-pressed={value === 'up'}
        tabIndex={-1}
        onClick={() => onThumb('up')}
      >
        <Icon name="thumbs-up" size={14} />
      </button>
      <button
        type="button"
        className="icon-button"
        aria-label={labels.down}
        title={`${labels.down} (-)`}
        aria-pressed={value === 'down'}
        tabIndex={-1}
        onClick={() => onThumb('down')}
      >
        <Icon name="thumbs-down" size={14} />
      </button>
    </>
  );
}
