/**
 * The handoff fields an agent pastes without editing: the Issue (the customer's first
 * statement of need, not later turns), what was Tried, the Outcome, the Next step, and the key
 * details labelled and deduplicated ("Order: 4417-2209", "Dates: 3 March (past)").
 */
import type { Entity, EscalationFlag, Summary } from '../schemas/assist';
import type { NextActionState } from './next-actions';
import { agentPromises, type Resolution } from './summary-closing';
import type { SpokenTurn } from './suggest/customer-query';
import { substantiveTerms } from './suggest/small-talk';
import { clipWords, sentences, wordCount } from './suggest/text';
import { assertNever } from '../result';

/** Words of the Issue at most. */
export const ISSUE_WORDS = 40;

const NEED =
  /\b(?:problem|issue|wrong|broken|damaged|missing|never (?:arrived|came|received|got)|hasn't|haven't|didn't|can't|cannot|won't|doesn't|isn't|wasn't|not|refund|return|exchange|cancel|charged|billed|late|still|want|need|would like|i'd like|trying to|help|how (?:do|can|much|long)|when (?:will|is|does)|where is|why|what|forgot|lost|change|update|add|remove)\b|\?/i;
const GREETING =
  /^(?:(?:hi|hello|hey|good (?:morning|afternoon|evening)|thanks|thank you)(?: there)?\s*[,!.]?\s*)+/i;
const SIGN_POST = /\b(?:how (?:can|may) i help|anything else|have a (?:good|great|nice))\b/i;

/** A customer sentence that states a need: a problem, a request or a question. */
function statesNeed(sentence: string): boolean {
  return (
    wordCount(sentence) >= 3 &&
    !SIGN_POST.test(sentence) &&
    NEED.test(sentence) &&
    substantiveTerms(sentence).length >= 1
  );
}

const INTRODUCTION = /^(?:i'm|i am|my name is|this is|it's|it is)\s+\S+(?:\s+\S+)?[.!]?$/i;

/** A sentence that tells what the need is about ("The white shirt arrived with a stain"). */
function tellsContext(sentence: string): boolean {
  return (
    !INTRODUCTION.test(sentence) &&
    !SIGN_POST.test(sentence) &&
    substantiveTerms(sentence).length >= 2
  );
}

/**
 * The customer's first statement of need, greeting trimmed, with what it is about: the sentence
 * before it in the same turn when that tells the context ("The shirt arrived stained. I want to
 * return it."), else, for a short one (under 8 words), the sentence after it ("My parcel never
 * arrived. The tracking hasn't moved since 3 March").
 */
export function issueStatement(turns: readonly SpokenTurn[]): string | undefined {
  for (const turn of turns) {
    if (turn.role !== 'customer') continue;
    const list = sentences(turn.text)
      .map((s) => s.replace(GREETING, '').trim())
      .filter((s) => s !== '');
    const at = list.findIndex(statesNeed);
    if (at < 0) continue;
    const parts = [list[at]!];
    const before = list[at - 1];
    const after = list[at + 1];
    if (before !== undefined && tellsContext(before)) parts.unshift(before);
    else if (wordCount(parts[0]!) < 8 && after !== undefined && tellsContext(after)) {
      parts.push(after);
    }
    return clipWords(parts.map(capitalised).join(' '), ISSUE_WORDS);
  }
  return undefined;
}

const capitalised = (s: string) => s.charAt(0).toUpperCase() + s.slice(1);

/** What was tried: the steps done (confirmed or reported), the replies sent, the articles shared. */
export function triedList(
  steps: readonly NextActionState[],
  repliesUsed: readonly string[],
  articlesUsed: readonly string[],
): string[] {
  return [
    ...steps.filter((s) => s.done).map((s) => s.text),
    ...repliesUsed.map((r) => `Sent the reply "${r}"`),
    ...articlesUsed.map((a) => `Shared the article "${a}"`),
  ];
}

/** The outcome in words. */
export function outcomeText(resolution: Resolution): string {
  switch (resolution) {
    case 'resolved':
      return 'Resolved: the customer confirmed it is sorted.';
    case 'unresolved':
      return 'Not resolved: the customer still reports the problem.';
    case 'escalated':
      return 'Escalated: handed to a supervisor or specialist.';
    case 'unknown':
      return 'Open: the conversation does not say it was resolved.';
    default:
      return assertNever(resolution);
  }
}

const WRAP_UP = /\banything else\b/i;

/**
 * The next step: none once resolved with nothing open; else the most serious open flag (its
 * pack wording says what to do), else what the agent promised, else the first open step.
 */
export function nextStepText(input: {
  readonly resolution: Resolution;
  readonly steps: readonly NextActionState[];
  readonly escalation: readonly EscalationFlag[];
  readonly turns: readonly SpokenTurn[];
}): string | undefined {
  const open = input.steps.filter((s) => !s.done && !WRAP_UP.test(s.text));
  if (input.resolution === 'resolved' && input.escalation.length === 0) return 'None.';
  const flag = input.escalation[0];
  if (flag) return flag.reason;
  const promise = agentPromises(input.turns, 1)[0];
  if (promise) return `Keep the promise: "${promise}"`;
  return open[0]?.text;
}

const DETAIL_LABEL: Readonly<Record<Entity['kind'], string | null>> = {
  name: null,
  order: 'Order',
  account: 'Account',
  email: 'Email',
  phone: 'Phone',
  amount: 'Amount',
  date: 'Dates',
  other: null,
};
const DETAIL_ORDER: readonly Entity['kind'][] = [
  'order',
  'account',
  'email',
  'phone',
  'amount',
  'date',
];
/** Dates that mean nothing once the conversation is over. */
const RELATIVE_DATE = /^(?:today|tomorrow|yesterday|(?:this|next|last) \w+)$/i;
const TIME_NOTE: Readonly<Record<NonNullable<Entity['time']>, string>> = {
  past: 'past',
  promised: 'promised earlier',
  future: 'ahead',
};

/** The key details, one labelled line per kind, each value once. */
export function detailLines(entities: readonly Entity[]): NonNullable<Summary['details']> {
  const out: { label: string; value: string }[] = [];
  for (const kind of DETAIL_ORDER) {
    const label = DETAIL_LABEL[kind];
    if (!label) continue;
    const seen = new Set<string>();
    const values: string[] = [];
    for (const e of entities) {
      const value = e.value.trim();
      const key = value.toLowerCase();
      if (e.kind !== kind || !value || seen.has(key)) continue;
      if (kind === 'date' && RELATIVE_DATE.test(value)) continue;
      seen.add(key);
      values.push(kind === 'date' && e.time ? `${value} (${TIME_NOTE[e.time]})` : value);
    }
    if (values.length > 0) out.push({ label, value: values.join('; ') });
  }
  return out;
}
