/**
 * The notices region (an F6 stop): announcements and errors, and a status line. Info and
 * warnings go to a polite live region, errors to an assertive one; both always exist, so
 * screen readers hear a notice the moment it lands.
 */
import { useEffect } from 'react';
import { useShallow } from 'zustand/react/shallow';
import { NoticeItem } from '../components/notice-item';
import type { UiNotice } from '../state/notices-slice';
import { useInloop } from '../state/use-inloop';
import { StatusLine } from './status-line';

/** Info notices leave on their own; warnings and errors stay until dismissed. */
const INFO_LIFETIME_MS = 8000;

export function NoticeArea() {
  const calm = useInloop(useShallow((s) => s.notices.filter((n) => n.level !== 'error')));
  const errors = useInloop(useShallow((s) => s.notices.filter((n) => n.level === 'error')));
  const dismiss = useInloop((s) => s.dismissNotice);
  useAutoDismiss(calm, dismiss);

  return (
    <section
      className="notices"
      aria-labelledby="notices-title"
      data-region="notices"
      tabIndex={-1}
    >
      <h2 id="notices-title" className="visually-hidden">
        Notices
      </h2>
      <div className="notices__list" role="status" aria-live="polite">
        {calm.map((notice) => (
          <NoticeItem
            key={notice.id}
            level={notice.level}
            message={notice.message}
            onDismiss={() => dismiss(notice.id)}
          />
        ))}
      </div>
      <div className="notices__list" role="alert" aria-live="assertive">
        {errors.map((notice) => (
          <NoticeItem
            key={notice.id}
            level="error"
            message={notice.message}
            onDismiss={() => dismiss(notice.id)}
          />
        ))}
      </div>
      <StatusLine />
    </section>
  );
}

function useAutoDismiss(notices: readonly UiNotice[], dismiss: (id: string) => void) {
  const infoIds = notices
    .filter((n) => n.level === 'info')
    .map((n) => n.id)
    .join('\n');
  useEffect(() => {
    if (infoIds === '') return;
    const timers = infoIds.split('\n').map((id) => setTimeout(() => dismiss(id), INFO_LIFETIME_MS));
    return () => timers.forEach(clearTimeout);
  }, [infoIds, dismiss]);
}
