/**
 * The detected intent's playbook as a checklist that ticks only on completion. Each agent
 * sentence is read for what it does (a question, a report of something done, an intention, a
 * plain statement) and each step for what it asks of the agent (to ask or offer, to say, to look
 * something up, to do something). A step matches a sentence when the sentence says one of the
 * agent phrases of an action the step names (suggest/action-phrases.ts) or most of the step's
 * own key words (fewer for a report of something done). Then:
 * - a step to ask or offer is done when the agent asks or offers it;
 * - a step to say something is done when the agent says it (not asks about it);
 * - a step to look up or do something is done only when the agent reports it done ("I've
 *   updated", "I have sent"); an intention ("I'll update that") or, for a look-up, asking for
 *   what it needs makes it `suggested` (the agent confirms with one key); asking about it
 *   ("What is the new street address?") does nothing.
 * Words right after a negation ("I can't offer a refund") do not count. The agent's own tick or
 * untick always wins.
 */
import type { z } from 'zod';
import type { NextActionStateSchema } from '../schemas/assist';
import { analyze } from '../knowledge/analyzer';
import { porterStem } from '../knowledge/stemmer';
import { isStopWord } from '../knowledge/stop-words';
import { words } from '../knowledge/tokenizer';
import { assertNever } from '../result';
import { ACTION_PHRASES, type ActionPhrases } from './suggest/action-phrases';
import type { SpokenTurn } from './suggest/customer-query';
import { sentences } from './suggest/text';

/** One checklist row (shared/schemas/assist.ts). */
export type NextActionState = z.infer<typeof NextActionStateSchema>;

/** A playbook step as the pack gives it. */
export interface PlaybookStep {
  readonly id: string;
  readonly text: string;
}

/** Options of `checklist`. */
export interface ChecklistOptions {
  /** Position in `turns` of the turn where the intent was detected; earlier turns never tick. */
  readonly sinceTurn?: number;
}

/** Share of a step's key words one agent turn must hold to tick it without a phrase. */
export const KEY_WORD_SHARE = 0.6;

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
  ].map(porterStem),
);
const NEGATORS = new Set(['not', 'no', 'never', 'cannot', 't', 'unable', 'nor']);
const NEGATION_REACH = 3;

type Phrase = readonly string[];
const phrase = (text: string): Phrase => analyze(text);
const COMPILED = ACTION_PHRASES.map((a: ActionPhrases) => ({
  id: a.id,
  step: a.step.map(phrase).filter((p) => p.length > 0),
  agent: a.agent.map(phrase).filter((p) => p.length > 0),
}));

/** The stemmed content words of a sentence, without those a negation governs. */
function affirmedTerms(text: string): Set<string> {
  const out = new Set<string>();
  let sinceNegator = Infinity;
  for (const w of words(text)) {
    if (NEGATORS.has(w)) {
      sinceNegator = 0;
      continue;
    }
    sinceNegator++;
    if (isStopWord(w)) continue;
    if (sinceNegator > NEGATION_REACH) out.add(porterStem(IRREGULAR_PAST[w] ?? w));
  }
  return out;
}

/** Irregular past forms agents use for done steps ("I have sent"), to their base form. */
const IRREGULAR_PAST: Readonly<Record<string, string>> = {
  sent: 'send',
  resent: 'resend',
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
  set: 'set',
  put: 'put',
  wrote: 'write',
  written: 'write',
  chose: 'choose',
  chosen: 'choose',
  did: 'do',
  done: 'do',
};

const holds = (terms: ReadonlySet<string>, p: Phrase) => p.every((t) => terms.has(t));

/** What a playbook step asks of the agent. */
export type StepKind = 'ask' | 'say' | 'look-up' | 'do';

