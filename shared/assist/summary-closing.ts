/**
 * What the closing turns say: whether the issue was resolved, escalated or left open, and what
 * the agent promised to do next. Rules over the last few turns, newest first: a transfer or
 * hand-over wins, then a customer still reporting the problem, then a customer signing off
 * content (or answering "anything else?" with "no").
 */
import type { Summary } from '../schemas/assist';
import type { SpokenTurn } from './suggest/customer-query';
import { clipWords, sentences } from './suggest/text';

/** The resolution status of a summary. */
export type Resolution = NonNullable<Summary['resolution']>;

/** How many closing turns are read. */
export const CLOSING_TURNS = 4;

const ESCALATED =
  /\b(?:transfer(?:ring)? you|escalat(?:e|ed|ing)|supervisor|manager|specialist team|(?:pass|passing|hand|handing) (?:this|you|it) (?:over|on)|raised a ticket|opened a ticket|senior (?:agent|colleague))\b/i;
const UNRESOLVED =
  /\b(?:still (?:not|doesn't|does not|isn't|can't|cannot|haven't|waiting)|(?:doesn't|does not|didn't|did not) (?:work|help)|not (?:happy|resolved|sorted|fixed|working)|unacceptable|useless|waste of time|nothing has changed)\b/i;
const RESOLVED_CUSTOMER =
  /\b(?:that(?:'s| is| was) (?:all|everything|great|perfect|helpful|it)|(?:that|it) (?:worked|works)|all (?:sorted|set|good)|problem solved|(?:perfect|great|brilliant|awesome|wonderful),? thank|thanks? (?:so much|a lot|for (?:your|the) help)|thank you (?:so much|very much|for (?:your|the) help)|that helps|you've been (?:very |so )?helpful|fixed it|no,? (?:that's|thats|i'm|im) (?:all|it|good|fine))\b/i;
const ANYTHING_ELSE = /\b(?:anything else|else (?:i|we) can (?:help|do))\b/i;
const DECLINE = /^\s*(?:no|nope|nah|not really|that's (?:all|it))\b/i;

/** The resolution status inferred from the closing turns; 'unknown' when they do not say. */
export function inferResolution(turns: readonly SpokenTurn[]): Resolution {
  const closing = turns.slice(-CLOSING_TURNS);
  if (closing.some((t) => t.role === 'agent' && ESCALATED.test(t.text))) return 'escalated';
  const lastCustomer = [...closing].reverse().find((t) => t.role === 'customer');
  if (lastCustomer && UNRESOLVED.test(lastCustomer.text)) return 'unresolved';
  if (lastCustomer && RESOLVED_CUSTOMER.test(lastCustomer.text)) return 'resolved';
  for (let i = 1; i < closing.length; i++) {
    const asked = closing[i - 1]!;
    const answer = closing[i]!;
    if (asked.role === 'agent' && ANYTHING_ELSE.test(asked.text) && answer.role === 'customer') {
      if (DECLINE.test(answer.text)) return 'resolved';
    }
  }
  return 'unknown';
}

const PROMISE =
  /\b(?:i will|i'll|we will|we'll|you will (?:receive|get|see)|you'll (?:receive|get|see)|you should (?:receive|get|see)|expect|within \d+|follow up|call you back|get back to you)\b/i;

/** The agent's promises ("you'll receive the label within 24 hours"), oldest first, at most `max`. */
export function agentPromises(turns: readonly SpokenTurn[], max = 3): string[] {
  const out: string[] = [];
  for (const t of turns) {
    if (t.role !== 'agent') continue;
    for (const s of sentences(t.text)) {
      if (PROMISE.test(s) && !ANYTHING_ELSE.test(s)) out.push(clipWords(s, 30));
    }
  }
  return out.slice(-max);
}
