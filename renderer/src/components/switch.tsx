export interface SwitchProps {
  id: string;
  checked: boolean;
  onChange(checked: boolean): void;
  disabled?: boolean;
  describedBy?: string;
}

/** An on/off switch: a real checkbox with role="switch", drawn as a track and knob. */
export function Switch({ id, checked, onChange, disabled, describedBy }: SwitchProps) {
  return (
    <span className="switch">
      <input
        id={id}
        type="checkbox"
        role="switch"
        className="switch__input"
        checked={checked}
        disabled={disabled}
        aria-describedby={describedBy}
        onChange={(event) => onChange(event.target.checked)}
      />
      <span className="switch__track" aria-hidden="true">
        <span className="switch__knob" />
      </span>
    </span>
  );
}