const STEP_VERBS: Readonly<Record<Exclude<StepKind, 'do'>, ReadonlySet<string>>> = {
  ask: new Set(['ask', 'gather', 'offer', 'request', 'confirm', 'have', 'suggest', 'invite']),
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

/**
 * What a step asks of the agent, from the verbs that open its clauses ("Ask for the PIN,
 * generate a new password and share it" is a step to do): the most demanding one wins; a step
 * whose clauses open with no known verb is a step to do.
 */
export function stepKind(text: string): StepKind {
  const openers = text
    .split(/[,;:]|\band\b|\bthen\b/i)
    .map((clause) => words(clause)[0])
    .filter((w): w is string => w !== undefined);
  let kind: StepKind | null = null;
  let other = false;
  for (const w of openers) {
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

/** Verbs that open a "do" clause (anything else that opens a clause is not a verb). */
const DO_VERB =
  /^(?:enter|update|send|resend|refund|generate|add|remove|change|record|report|take|give|upgrade|waive|extend|move|fix|place|make|issue|cancel|credit|apply|book|renew|reset|create|escalate|notify|resolve|process|delete|restore|submit|set|mark|close|transfer|arrange|schedule|waive|replace|exchange|reship|reorder|void|approve|document|log|note)$/;

/** What an agent sentence does. */
type SentenceAct = 'question' | 'done' | 'intent' | 'statement';

const DONE_CUE =
  /\b(?:(?:i|we)(?:'ve| have)\s+(?!to\b|got to\b|been\b)(?:just |now |also |already )?\w+(?:ed|en|ent|ade|id|ound|ook|ew|one|ut|ought|ot|ave|ent)\b|(?:i|we) (?:just |now |also |already )?(?:updated|sent|added|removed|changed|refunded|issued|entered|generated|created|placed|booked|processed|reset|recorded|reported|escalated|cancelled|canceled|waived|extended|upgraded|moved|restored|applied|renewed|credited|verified|validated|found|located|pulled|checked|made|gave|took|put|noted|logged)\b|\ball (?:done|set|sorted)\b|^\s*(?:done|sorted|perfect, done)\b|\b(?:has|have) been (?:\w+ed|sent|done|made|taken|given)\b|\b(?:is|are) now (?:\w+ed|on|set|active|in)\b|\bthat(?:'s| is) (?:done|updated|changed|sorted)\b|\b(?:found|located|pulled up) (?:it|your|the)\b)/i;
const INTENT_CUE =
  /\b(?:i'll|i will|we'll|we will|let me|i'm going to|i am going to|i'm (?!sorry|afraid|glad|happy)\w+ing|i am (?!sorry|afraid|glad|happy)\w+ing|i can|we can|i'd be happy to|one moment|give me a (?:moment|second|minute))\b/i;

/** What an agent sentence does: asks, reports something done, says it will, or states. */
function sentenceAct(sentence: string): SentenceAct {
  if (sentence.includes('?')) return 'question';
  if (DONE_CUE.test(sentence)) return 'done';
  if (INTENT_CUE.test(sentence)) return 'intent';
  return 'statement';
}

/** A step's state from the sentences that match it, most certain first. */
type StepState = 'done' | 'suggested' | 'open';

function outcome(kind: StepKind, act: SentenceAct): StepState {
  switch (kind) {
    case 'ask':
      return 'done';
    case 'say':
      return act === 'question' ? 'open' : act === 'intent' ? 'suggested' : 'done';
    case 'look-up':
      return act === 'done' ? 'done' : 'suggested';
    case 'do':
      return act === 'done' ? 'done' : act === 'question' ? 'open' : 'suggested';
    default:
      return assertNever(kind);
  }
}

/** How to recognise one step in an agent sentence. */
interface StepMatcher {
  readonly kind: StepKind;
  readonly phrases: readonly Phrase[];
  readonly keyWords: readonly string[];
}

const matchers = new Map<string, StepMatcher>();

function matcherFor(step: PlaybookStep): StepMatcher {
  const known = matchers.get(step.text);
  if (known) return known;
  const stepTerms = new Set(analyze(step.text));
  const phrases = COMPILED.filter((a) => a.step.some((p) => holds(stepTerms, p))).flatMap(
    (a) => a.agent,
  );
  const keyWords = [...stepTerms].filter((t) => !GENERIC.has(t));
  const matcher = { kind: stepKind(step.text), phrases, keyWords };
  if (matchers.size < 5000) matchers.set(step.text, matcher);
  return matcher;
}

/** True when a sentence (its affirmed terms, what it does) is about the step. */
function matches(matcher: StepMatcher, terms: ReadonlySet<string>, act: SentenceAct): boolean {
  if (matcher.phrases.some((p) => holds(terms, p))) return true;
  const n = matcher.keyWords.length;
  if (n === 0) return false;
  const held = matcher.keyWords.filter((t) => terms.has(t)).length;
  // A report of something done, or about to be, names the step more briefly ("I've updated
  // the address").
  const share = act === 'done' || act === 'intent' ? DONE_KEY_WORD_SHARE : KEY_WORD_SHARE;
  return held >= Math.max(Math.min(2, n), Math.ceil(n * share));
}

/** Share of a step's key words a report of something done (or about to be) must hold. */
export const DONE_KEY_WORD_SHARE = 0.3;

/** The agent sentences of `turns` with their terms and what they do. */
function agentSentences(turns: readonly SpokenTurn[]) {
  return turns
    .filter((t) => t.role === 'agent')
    .flatMap((t) => sentences(t.text))
    .map((text) => ({ terms: affirmedTerms(text), act: sentenceAct(text) }));
}

/**
 * The checklist of `intent`'s steps for the conversation so far; `manual` maps a step id to the
 * agent's tick (true) or untick (false). Empty without an intent.
 */
export function checklist(
  intent: { readonly nextActions: readonly PlaybookStep[] } | null,
  turns: readonly SpokenTurn[],
  manual: ReadonlyMap<string, boolean>,
  options: ChecklistOptions = {},
): NextActionState[] {
  if (!intent) return [];
  const said = agentSentences(turns.slice(Math.max(0, options.sinceTurn ?? 0)));
  return intent.nextActions.map((step) => {
    const mine = manual.get(step.id);
    if (mine !== undefined) return { id: step.id, text: step.text, done: mine, by: 'agent' };
    const matcher = matcherFor(step);
    let state: StepState = 'open';
    for (const s of said) {
      if (!matches(matcher, s.terms, s.act)) continue;
      const next = outcome(matcher.kind, s.act);
      if (next === 'done') {
        state = 'done';
        break;
      }
      if (next === 'suggested') state = 'suggested';
    }
    switch (state) {
      case 'done':
        return { id: step.id, text: step.text, done: true, by: 'engine' };
      case 'suggested':
        return { id: step.id, text: step.text, done: false, suggested: true, by: 'engine' };
      case 'open':
        return { id: step.id, text: step.text, done: false };
      default:
        return assertNever(state);
    }
  });
}

/**
 * True when the checklist's groundwork is done: every leading step that asks or looks
 * something up (pulling up the account, verifying, asking how long they waited), up to the first
 * step that does something, is done or suggested. "Done" replies wait for it.
 */
export function groundworkDone(steps: readonly NextActionState[]): boolean {
  for (const step of steps) {
    const kind = stepKind(step.text);
    if (kind === 'do' || kind === 'say') return true;
    if (!step.done && !step.suggested) return false;
  }
  return true;
}
