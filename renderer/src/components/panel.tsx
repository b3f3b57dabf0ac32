import type { ReactNode } from 'react';
import type { PanelId } from '../panels/panel-ids';
import { Icon, type IconName } from './icon';
import { Keys } from './kbd';

export interface PanelProps {
  id: PanelId;
  title: string;
  icon: IconName;
  /** The key that jumps here, e.g. ['Alt', '1']. */
  shortcut: readonly string[];
  collapsed: boolean;
  onToggle(): void;
  /** Small text after the title: a count, a status. */
  meta?: ReactNode;
  children: ReactNode;
}

/**
 * One panel of the shell: a labelled region (a focus stop for Alt+N and F6) whose heading
 * is a disclosure button, so narrow windows can fold what the agent does not need.
 */
export function Panel({
  id,
  title,
  icon,
  shortcut,
  collapsed,
  onToggle,
  meta,
  children,
}: PanelProps) {
  const titleId = `panel-${id}-title`;
  const bodyId = `panel-${id}-body`;
  return (
    <section
      className="panel"
      id={`panel-${id}`}
      aria-labelledby={titleId}
      tabIndex={-1}
      data-region={id}
      data-collapsed={collapsed || undefined}
    >
      <header className="panel__header">
        <h2 className="panel__heading" id={titleId}>
          <button
            type="button"
            className="panel__toggle"
            aria-expanded={!collapsed}
            aria-controls={bodyId}
            onClick={onToggle}
          >
            <span className="panel__icon">
              <Icon name={icon} />
            </span>
            <span className="panel__title">{title}</span>
            <span className="panel__chevron">
              <Icon name="chevron" size={14} />
            </span>
          </button>
        </h2>
        {meta ? <span className="panel__meta">{meta}</span> : null}
        <span className="panel__shortcut">
          <Keys keys={shortcut} label={`Shortcut ${shortcut.join('+')}`} />
        </span>
      </header>
      <div className="panel__body" id={bodyId} hidden={collapsed}>
        {children}
      </div>
    </section>
  );
}
