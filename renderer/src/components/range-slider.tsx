import { useEffect, useRef, useState } from 'react';

export interface RangeSliderProps {
  id: string;
  min: number;
  max: number;
  step: number;
  /** The saved value; the slider follows it except while the agent is dragging. */
  value: number;
  format(value: number): string;
  /** Called once the agent pauses, not on every pixel of a drag. */
  onCommit(value: number): Promise<unknown>;
  disabled?: boolean;
  describedBy?: string;
}

const COMMIT_DELAY_MS = 200;

/** A slider with its value beside it; holds a draft while dragging, then commits. */
export function RangeSlider({
  id,
  min,
  max,
  step,
  value,
  format,
  onCommit,
  disabled,
  describedBy,
}: RangeSliderProps) {
  const [draft, setDraft] = useState<number | null>(null);
  const timer = useRef<ReturnType<typeof setTimeout> | undefined>(undefined);
  const sequence = useRef(0);
  useEffect(() => () => clearTimeout(timer.current), []);

  const change = (next: number) => {
    setDraft(next);
    const mine = ++sequence.current;
    clearTimeout(timer.current);
    timer.current = setTimeout(() => {
      void onCommit(next).finally(() => {
        // A newer drag owns the draft; only the last commit hands back to the saved value.
        if (sequence.current === mine) setDraft(null);
      });
    }, COMMIT_DELAY_MS);
  };

  const shown = draft ?? value;
  return (
    <span className="range">
      <input
        id={id}
        type="range"
        className="range__input"
        min={min}
        max={max}
        step={step}
        value={shown}
        disabled={disabled}
        aria-describedby={describedBy}
        aria-valuetext={format(shown)}
        onChange={(event) => change(Number(event.target.value))}
      />
      <output className="range__value" htmlFor={id}>
        {format(shown)}
      </output>
    </span>
  );
}
