/**
 * The detected intent's playbook as a checklist. A step ticks itself (by 'engine') when an
 * agent turn after the intent was detected shows it done: either the turn says one of the
 * agent phrases of an action the step names (suggest/action-phrases.ts), or it holds most of
 * the step's own key words. Words right after a negation ("I can't offer a refund") do not
 * count. The agent's own tick or untick always wins.
 */
import type { z } from 'zod';
import type { NextActionStateSchema } from '../schemas/assist';
import { analyze } from '../knowledge/analyzer';
import { porterStem } from '../knowledge/stemmer';
import { isStopWord } from '../knowledge/stop-words';
import { words } from '../knowledge/tokenizer';
import { ACTION_PHRASES, type ActionPhrases } from './suggest/action-phrases';
import type { SpokenTurn } from './suggest/customer-query';

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

/** The stemmed content words of an agent turn, without those a negation governs. */
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
    if (sinceNegator > NEGATION_REACH) out.add(porterStem(w));
  }
  return out;
}

const holds = (terms: ReadonlySet<string>, p: Phrase) => p.every((t) => terms.has(t));

/** How to recognise one step as done. */
interface StepMatcher {
  readonly phrases: readonly Phrase[];
  readonly keyWords: readonly string[];
}

function matcherFor(step: PlaybookStep): StepMatcher {
  const stepTerms = new Set(analyze(step.text));
  const phrases = COMPILED.filter((a) => a.step.some((p) => holds(stepTerms, p))).flatMap(
    (a) => a.agent,
  );
  const keyWords = [...stepTerms].filter((t) => !GENERIC.has(t));
  return { phrases, keyWords };
}

function doneBy(matcher: StepMatcher, terms: ReadonlySet<string>): boolean {
  if (matcher.phrases.some((p) => holds(terms, p))) return true;
  const n = matcher.keyWords.length;
  if (n === 0) return false;
  const held = matcher.keyWords.filter((t) => terms.has(t)).length;
  return held >= Math.max(1, Math.ceil(n * KEY_WORD_SHARE));
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
  const agentTerms = turns
    .slice(Math.max(0, options.sinceTurn ?? 0))
    .filter((t) => t.role === 'agent')
    .map((t) => affirmedTerms(t.text));
  return intent.nextActions.map((step) => {
    const mine = manual.get(step.id);
    if (mine !== undefined) return { id: step.id, text: step.text, done: mine, by: 'agent' };
    const matcher = matcherFor(step);
    const done = agentTerms.some((terms) => doneBy(matcher, terms));
    return done
      ? { id: step.id, text: step.text, done, by: 'engine' }
      : { id: step.id, text: step.text, done };
  });
}
