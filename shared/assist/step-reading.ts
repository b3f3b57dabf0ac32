/**
 * Reading playbook steps and agent sentences for the checklist (next-actions.ts): what a step
 * asks of the agent (to ask or offer, to say, to look something up, to do something), what an
 * agent sentence does (asks, reports something done, says it will, states), and whether a
 * sentence is about a step: it says one of the agent phrases of an action the step names
 * (suggest/action-phrases.ts), or enough of the step's key words. A step's key words leave out
 * its parenthesised asides; a step with a colon ("Validate the purchase: username, email…") is
 * also matched on its head alone. A report of something done (or about to be) must name the
 * step's own verb ("I've updated the address" for "Enter the new street address and update the
 * account").
 */
import { analyze } from '../knowledge/analyzer';
import { porterStem } from '../knowledge/stemmer';
import { isStopWord } from '../knowledge/stop-words';
import { words } from '../knowledge/tokenizer';
import { ACTION_PHRASES, type ActionPhrases } from './suggest/action-phrases';

/** Share of a step's key words a sentence must hold to be about it. */
export const KEY_WORD_SHARE = 0.6;
/**
 * Share of a step's key words a sentence must hold when it can only suggest the step (a look-up
 * asked for) or reports it done naming its verb: such sentences name a step briefly.
 */
export const BRIEF_KEY_WORD_SHARE = 0.3;

// Words every step uses that say nothing about which step it is.
const GENERIC = new Set(
  [
    'customer',
    'ask',
    'check',
    'make',
    'sure',
    'tell',
    'let',
    'know',
    'need',
    'help',
    'confirm',
    'provide',
    'offer',
    'inform',
    'explain',
    'request',
    'get',
    'use',
    'step',
    'process',
    'handle',
    'please',
    'client',
    'caller',
    'agent',
    'account',
  ].map(porterStem),
);
const NEGATORS = new Set(['not', 'no', 'never', 'cannot', 't', 'unable', 'nor']);
const NEGATION_REACH = 3;

/** Irregular forms agents use ("I have sent", "where did you hear"), to one base form. */
const BASE_FORM: Readonly<Record<string, string>> = {
  sent: 'send',
  resent: 'send',
  resend: 'send',
  made: 'make',
  gave: 'give',
  given: 'give',
  took: 'take',
  taken: 'take',
  found: 'find',
  got: 'get',
  told: 'tell',
  paid: 'pay',
  bought: 'buy',
  brought: 'bring',
  kept: 'keep',
  heard: 'hear',
  added: 'add',
  adding: 'add',
  wrote: 'write',
  written: 'write',
  chose: 'choose',
  chosen: 'choose',
  did: 'do',
  done: 'do',
};

const term = (w: string) => porterStem(BASE_FORM[w] ?? w);

type Phrase = readonly string[];
const phrase = (text: string): Phrase => analyze(text);
const COMPILED = ACTION_PHRASES.map((a: ActionPhrases) => ({
  id: a.id,
  step: a.step.map(phrase).filter((p) => p.length > 0),
  agent: a.agent.map(phrase).filter((p) => p.length > 0),
}));

/** The stemmed content words of a sentence, without those a negation governs. */
export function affirmedTerms(text: string): Set<string> {
  const out = new Set<string>();
  let sinceNegator = Infinity;
  for (const w of words(text)) {
    if (NEGATORS.has(w)) {
      sinceNegator = 0;
      continue;
    }
    sinceNegator++;
    if (isStopWord(w)) continue;
    if (sinceNegator > NEGATION_REACH) out.add(term(w));
  }
  return out;
}

const holds = (terms: ReadonlySet<string>, p: Phrase) => p.every((t) => terms.has(t));

/** What a playbook step asks of the agent. */
export type StepKind = 'ask' | 'say' | 'look-up' | 'do';

const STEP_VERBS: Readonly<Record<Exclude<StepKind, 'do'>, ReadonlySet<string>>> = {
  ask: new Set([
    'ask',
    'gather',
    'offer',
    'request',
    'confirm',
    'have',
    'suggest',
    'invite',
    'take',
  ]),
  say: new Set(['tell', 'explain', 'share', 'inform', 'pick', 'let', 'apologise', 'apologize']),
  'look-up': new Set([
    'pull',
    'verify',
    'validate',
    'look',
    'locate',
    'identify',
    'authenticate',
    'check',
    'open',
    'find',
    'search',
    'review',
  ]),
};
const KIND_WEIGHT: Readonly<Record<StepKind, number>> = { ask: 0, say: 1, 'look-up': 2, do: 3 };

