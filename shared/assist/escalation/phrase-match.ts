/**
 * Phrase matching for escalation triggers: a phrase matches a turn when its Porter stems occur
 * as consecutive words of the turn (so "cancel" finds "cancelling" but "sue" never finds
 * "issue"), unless a negation shortly before it denies it ("I'm not going to sue").
 */
import { porterStem } from '../../knowledge/stemmer';
import { words } from '../../knowledge/tokenizer';

/** A text prepared for matching: its words and their stems. */
export interface MatchText {
  readonly words: readonly string[];
  readonly stems: readonly string[];
}

const NEGATIONS = new Set(['not', 'never', 'no', 't', 'cannot', 'nt', 'wont', 'dont']);
/** How many words before a match a negation still denies it. */
const NEGATION_WINDOW = 4;

/** Words and stems of `text` (apostrophes split words, as the tokenizer does). */
export function prepare(text: string): MatchText {
  const ws = words(text.replace(/’/g, "'"));
  return { words: ws, stems: ws.map(porterStem) };
}

const phraseCache = new Map<string, MatchText>();

/** `prepare` for rule phrases, memoised: the same phrases are matched on every new turn. */
export function preparePhrase(phrase: string): MatchText {
  let p = phraseCache.get(phrase);
  if (!p) {
    p = prepare(phrase);
    if (phraseCache.size < 10_000) phraseCache.set(phrase, p);
  }
  return p;
}

/** The word position where `phrase` first matches un-negated in `text`, or -1. */
export function matchPhrase(text: MatchText, phrase: MatchText): number {
  const n = phrase.stems.length;
  if (n === 0) return -1;
  for (let i = 0; i + n <= text.stems.length; i++) {
    let same = true;
    for (let k = 0; k < n && same; k++) same = text.stems[i + k] === phrase.stems[k];
    if (!same) continue;
    const window = text.words.slice(Math.max(0, i - NEGATION_WINDOW), i);
    if (!window.some((w) => NEGATIONS.has(w))) return i;
  }
  return -1;
}
