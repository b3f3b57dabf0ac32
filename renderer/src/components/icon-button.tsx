import type { ReactNode } from 'react';
import { Icon, type IconName } from './icon';

export interface IconButtonProps {
  icon: IconName;
  /** The accessible name, also shown as the tooltip. */
  label: string;
  onClick(): void;
  /** For toggles: renders aria-pressed. */
  pressed?: boolean;
  disabled?: boolean;
  tone?: 'default' | 'accent' | 'warning';
  /** Extra class, e.g. to hide a secondary button in narrow windows. */
  className?: string;
  children?: ReactNode;
}

/** A square, icon-only button (with optional trailing text) used in headers and rows. */
export function IconButton({
  icon,
  label,
  onClick,
  pressed,
  disabled,
  tone = 'default',
  className,
  children,
}: IconButtonProps) {
  return (
    <button
      type="button"
      className={[
        'icon-button',
        `icon-button--${tone}`,
        children ? 'icon-button--with-text' : '',
        className ?? '',
      ]
        .filter(Boolean)
        .join(' ')}
      aria-label={children ? undefined : label}
      aria-pressed={pressed}
      title={label}
      disabled={disabled}
      onClick={onClick}
    >
      <Icon name={icon} />
      {children}
    </button>
  );
}
