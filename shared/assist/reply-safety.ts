/**
 * What a canned reply does, so it is offered only when it is safe to send as it stands: a
 * question ("could I have your order ID?"), a report of something done ("I've refunded $20"),
 * or information. A "done" reply waits behind the questions until the conversation shows the
 * groundwork done; a reply that contradicts an open escalation (a refund while a chargeback or
 * fraud report is open) is withheld with the reason.
 */
import type { EscalationFlag } from '../schemas/assist';
import { sentences } from './suggest/text';

/** What a reply does. */
export type ReplyKind = 'question' | 'done' | 'info';

const DONE =
  /\b(?:(?:i|we)(?:'ve| have)\s+(?:just\s+|now\s+|also\s+)?(?:refunded|issued|sent|added|removed|changed|updated|booked|placed|created|generated|given|restored|waived|extended|taken|renewed|reported|found|checked|upgraded|moved|cancelled|canceled|processed|applied|reset|credited|resent|escalated|passed|asked|raised|booked|approved)|all done|done(?=!)|(?:is|are) now (?:on|set|active|updated|changed|cancelled)|(?:has|have) been (?:updated|changed|sent|added|removed|refunded|processed|cancelled|canceled|approved|booked))\b/i;
const ASKS =
  /\b(?:could you|can you|would you|will you|may i|could i|can i (?:have|get|ask)|what(?:'s| is| was)|which|when did|how (?:many|much|would)|do you|did you|are you|is (?:it|that|there))\b/i;

const CLOSING = /\b(?:anything else|else (?:i|we) can (?:help|do))\b/i;

/** Whether a reply text is a question, a report of something done, or information. */
export function replyKind(text: string): ReplyKind {
  if (DONE.test(text)) return 'done';
  // "Anything else I can help with?" closes a conversation: it asks for nothing.
  if (CLOSING.test(text)) return 'info';
  if (sentences(text).some((s) => s.trim().endsWith('?') && ASKS.test(s))) return 'question';
  return 'info';
}

/** A reply that would contradict an open escalation of a concern, and why. */
interface Contradiction {
  readonly concerns: readonly string[];
  /** An affirmed (not negated) statement of what must not be said now. */
  readonly says: RegExp;
  readonly why: string;
}

const CONTRADICTIONS: readonly Contradiction[] = [
  {
    concerns: ['chargeback'],
    says: /\b(?:refund(?:ed|ing|s)?|credit(?:ed)?|money back|reimburs\w*|waived?)\b/i,
    why: 'A chargeback or fraud report is open: do not promise a refund or credit',
  },
  {
    concerns: ['hardship'],
    says: /\b(?:taken your payment|take (?:the|your) payment|charged your card|payment of .* is due)\b/i,
    why: 'The customer described financial hardship: do not ask for or take a payment now',
  },
];

const NEGATED = /\b(?:not|never|no|cannot|can't|can not|won't|unable|isn't|aren't|without)\b/i;

/** True when `re` says something affirmed (not after a negation in the same sentence) in `text`. */
function affirms(text: string, re: RegExp): boolean {
  return sentences(text).some((s) => {
    const m = re.exec(s);
    return m !== null && !NEGATED.test(s.slice(0, m.index));
  });
}

/** Why `text` must not be sent while `flags` are open, or undefined when it may. */
export function withheldReason(
  text: string,
  flags: readonly Pick<EscalationFlag, 'concern'>[],
): string | undefined {
  const open = new Set(flags.map((f) => f.concern).filter((c) => c !== undefined));
  for (const c of CONTRADICTIONS) {
    if (c.concerns.some((concern) => open.has(concern)) && affirms(text, c.says)) return c.why;
  }
  return undefined;
}
