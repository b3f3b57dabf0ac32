/**
 * The phrases customers keep using for an intent: what a team bundle may carry of the intent
 * examples a device learned when no whole example was seen often enough to leave it. A whole
 * utterance is rarely said twice the same way, so under the k rule (a customer's words leave the
 * device only when seen in at least k conversations) almost no learned example would ever reach
 * the team lead; its short phrases ("routing number", "card declined") recur. A phrase is one to
 * `MAX_PHRASE_WORDS` words of one redacted example, neither ending in a stop word, never holding
 * or spanning a redaction mask, counted once per conversation that said it.
 */
import { MASK_SHAPE } from '../assist/pii/redact';
import { isStopWord } from '../knowledge/stop-words';
import { words } from '../knowledge/tokenizer';
import type { SeenText } from './learned-state';

/** The longest phrase, in words. */
export const MAX_PHRASE_WORDS = 3;
/** Phrases a bundle carries per intent at most (the most seen). */
export const MAX_PHRASES_PER_INTENT = 30;

/** The distinct phrases of one redacted text, lower-cased. */
export function phrasesOf(text: string): Set<string> {
  const out = new Set<string>();
  // A redaction mask (or anything written like one) splits the text: no phrase holds one or
  // runs across it.
  for (const piece of text.split(MASK_SHAPE)) {
    const run = words(piece.toLowerCase());
    for (let n = 1; n <= MAX_PHRASE_WORDS; n++)
      for (let i = 0; i + n <= run.length; i++) {
        if (isStopWord(run[i]!) || isStopWord(run[i + n - 1]!)) continue;
        out.add(run.slice(i, i + n).join(' '));
      }
  }
  return out;
}

/**
 * The phrases of an intent's learned examples said in at least `k` conversations, most said
 * first, at most `MAX_PHRASES_PER_INTENT`; ties in a stable order (longer first, then by text).
 */
export function commonPhrases(
  examples: readonly SeenText[],
  k: number,
): { phrase: string; conversations: number }[] {
  const counts = new Map<string, number>();
  for (const example of examples)
    for (const phrase of phrasesOf(example.text))
      counts.set(phrase, (counts.get(phrase) ?? 0) + example.c);
  return [...counts]
    .filter(([, c]) => c >= Math.max(1, k))
    .sort(
      (a, b) =>
        b[1] - a[1] || b[0].split(' ').length - a[0].split(' ').length || a[0].localeCompare(b[0]),
    )
    .slice(0, MAX_PHRASES_PER_INTENT)
    .map(([phrase, conversations]) => ({ phrase, conversations }));
}
