/**
 * Knowledge gaps: a customer question the installed articles do not answer well. Search
 * scores are normalised per list (the best hit is always 1), so "answered well" is measured
 * as the share of the question's content words that the best passage contains.
 */
import { analyze } from '../knowledge/analyzer';
import type { SearchHit } from '../schemas/knowledge';
import { isSmallTalk } from './suggest/small-talk';

/** Below this share of the question's terms in the best passage, the question is a gap. */
export const GAP_COVERAGE = 0.34;

/** The share (0..1) of the question's content terms found in the best passage. */
export function answerCoverage(question: string, hits: readonly SearchHit[]): number {
  const terms = new Set(analyze(question));
  const best = hits[0];
  if (terms.size === 0) return 1;
  if (!best) return 0;
  const passage = new Set(analyze(`${best.title} ${best.passage}`));
  let found = 0;
  for (const term of terms) if (passage.has(term)) found += 1;
  return found / terms.size;
}

/** True when `text` reads as a question or a request for help. */
export function isQuestion(text: string): boolean {
  return /\?|^\s*(how|what|why|when|where|can|could|do|does|is|are|will|would|i need|i want|help)\b/i.test(
    text,
  );
}

/**
 * True when the customer's message is a knowledge gap: a question the best passage covers
 * poorly, or any message with content for which retrieval found nothing at all.
 */
export function isKnowledgeGap(text: string, hits: readonly SearchHit[]): boolean {
  if (isSmallTalk(text, 2)) return false;
  if (hits.length === 0) return true;
  return isQuestion(text) && answerCoverage(text, hits) < GAP_COVERAGE;
}
