/**
 * Phrase matching for escalation triggers: a phrase matches a turn when its Porter stems occur
 * in order in one clause of the turn, with at most `MAX_INSERTED` other words between them in
 * all (so "cancel" finds "cancelling", "dispute with my bank" finds "dispute the charge with my
 * bank", but "sue" never finds "issue"), unless a negation shortly before it in the same clause
 * denies it ("I'm not going to sue"; "I'm not happy, I want to cancel" still matches).
 */
import { porterStem } from '../../knowledge/stemmer';
import { words } from '../../knowledge/tokenizer';

/** A text prepared for matching: its words, their stems and the clause each word is in. */
export interface MatchText {
  readonly words: readonly string[];
  readonly stems: readonly string[];
  /** Clause number of each word (clauses end at . , ; : ! ? and before "but"). */
  readonly clauses: readonly number[];
}

const NEGATIONS = new Set(['not', 'never', 'no', 't', 'cannot', 'nt', 'wont', 'dont']);
/** How many words before a match a negation still denies it. */
const NEGATION_WINDOW = 4;
/** Words a text may insert among a phrase's words, in all. */
export const MAX_INSERTED = 2;

const CLAUSE_BREAK = /[.,;:!?]+|\s(?=but\s)/;

/** Words, stems and clauses of `text` (apostrophes split words, as the tokenizer does). */
export function prepare(text: string): MatchText {
  const ws: string[] = [];
  const clauses: number[] = [];
  text
    .replace(/’/g, "'")
    .split(CLAUSE_BREAK)
    .forEach((clause, n) => {
      for (const w of words(clause)) {
        ws.push(w);
        clauses.push(n);
      }
    });
  return { words: ws, stems: ws.map(porterStem), clauses };
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

/** The end (exclusive) of `phrase` matched from `start` in `text`, or -1. */
function matchFrom(text: MatchText, phrase: MatchText, start: number): number {
  let at = start + 1;
  let inserted = 0;
  for (let k = 1; k < phrase.stems.length; k++) {
    while (
      at < text.stems.length &&
      text.stems[at] !== phrase.stems[k] &&
      inserted < MAX_INSERTED &&
      text.clauses[at] === text.clauses[start] &&
      !NEGATIONS.has(text.words[at]!)
    ) {
      at++;
      inserted++;
    }
    if (
      at >= text.stems.length ||
      text.stems[at] !== phrase.stems[k] ||
      text.clauses[at] !== text.clauses[start]
    ) {
      return -1;
    }
    at++;
  }
  return at;
}

/** The word position where `phrase` first matches un-negated in `text`, or -1. */
export function matchPhrase(text: MatchText, phrase: MatchText): number {
  if (phrase.stems.length === 0) return -1;
  for (let i = 0; i < text.stems.length; i++) {
    if (text.stems[i] !== phrase.stems[0]) continue;
    if (matchFrom(text, phrase, i) < 0) continue;
    let negated = false;
    for (let j = i - 1; j >= Math.max(0, i - NEGATION_WINDOW); j--) {
      if (text.clauses[j] !== text.clauses[i]) break;
      if (NEGATIONS.has(text.words[j]!)) negated = true;
    }
    if (!negated) return i;
  }
  return -1;
}