/** Verbs that open a "do" clause (anything else that opens a clause is not a verb). */
const DO_VERB =
  /^(?:enter|update|send|resend|refund|generate|add|remove|change|record|report|take|give|upgrade|waive|extend|move|fix|place|make|issue|cancel|credit|apply|book|renew|reset|create|escalate|notify|resolve|process|delete|restore|submit|set|mark|close|transfer|arrange|schedule|replace|exchange|reship|reorder|void|approve|document|log|note)$/;

/** Bookkeeping after the visible part of a step ("Ask where they heard of it and record it"). */
const BOOKKEEPING = new Set(['record', 'note', 'log', 'document']);
/** "Ask them to refresh the page and add the item again": all of it is asked of the customer. */
const ASK_THEM_TO = /^\s*(?:ask|have|get|tell) (?:them|the customer|him|her)\b/i;

const withoutAsides = (text: string) => text.replace(/\([^)]*\)/g, ' ');

/** The first word of each clause of `text` ("Ask for the PIN, generate … and share it"). */
function clauseOpeners(text: string): string[] {
  return withoutAsides(text)
    .split(/[,;:]|\band\b|\bthen\b/i)
    .map((clause) => words(clause)[0])
    .filter((w): w is string => w !== undefined);
}

const isVerb = (w: string) =>
  DO_VERB.test(w) || Object.values(STEP_VERBS).some((verbs) => verbs.has(w));

/**
 * The clause openers that say what the step is: those of its head (before a colon) when the head
 * opens with a verb ("Ask for the shipping state: received means refund now"), else all of them;
 * bookkeeping after the first ("… and record it") left out.
 */
function openers(text: string): string[] {
  const colon = text.indexOf(':');
  const head = colon >= 0 ? clauseOpeners(text.slice(0, colon)) : [];
  const all = head.some(isVerb) ? head : clauseOpeners(text);
  return all.filter((w, i) => i === 0 || !BOOKKEEPING.has(w));
}

/**
 * What a step asks of the agent, from the verbs that open its clauses: the most demanding one
 * wins; a step whose clauses open with no known verb is a step to do.
 */
export function stepKind(text: string): StepKind {
  if (ASK_THEM_TO.test(text)) return 'ask';
  let kind: StepKind | null = null;
  let other = false;
  for (const w of openers(text)) {
    const found = (Object.keys(STEP_VERBS) as Exclude<StepKind, 'do'>[]).find((k) =>
      STEP_VERBS[k].has(w),
    );
    if (!found) {
      if (DO_VERB.test(w)) other = true;
      continue;
    }
    if (!kind || KIND_WEIGHT[found] > KIND_WEIGHT[kind]) kind = found;
  }
  return other || !kind ? 'do' : kind;
}

/** What an agent sentence does. */
export type SentenceAct = 'question' | 'done' | 'intent' | 'statement';

const DONE_CUE =
  /\b(?:(?:i|we)(?:'ve| have)\s+(?!to\b|got to\b|been\b)(?:just |now |also |already )?\w+(?:ed|en|ent|ade|id|ound|ook|ew|one|ut|ought|ot|ave)\b|(?:i|we) (?:just |now |also |already )?(?:updated|sent|added|removed|changed|refunded|issued|entered|generated|created|placed|booked|processed|reset|recorded|reported|escalated|cancelled|canceled|waived|extended|upgraded|moved|restored|applied|renewed|credited|verified|validated|found|located|pulled|checked|made|gave|took|put|noted|logged)\b|\ball (?:done|set|sorted)\b|^\s*(?:done|sorted|perfect, done)\b|\b(?:has|have) been (?:\w+ed|sent|done|made|taken|given)\b|\b(?:is|are) now (?:\w+ed|on|set|active|in)\b|\bthat(?:'s| is) (?:done|updated|changed|sorted)\b|\b(?:found|located|pulled up) (?:it|your|the)\b)/i;
