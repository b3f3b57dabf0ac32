/**
 * Notices: what the services announce (`app:notice`) and what went wrong with the agent's
 * own requests. Each has a stable id, so a repeat replaces the old one instead of stacking.
 */
import type { ApiError } from '../../../shared/result';
import type { Notice } from '../../../shared/schemas/app';
import type { SliceCreator } from './store';

/** A notice on screen; `source` tells an announcement from a failed request. */
export interface UiNotice extends Notice {
  source: 'app' | 'request';
}

export interface NoticesSlice {
  notices: UiNotice[];
  /** Show a notice, replacing one with the same id. */
  showNotice(notice: UiNotice): void;
  dismissNotice(id: string): void;
  /** Show why `action` failed (e.g. "save settings"), with the service's own message. */
  reportError(action: string, error: ApiError): void;
}

/** Older notices drop off past this many, so the area never pushes the panels away. */
export const MAX_NOTICES = 4;

/** The id a failed `action` is shown under; a retry's failure replaces it. */
export const requestNoticeId = (action: string) => `request:${action}`;

export const createNoticesSlice: SliceCreator<NoticesSlice> = (set) => ({
  notices: [],
  showNotice: (notice) => set((state) => ({ notices: upsertNotice(state.notices, notice) })),
  dismissNotice: (id) =>
    set((state) => ({ notices: state.notices.filter((notice) => notice.id !== id) })),
  reportError: (action, error) =>
    set((state) => ({
      notices: upsertNotice(state.notices, {
        id: requestNoticeId(action),
        level: 'error',
        message: `Couldn't ${action}. ${error.message}`,
        source: 'request',
      }),
    })),
});

/** The list with `notice` last (replacing any with its id), capped at MAX_NOTICES. */
export function upsertNotice(notices: readonly UiNotice[], notice: UiNotice): UiNotice[] {
  const others = notices.filter((existing) => existing.id !== notice.id);
  return [...others, notice].slice(-MAX_NOTICES);
}
