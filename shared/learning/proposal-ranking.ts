/**
 * The team's ranking a proposal writes to `ranking.yaml`: for each word the customers said that
 * at least `MIN_AGENTS` agents' bundles carry (each passed k on its device), how often agents
 * used (or dismissed) each article and each part of it under it, summed over the bundles. A
 * part is named by the start of its passage's text (`partQuote`), which the build resolves again
 * and a team lead can read; a part no passage of the source has (another pack's, or rewritten)
 * is left out. The counts replace the file's: bundles carry each device's totals.
 */
import { analyze } from '../knowledge/analyzer';
import { normalizeQuote } from '../packs/pack-schemas';
import { passageFingerprint } from './knowledge-priors';
import type { MergedLearning } from './team-merge';

/** Agents whose bundles must carry a word before the team ranks by it. */
export const RANKING_MIN_AGENTS = 2;
/** Words a part's quote has at least (more when another part of the article starts alike). */
const QUOTE_WORDS = 8;

/** One entry of the proposed `ranking.yaml`. */
export interface RankingProposalEntry {
  readonly word: string;
  readonly articleId: string;
  /** The start of the part's text; absent for the article as a whole. */
  readonly part?: string;
  readonly used: number;
  readonly dismissed: number;
  readonly agents: number;
}

/** The passages of the pack source, for naming parts. */
export interface SourcePassage {
  readonly articleId: string;
  readonly text: string;
}

/** A quote is at most this long (`ranking.yaml` allows 200 characters). */
const QUOTE_CHARS = 160;

/**
 * The shortest start of `text` (at least `QUOTE_WORDS` words, at most `QUOTE_CHARS` characters)
 * that no other passage of `siblings` starts with; when every start that short is shared, the
 * longest (the build then takes the first part that starts so).
 */
export function partQuote(text: string, siblings: readonly string[]): string {
  const whole = normalizeQuote(text);
  const words = whole.split(' ');
  const others = siblings.map(normalizeQuote).filter((s) => s !== whole);
  let quote = words[0]!.slice(0, QUOTE_CHARS);
  for (let n = 1; n <= words.length; n++) {
    const next = words.slice(0, n).join(' ');
    if (next.length > QUOTE_CHARS) break;
    quote = next;
    if (n >= QUOTE_WORDS && !others.some((o) => o.startsWith(quote))) break;
  }
  return quote;
}

const round = (x: number) => Math.round(x * 100) / 100;

/** The ranking entries `merged` proposes for pack `packId` with passages `passages`. */
export function proposedRanking(
  merged: MergedLearning,
  packId: string,
  passages: readonly SourcePassage[],
): RankingProposalEntry[] {
  const words = new Map<string, string>();
  for (const cell of merged.articleTerms.values())
    if (!words.has(cell.term) && analyze(cell.word)[0] === cell.term)
      words.set(cell.term, cell.word);
  const agreed = (term: string) =>
    words.has(term) && (merged.termDevices.get(term)?.size ?? 0) >= RANKING_MIN_AGENTS;
  const byArticle = new Map<string, string[]>();
  for (const p of passages) {
    const texts = byArticle.get(p.articleId);
    if (texts) texts.push(p.text);
    else byArticle.set(p.articleId, [p.text]);
  }
  // Each part's quote, made once (a part is counted under many words).
  const parts = new Map<string, { articleId: string; text: string; quote?: string }>();
  for (const p of passages) parts.set(passageFingerprint(p.text), { ...p });
  const quoteOf = (part: { articleId: string; text: string; quote?: string }) =>
    (part.quote ??= partQuote(part.text, byArticle.get(part.articleId) ?? []));
  const entries: RankingProposalEntry[] = [];
  for (const cell of merged.articleTerms.values()) {
    if (cell.packId !== packId || !agreed(cell.term) || !byArticle.has(cell.articleId)) continue;
    entries.push({
      word: words.get(cell.term)!,
      articleId: cell.articleId,
      used: round(cell.used),
      dismissed: round(cell.dismissed),
      agents: cell.devices.size,
    });
  }
  for (const cell of merged.passageTerms.values()) {
    const part = parts.get(cell.passage);
    if (!part || !agreed(cell.term)) continue;
    entries.push({
      word: words.get(cell.term)!,
      articleId: part.articleId,
      part: quoteOf(part),
      used: round(cell.used),
      dismissed: round(cell.dismissed),
      agents: cell.devices.size,
    });
  }
  return entries.sort(
    (a, b) =>
      a.articleId.localeCompare(b.articleId) ||
      (a.part ?? '').localeCompare(b.part ?? '') ||
      a.word.localeCompare(b.word),
  );
}
