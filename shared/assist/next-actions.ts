/**
 * The detected intent's playbook as a checklist that ticks only on completion. Each agent
 * sentence is read for what it does (a question, a report of something done, an intention, a
 * plain statement) and each step for what it asks of the agent (to ask or offer, to say, to look
 * something up, to do something); step-reading.ts tells which sentences are about a step. Then:
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
import { assertNever } from '../result';
import {
  affirmedTerms,
  matcherFor,
  matches,
  sentenceAct,
  stepKind,
  type SentenceAct,
  type StepKind,
} from './step-reading';
import type { SpokenTurn } from './suggest/customer-query';
import { sentences } from './suggest/text';

export { stepKind, type StepKind } from './step-reading';

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
    const matcher = matcherFor(step.text);
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
