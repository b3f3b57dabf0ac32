import type { ReactNode } from 'react';
import { ManagedNote, type ManagedBy } from './managed-note';

export interface FieldRowProps {
  label: string;
  /** The control's id, so the label names it. Omit when the control labels itself (fieldset). */
  htmlFor?: string;
  description?: ReactNode;
  /** id of the description, for the control's aria-describedby. */
  descriptionId?: string;
  /** Put the control under the text (wide controls such as a segmented choice). */
  stacked?: boolean;
  /** The enforced policy that locks this setting: the row says so (disable the control too). */
  managed?: ManagedBy;
  children: ReactNode;
}

/** A settings row: label and help text on the left, the control on the right. */
export function FieldRow({
  label,
  htmlFor,
  description,
  descriptionId,
  stacked,
  managed,
  children,
}: FieldRowProps) {
  return (
    <div className={`field-row${stacked ? ' field-row--stacked' : ''}`}>
      <div className="field-row__text">
        {htmlFor ? (
          <label className="field-row__label" htmlFor={htmlFor}>
            {label}
          </label>
        ) : (
          <span className="field-row__label">{label}</span>
        )}
        {description ? (
          <p className="field-row__description" id={descriptionId}>
            {description}
          </p>
        ) : null}
        {managed ? <ManagedNote by={managed} /> : null}
      </div>
      <div className="field-row__control">{children}</div>
    </div>
  );
}