const INTENT_CUE =
  /\b(?:i'll|i will|we'll|we will|let me|i'm going to|i am going to|i'm (?!sorry|afraid|glad|happy)\w+ing|i am (?!sorry|afraid|glad|happy)\w+ing|i can|we can|i'd be happy to|one moment|give me a (?:moment|second|minute))\b/i;

/** What an agent sentence does: asks, reports something done, says it will, or states. */
export function sentenceAct(sentence: string): SentenceAct {
  if (sentence.includes('?')) return 'question';
  if (DONE_CUE.test(sentence)) return 'done';
  if (INTENT_CUE.test(sentence)) return 'intent';
  return 'statement';
}

/** How to recognise one step in an agent sentence. */
export interface StepMatcher {
  readonly kind: StepKind;
  readonly phrases: readonly Phrase[];
  /** Key-word sets: the whole step (asides left out), and its head before a colon. */
  readonly keyWords: readonly (readonly string[])[];
  /** The stems of the verbs that open the step's "do" clauses (and their synonyms). */
  readonly verbs: readonly string[];
  /** Words of the step's asides ("(brand and type, e.g. Guess jeans)"): they count when said. */
  readonly asides: ReadonlySet<string>;
}

const matchers = new Map<string, StepMatcher>();

/** The matcher of a step text (memoised: the same playbooks are read on every turn). */
export function matcherFor(text: string): StepMatcher {
  const known = matchers.get(text);
  if (known) return known;
  const plain = withoutAsides(text);
  const stepTerms = new Set(keyTerms(plain));
  const phrases = COMPILED.filter((a) => a.step.some((p) => holds(stepTerms, p))).flatMap(
    (a) => a.agent,
  );
  const head = plain.includes(':') ? plain.slice(0, plain.indexOf(':')) : null;
  const keyWords = [plain, ...(head ? [head] : [])].map((t) =>
    [...new Set(keyTerms(t))].filter((w) => !GENERIC.has(w)),
  );
  const verbs = openers(text)
    .filter((w) => DO_VERB.test(w))
    .flatMap((w) => [term(w), ...(VERB_SYNONYMS.get(term(w)) ?? [])]);
  const asides = new Set(
    [...text.matchAll(/\(([^)]*)\)/g)]
      .flatMap((m) => keyTerms(m[1]!))
      .filter((w) => !GENERIC.has(w)),
  );
  const matcher = { kind: stepKind(text), phrases, keyWords, verbs, asides };
  if (matchers.size < 5000) matchers.set(text, matcher);
  return matcher;
}

/** Verbs agents use for the same act ("I've created a new code" for "Generate a new code"). */
const VERB_SYNONYMS: ReadonlyMap<string, readonly string[]> = (() => {
  const groups = [
    ['generate', 'create', 'make', 'issue', 'set'],
    ['send', 'email', 'share', 'text'],
    ['update', 'change', 'edit', 'amend', 'correct', 'fix', 'enter'],
    ['remove', 'delete', 'cancel', 'take'],
    ['add', 'put', 'include', 'place'],
    ['refund', 'credit', 'reimburse', 'return'],
    ['waive', 'remove', 'drop'],
    ['extend', 'move', 'push'],
    ['report', 'flag', 'escalate', 'notify', 'pass'],
  ].map((g) => g.map((w) => porterStem(w)));
  const map = new Map<string, string[]>();
  for (const g of groups) for (const v of g) map.set(v, [...(map.get(v) ?? []), ...g]);
  return map;
})();

function keyTerms(text: string): string[] {
  return words(text)
    .filter((w) => !isStopWord(w))
    .map(term);
}

/** True when a sentence (its affirmed terms, what it does) is about the step. */
export function matches(
  matcher: StepMatcher,
  terms: ReadonlySet<string>,
  act: SentenceAct,
): boolean {
  if (matcher.phrases.some((p) => holds(terms, p))) return true;
  const reports = act === 'done' || act === 'intent';
  const namesVerb = matcher.verbs.some((v) => terms.has(v));
  // A report names the step briefly, but by its own verb; a look-up asked for only suggests.
  const brief = (reports && namesVerb) || (matcher.kind === 'look-up' && !reports);
  const share = brief ? BRIEF_KEY_WORD_SHARE : KEY_WORD_SHARE;
  const asidesHeld = [...matcher.asides].filter((t) => terms.has(t)).length;
  return matcher.keyWords.some((keys) => {
    const n = keys.length;
    if (n === 0) return false;
    const own = keys.filter((t) => terms.has(t)).length;
    // Asides count only beside the step's own words: "the expiry date" alone is not "(expiry)".
    const held = own > 0 ? Math.min(n, own + asidesHeld) : 0;
    return held >= Math.max(Math.min(2, n), Math.ceil(n * share));
  });
}
