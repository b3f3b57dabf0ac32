/**
 * Learning: what this device learned (Settings → Learning shows it, forgets it), and the team
 * report of a folder of bundles the lead picks (the Team view). The on/off switches themselves
 * are settings (`settings.learning`), saved through `updateSettings`.
 */
import type { InloopApi } from '../../../shared/api';
import type { Result } from '../../../shared/result';
import type { LearningSummary, TeamReport } from '../../../shared/schemas/learning';
import type { SliceCreator } from './store';

/** The Team view's report: nothing asked, loading a folder, its report, or why not. */
export type TeamReportView =
  | { state: 'idle' }
  | { state: 'loading'; dir: string }
  | { state: 'done'; dir: string; report: TeamReport }
  | { state: 'failed'; dir: string; message: string };

export interface LearningSlice {
  /** Null until first asked. */
  learning: LearningSummary | null;
  teamOpen: boolean;
  teamReport: TeamReportView;
  setLearning(summary: LearningSummary): void;
  /** Ask the service what the device learned (Settings → Learning opening). */
  loadLearning(): Promise<Result<LearningSummary>>;
  /** "Forget what this device learned". */
  forgetLearning(): Promise<Result<LearningSummary>>;
  openTeam(): void;
  closeTeam(): void;
  /** The team report of the bundles in `dir` (a folder on the machine running the services). */
  loadTeamReport(dir: string): Promise<void>;
}

export const createLearningSlice =
  (api: InloopApi): SliceCreator<LearningSlice> =>
  (set, get) => ({
    learning: null,
    teamOpen: false,
    teamReport: { state: 'idle' },
    setLearning: (learning) => set({ learning }),
    async loadLearning() {
      const result = await api.learning.status();
      if (result.ok) set({ learning: result.value });
      return result;
    },
    async forgetLearning() {
      const result = await api.learning.forget();
      if (result.ok) set({ learning: result.value });
      else get().reportError('forget what this device learned', result.error);
      return result;
    },
    // One sheet at a time: the Team view replaces Settings (where it is opened from).
    openTeam: () => set({ teamOpen: true, settingsOpen: false, shortcutsOpen: false }),
    closeTeam: () => set({ teamOpen: false }),
    async loadTeamReport(dir) {
      set({ teamReport: { state: 'loading', dir } });
      const result = await api.learning.teamReport({ dir });
      // A later request for another folder wins.
      const now = get().teamReport;
      if (now.state !== 'loading' || now.dir !== dir) return;
      set({
        teamReport: result.ok
          ? { state: 'done', dir, report: result.value }
          : { state: 'failed', dir, message: result.error.message },
      });
    },
  });
