/** What an import did: the files written, the items skipped and why, and the problems. */
import type { PackProblem } from '../../../../shared/packs/pack-schemas';

export interface SkippedItem {
  /** The item as a person would name it: `article 360001234 "Returns"`, `row 7 "Refund"`. */
  item: string;
  reason: string;
}

export interface ImportSummary {
  /** Paths written, relative to the pack source folder. */
  written: string[];
  skipped: SkippedItem[];
  problems: PackProblem[];
}

/** `2 drafts, 1 duplicate`: skip reasons counted, for a one-line report. */
export function countReasons(skipped: readonly SkippedItem[]): string {
  const counts = new Map<string, number>();
  for (const { reason } of skipped) {
    const key = reason.split(':')[0]!;
    counts.set(key, (counts.get(key) ?? 0) + 1);
  }
  return [...counts].map(([reason, n]) => `${n} ${reason}`).join(', ');
}
