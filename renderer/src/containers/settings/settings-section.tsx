import type { ReactNode } from 'react';
import { Icon } from '../../components/icon';

export interface SettingsSectionProps {
  id: string;
  title: string;
  intro?: ReactNode;
  /** Why some of this section's controls are off here; controls point at it with `noteId`. */
  note?: ReactNode;
  children: ReactNode;
}

/** The id of a section's note, for `aria-describedby` on the controls it explains. */
export const sectionNoteId = (id: string) => `settings-${id}-note`;

/** A titled group of settings rows. */
export function SettingsSection({ id, title, intro, note, children }: SettingsSectionProps) {
  return (
    <section className="settings-section" aria-labelledby={`settings-${id}`}>
      <h3 className="settings-section__title" id={`settings-${id}`}>
        {title}
      </h3>
      {intro ? <p className="settings-section__intro">{intro}</p> : null}
      {note ? (
        <p className="settings-note" id={sectionNoteId(id)}>
          <Icon name="info" size={14} />
          <span>{note}</span>
        </p>
      ) : null}
      <div className="settings-section__rows">{children}</div>
    </section>
  );
}
