/**
 * Entities of a conversation that fill reply placeholders and the handoff summary: the
 * customer's name ("my name is", "this is X", sign-offs, the agent's greeting), order numbers,
 * account ids, e-mails, phones, dates and amounts with their currency. Each distinct value is
 * listed once, at the first turn that mentions it, in conversation order.
 */
import type { Entity } from '../schemas/assist';
import { findPii } from './pii/redact';
import { dateTimeAt, type DateTime } from './slot-time';

/** What extraction reads of a turn; `index` defaults to the position in the list. */
export interface EntityTurn {
  readonly role: 'customer' | 'agent';
  readonly text: string;
  readonly index?: number;
}

const NAME = "[A-Z][a-z'’-]+(?: [A-Z][a-z'’-]+)?";
/** Either case of the first letter, so the name after it must still be capitalised. */
const anyFirst = (words: string) =>
  words
    .split('|')
    .map((w) => `[${w[0]!.toUpperCase()}${w[0]}]${w.slice(1)}`)
    .join('|');
const SIGN_OFFS = anyFirst('thanks|thank you|regards|cheers|best|kind regards|many thanks');
const GREETINGS = anyFirst('hi|hello|hey|dear|thanks|thank you');
const CUSTOMER_NAME = [
  new RegExp(`\\bmy name is (${NAME})`, 'gi'),
  new RegExp(
    `\\b(?:[Tt]his is|[Ii]t's|[Ii]t is|I am|I'm|I’m) (${NAME})(?= here\\b| from\\b| calling\\b|[,.!]|$)`,
    'g',
  ),
  new RegExp(`(?:^|[.!?]\\s+|\\n)(?:${SIGN_OFFS}),?\\s+(${NAME})[.!]?\\s*$`, 'g'),
  new RegExp(`\\n\\s*[-–—]\\s*(${NAME})\\s*$`, 'g'),
];
const AGENT_GREETING = new RegExp(`^(?:${GREETINGS}),? (${NAME})\\b`, 'g');
/** Capitalised words that follow "this is" without being names. */
const NOT_NAMES = new Set([
  'Ridiculous',
  'Unacceptable',
  'The',
  'A',
  'An',
  'My',
  'Not',
  'So',
  'Very',
  'Really',
  'Just',
  'It',
  'This',
  'That',
  'Your',
  'Our',
  'Still',
  'Sorry',
  'Fine',
  'Great',
  'Good',
  'Ok',
  'Okay',
  'Absurd',
  'Crazy',
  'Insane',
  'Urgent',
  'Important',
  'About',
  'Regarding',
  'Again',
  'Happening',
]);
const ORDER =
  /\border(?:\s+(?:number|no\.?|id|ref(?:erence)?))?\s*(?:is\s*)?[:#]?\s*([A-Z0-9][A-Z0-9-]{3,}\d|\d{4,})\b/gi;
const ACCOUNT =
  /\b(?:account|acct|customer|member(?:ship)?)(?:\s+(?:number|no\.?|id|ref))?\s*(?:is\s*)?[:#]?\s*([A-Z]{0,4}-?\d[A-Z0-9-]{3,})\b/gi;
const MONTHS =
  'jan(?:uary)?|feb(?:ruary)?|mar(?:ch)?|apr(?:il)?|may|june?|july?|aug(?:ust)?|sep(?:t(?:ember)?)?|oct(?:ober)?|nov(?:ember)?|dec(?:ember)?';
const DAYS = 'monday|tuesday|wednesday|thursday|friday|saturday|sunday';
const DATES = [
  /\b\d{4}-\d{2}-\d{2}\b/g,
  /\b\d{1,2}[/.]\d{1,2}[/.](?:\d{4}|\d{2})\b/g,
  new RegExp(`\\b\\d{1,2}(?:st|nd|rd|th)?(?: of)? (?:${MONTHS})\\b(?:,? \\d{4})?`, 'gi'),
  new RegExp(`\\b(?:${MONTHS}) \\d{1,2}(?:st|nd|rd|th)?\\b(?:,? \\d{4})?`, 'gi'),
  new RegExp(
    `\\b(?:today|yesterday|tomorrow|(?:last|next|this) (?:${DAYS}|week|month)|(?:on )?(?:${DAYS}))\\b`,
    'gi',
  ),
];
const AMOUNTS = [
  /(?:[$£€]|\b(?:USD|EUR|GBP|CAD|AUD) ?)\d{1,3}(?:,\d{3})*(?:\.\d{1,2})?\b|[$£€]\d+(?:\.\d{1,2})?/g,
  /\b\d+(?:[.,]\d{1,2})? ?(?:dollars|pounds|euros|usd|eur|gbp|bucks|quid)\b/gi,
  /\b\d+(?:[.,]\d{1,2})? ?€/g,
];

interface Found {
  readonly kind: Entity['kind'];
  readonly value: string;
  readonly at: number;
  readonly time?: DateTime;
}

function all(text: string, re: RegExp, kind: Entity['kind'], group = 0): Found[] {
  return [...text.matchAll(re)].map((m) => ({
    kind,
    value: (m[group] ?? m[0]).trim(),
    at: m.index + (group ? m[0].indexOf(m[group]!) : 0),
  }));
}

function names(turn: EntityTurn): Found[] {
  const patterns = turn.role === 'customer' ? CUSTOMER_NAME : [AGENT_GREETING];
  return patterns
    .flatMap((re) => all(turn.text, re, 'name', 1))
    .map((f) => ({ ...f, value: f.value.replace(/^./, (c) => c.toUpperCase()) }))
    .filter((f) => !NOT_NAMES.has(f.value.split(' ')[0]!));
}

function turnEntities(turn: EntityTurn): Found[] {
  const t = turn.text;
  const pii = findPii(t)
    .filter((s) => s.kind === 'email' || s.kind === 'phone')
    .map((s) => ({
      kind: s.kind as 'email' | 'phone',
      value: t.slice(s.start, s.end),
      at: s.start,
    }));
  const ids = [...all(t, ORDER, 'order', 1), ...all(t, ACCOUNT, 'account', 1)];
  const dates = DATES.flatMap((re) => all(t, re, 'date')).map((f) => {
    const time = dateTimeAt(t, f.at, f.at + f.value.length);
    return time ? { ...f, time } : f;
  });
  const amounts = AMOUNTS.flatMap((re) => all(t, re, 'amount'));
  // A number already read as an id or phone is not also an amount or date.
  const taken = [...pii, ...ids];
  const free = (f: Found) =>
    !taken.some((x) => f.at < x.at + x.value.length && x.at < f.at + f.value.length);
  return [...names(turn), ...pii, ...ids, ...dates.filter(free), ...amounts.filter(free)].sort(
    (a, b) => a.at - b.at,
  );
}

/** The entities of the conversation, each distinct value once (first mention), oldest first. */
export function extractEntities(turns: readonly EntityTurn[]): Entity[] {
  const seen = new Set<string>();
  return entityMentions(turns).filter((e) => {
    const key = `${e.kind}:${e.value.toLowerCase()}`;
    if (seen.has(key)) return false;
    seen.add(key);
    return true;
  });
}

/**
 * Every mention of an entity, oldest first, each with who said it and (dates) when it stands:
 * a date the customer gave as past and the agent later promised is two mentions.
 */
export function entityMentions(turns: readonly EntityTurn[]): Entity[] {
  const out: Entity[] = [];
  turns.forEach((turn, i) => {
    for (const f of turnEntities(turn)) {
      // "Thanks, Sarah" after "my name is Sarah Connor" is the same person.
      if (
        f.kind === 'name' &&
        out.some((e) => e.kind === 'name' && e.value !== f.value && e.value.startsWith(f.value))
      ) {
        continue;
      }
      out.push({
        kind: f.kind,
        value: f.value.replace(/^on /i, ''),
        turn: turn.index ?? i,
        role: turn.role,
        ...(f.time ? { time: f.time } : {}),
      });
    }
  });
  return out;
}
