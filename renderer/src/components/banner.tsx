import type { ReactNode } from 'react';
import { Icon, type IconName } from './icon';

export interface BannerProps {
  tone: 'info' | 'warning' | 'error';
  icon: IconName;
  children: ReactNode;
  action?: ReactNode;
  /** Delay the fade-in, so a state that lasts a blink never flashes. */
  delayed?: boolean;
}

/** A full-width strip under the header for states that affect the whole app. */
export function Banner({ tone, icon, children, action, delayed }: BannerProps) {
  return (
    <div className={`banner banner--${tone}${delayed ? ' banner--delayed' : ''}`}>
      <span className="banner__icon">
        <Icon name={icon} />
      </span>
      <p className="banner__text">{children}</p>
      {action ? <span className="banner__action">{action}</span> : null}
    </div>
  );
}
