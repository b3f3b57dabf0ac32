/** The thumbs up / down pair every suggestion carries; pressed state comes from the caller. */
import { Icon } from './icon';

export type Thumb = 'up' | 'down';

export function ThumbButtons({
  value,
  onThumb,
  labels,
  tabIndex,
}: {
  value: Thumb | null | undefined;
  onThumb: (thumb: Thumb) => void;
  /** -1 keeps them out of the Tab order (a card's keys do the same). */
  tabIndex?: number;
  /** Accessible names and tooltips, e.g. `{ up: 'Helpful', down: 'Not helpful' }`. */
  labels: { up: string; down: string; upTitle?: string; downTitle?: string };
}) {
  return (
    <>
      <button
        type="button"
        className="icon-button"
        aria-label={labels.up}
        title={labels.upTitle ?? labels.up}
        aria-pressed={value === 'up'}
        tabIndex={tabIndex}
        onClick={() => onThumb('up')}
      >
        <Icon name="thumbs-up" size={14} />
      </button>
      <button
        type="button"
        className="icon-button"
        aria-label={labels.down}
        title={labels.downTitle ?? labels.down}
        aria-pressed={value === 'down'}
        tabIndex={tabIndex}
        onClick={() => onThumb('down')}
      >
        <Icon name="thumbs-down" size={14} />
      </button>
    </>
  );
}
