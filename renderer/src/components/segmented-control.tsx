export interface SegmentOption<T extends string> {
  value: T;
  label: string;
}

export interface SegmentedControlProps<T extends string> {
  /** Radio group name; also the base of the inputs' ids. */
  name: string;
  /** The group's accessible name. */
  label: string;
  options: readonly SegmentOption<T>[];
  value: T | undefined;
  onChange(value: T): void;
  disabled?: boolean;
  describedBy?: string;
}

/** A one-of-few choice drawn as joined buttons; native radios, so arrow keys move the choice. */
export function SegmentedControl<T extends string>({
  name,
  label,
  options,
  value,
  onChange,
  disabled,
  describedBy,
}: SegmentedControlProps<T>) {
  return (
    <div className="segmented" role="radiogroup" aria-label={label} aria-describedby={describedBy}>
      {options.map((option) => {
        const id = `${name}-${option.value}`;
        return (
          <span className="segmented__item" key={option.value}>
            <input
              type="radio"
              className="segmented__input"
              id={id}
              name={name}
              value={option.value}
              checked={value === option.value}
              disabled={disabled}
              onChange={() => onChange(option.value)}
            />
            <label className="segmented__label" htmlFor={id}>
              {option.label}
            </label>
          </span>
        );
      })}
    </div>
  );
}
