/**
 * The live gist: one extractive paragraph naming the customer's issue and where the
 * conversation stands now, from the conversation's own sentences. Sentences are scored by how
 * central they are to the whole conversation (TF-IDF cosine, IDF over its sentences; the
 * customer's count more). The gist takes the best sentence of the opening turns (the issue),
 * the best of the closing turns (the latest state), then the most central others while words
 * remain, and reads them in conversation order. Small talk never qualifies.
 */
import { isSmallTalk } from './suggest/small-talk';
import { clipWords, cosine, sentences, termVector, wordCount } from './suggest/text';
import type { SpokenTurn } from './suggest/customer-query';

/** Knobs of the gist; the defaults are tuned on the first half of dialogsum-dev. */
export interface GistOptions {
  /** Words at most. */
  readonly maxWords: number;
  /** Sentences at most. */
  readonly maxSentences: number;
  /** Score multiplier for the customer's sentences. */
  readonly customerWeight: number;
  /** Score multiplier for the agent's questions (procedure, "could I have your order ID?"). */
  readonly agentQuestionWeight: number;
  /** The issue is looked for in the first `earlyTurns` turns. */
  readonly earlyTurns: number;
  /** The latest state is looked for in the last `lateTurns` turns (0: no latest-state slot). */
  readonly lateTurns: number;
  /** Sentences with fewer substantive words are small talk. */
  readonly minContentWords: number;
}

export const DEFAULT_GIST_OPTIONS: GistOptions = {
  maxWords: 45,
  maxSentences: 4,
  customerWeight: 1.2,
  // 0.6 reads better on retail chats but costs 0.3 ROUGE-1 and ROUGE-2 on dialogsum: off.
  agentQuestionWeight: 1,
  earlyTurns: 3,
  lateTurns: 3,
  minContentWords: 3,
};

/** One sentence of the conversation with where it was said and its score. */
interface Unit {
  readonly text: string;
  readonly role: SpokenTurn['role'];
  readonly turn: number;
  readonly order: number;
  readonly words: number;
  readonly score: number;
}

function scoredUnits(turns: readonly SpokenTurn[], options: GistOptions): Unit[] {
  const raw = turns.flatMap((t, turn) =>
    sentences(t.text)
      .map(trimmed)
      .map((text) => ({ text, turn, role: t.role, vector: termVector(text) })),
  );
  const df = new Map<string, number>();
  for (const u of raw) for (const t of u.vector.keys()) df.set(t, (df.get(t) ?? 0) + 1);
  const n = raw.length;
  const vectors = raw.map((u) => {
    const v = new Map<string, number>();
    for (const [t, tf] of u.vector) v.set(t, tf * Math.log(1 + n / (df.get(t) ?? 1)));
    return v;
  });
  const whole = new Map<string, number>();
  for (const v of vectors) for (const [t, w] of v) whole.set(t, (whole.get(t) ?? 0) + w);
  return raw
    .map((u, order) => ({
      text: u.text,
      role: u.role,
      turn: u.turn,
      order,
      words: wordCount(u.text),
      score: cosine(vectors[order]!, whole) * roleWeight(u.role, u.text, options),
      // A bare answer ("WB-48213", an e-mail address) is not a sentence to quote.
      smallTalk: wordCount(u.text) < 4 || isSmallTalk(u.text, options.minContentWords),
    }))
    .filter((u) => !u.smallTalk);
}

// Leading interjections say nothing in a summary: "Well, yes, the zip is broken" → "The zip…".
const INTERJECTIONS =
  /^(?:(?:well|oh|ah|um|uh|so|yes|yeah|no|ok|okay|sure|right|hi|hello|hey|thanks|thank you|excuse me|sorry)\s*[,!.]\s*)+/i;

function trimmed(text: string): string {
  const rest = text.replace(INTERJECTIONS, '');
  return rest.length > 0 ? rest.charAt(0).toUpperCase() + rest.slice(1) : text;
}

const ROLE_LABEL: Readonly<Record<SpokenTurn['role'], string>> = {
  customer: 'Customer',
  agent: 'Agent',
};

function roleWeight(role: SpokenTurn['role'], text: string, options: GistOptions): number {
  if (role === 'customer') return options.customerWeight;
  return text.trimEnd().endsWith('?') ? options.agentQuestionWeight : 1;
}

/** `text` ending in a full stop when it has no closing punctuation, so quotes read apart. */
function closed(text: string): string {
  return /[.!?…"')\]]$/.test(text) ? text : `${text}.`;
}

const best = (units: readonly Unit[]) =>
  units.reduce<Unit | null>((b, u) => (b === null || u.score > b.score ? u : b), null);

/** A sentence the gist quotes and who said it. */
export interface GistSentence {
  readonly text: string;
  readonly role: SpokenTurn['role'];
}

/** The gist's sentences, in conversation order (exported for the evaluation and tests). */
export function gistSentences(
  turns: readonly SpokenTurn[],
  options: GistOptions = DEFAULT_GIST_OPTIONS,
): GistSentence[] {
  const units = scoredUnits(turns, options);
  const lastTurn = turns.length - 1;
  const issue = best(units.filter((u) => u.turn < options.earlyTurns)) ?? best(units);
  if (!issue) return [];
  const picked: Unit[] = [issue];
  let used = issue.words;
  const late =
    options.lateTurns > 0 ? units.filter((u) => lastTurn - u.turn < options.lateTurns) : [];
  const latest = best(late.filter((u) => u.turn > issue.turn));
  const fits = (u: Unit) => used + u.words <= options.maxWords;
  if (latest && fits(latest)) {
    picked.push(latest);
    used += latest.words;
  }
  for (const u of [...units].sort((a, b) => b.score - a.score || a.order - b.order)) {
    if (picked.length >= options.maxSentences) break;
    if (picked.includes(u) || !fits(u)) continue;
    picked.push(u);
    used += u.words;
  }
  return picked.sort((a, b) => a.order - b.order).map((u) => ({ text: u.text, role: u.role }));
}

/** One paragraph (≤ `maxWords` words) naming the customer's issue and the latest state. */
export function liveGist(
  turns: readonly SpokenTurn[],
  options: GistOptions = DEFAULT_GIST_OPTIONS,
): string {
  const parts: string[] = [];
  let speaker: SpokenTurn['role'] | null = null;
  for (const s of gistSentences(turns, options)) {
    // Who said what, once per change of speaker: "Customer: … Agent: …".
    const text = closed(s.text);
    parts.push(s.role === speaker ? text : `${ROLE_LABEL[s.role]}: ${text}`);
    speaker = s.role;
  }
  return clipWords(parts.join(' '), options.maxWords);
}
