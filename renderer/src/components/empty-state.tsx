import type { ReactNode } from 'react';
import { Icon, type IconName } from './icon';

export interface EmptyStateProps {
  /** Only the main panel's empty state carries an icon; the others are quiet text. */
  icon?: IconName;
  title: string;
  /** What will appear here, and how it gets here. */
  children: ReactNode;
  /** A next step: a key hint or a small action. */
  hint?: ReactNode;
}

/** What a panel shows before it has content: what will appear, and what the agent can do. */
export function EmptyState({ icon, title, children, hint }: EmptyStateProps) {
  return (
    <div className={`empty-state${icon ? ' empty-state--hero' : ''}`}>
      {icon ? (
        <span className="empty-state__icon">
          <Icon name={icon} size={20} />
        </span>
      ) : null}
      <div className="empty-state__text">
        <p className="empty-state__title">{title}</p>
        <p className="empty-state__body">{children}</p>
        {hint ? <div className="empty-state__hint">{hint}</div> : null}
      </div>
    </div>
  );
}
