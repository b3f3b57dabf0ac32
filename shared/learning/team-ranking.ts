/**
 * The team's ranking a pack carries (`ranking.yaml`, written by `inloop learn merge` from the
 * agents' bundles) read as learned priors: the same shares and caps as a device's own learning
 * (`knowledge-priors.ts`), from the team's counts instead of this device's decisions. The
 * knowledge service applies it as part of the pack's own ranking, before (and whether or not)
 * the device's learning re-ranks; it has no conversation memory and no remembered questions.
 */
import { analyze } from '../knowledge/analyzer';
import {
  addToCell,
  articleRef,
  emptyLearnedState,
  emptyPriorRow,
  type LearnedState,
} from './learned-state';
import { passageFingerprint } from './knowledge-priors';

/** One count of a pack's team ranking, its part resolved to the passage's text. */
export interface TeamRankingCount {
  readonly packId: string;
  readonly word: string;
  readonly articleId: string;
  /** The text of the passage the count is for; absent for the article as a whole. */
  readonly passage?: string;
  readonly used: number;
  readonly dismissed: number;
}

/** The counts as a learned state for `priorBoosts`; null when none applies. */
export function teamRankingState(counts: readonly TeamRankingCount[]): LearnedState | null {
  const state = emptyLearnedState();
  for (const c of counts) {
    const term = analyze(c.word)[0];
    if (term === undefined) continue;
    const row = state.terms.get(term) ?? emptyPriorRow(c.word);
    state.terms.set(term, row);
    if (c.passage !== undefined) {
      addToCell(row.passages, passageFingerprint(c.passage), c.used, c.dismissed);
      continue;
    }
    addToCell(row.cells, articleRef(state, c.packId, c.articleId), c.used, c.dismissed);
    row.weight += c.used + c.dismissed;
  }
  return state.terms.size > 0 ? state : null;
}
