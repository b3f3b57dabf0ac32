/**
 * When a date stands in time, read from the words around it, so a reply never promises a date
 * the customer gave as the past or as a promise already broken: "hasn't moved since 3 March" is
 * past, "you said by 2 March" a broken promise, "can it come by Friday?" ahead. And when a
 * reply's `{{date}}` slot stands: "shipped on {{date}}" is past, "should be with you by
 * {{date}}" a promise.
 */

/** When a date in a conversation stands: past, a promise (already made), or ahead. */
export type DateTime = 'past' | 'promised' | 'future';

/** What a date slot of a reply needs: a date in the past, or one the agent can promise. */
export type SlotTime = 'past' | 'promise';

const PROMISED =
  /\b(?:you (?:said|promised|told me|guaranteed|confirmed)|(?:i was|we were) (?:told|promised)|(?:was|were) (?:supposed|meant|due|expected|promised|scheduled)\b|should have (?:arrived|come|been)|(?:was|were) (?:due|expected|promised)|promised|guaranteed|estimated)\b[^!?]*$/i;
const PAST_BEFORE =
  /\b(?:since|ago|last|yesterday|back (?:on|in)|(?:ordered|placed|bought|purchased|paid|shipped|sent|arrived|delivered|charged|billed|returned|received|moved|changed|updated|cancelled|canceled|called|emailed|contacted|happened|started|was|were|had|did|got|came)\b[^!?]{0,25}(?:on|in|at|by)?)\s*$/i;
const PAST_WORDS = /^(?:yesterday|last \w+)$/i;
const FUTURE_WORDS = /^(?:tomorrow|next \w+)$/i;
const PAST_AFTER = /^\s*(?:ago|and (?:it )?(?:still|hasn't|has not|never))\b/i;

/**
 * When the date at `start..end` of `text` stands, from the words of its sentence; undefined
 * when they do not say.
 */
export function dateTimeAt(text: string, start: number, end: number): DateTime | undefined {
  const date = text.slice(start, end);
  const before = text.slice(clauseStartBefore(text, start), start);
  const after = text.slice(end, end + 40);
  if (PROMISED.test(before)) return 'promised';
  if (PAST_WORDS.test(date.trim()) || PAST_BEFORE.test(before) || PAST_AFTER.test(after)) {
    return 'past';
  }
  if (FUTURE_WORDS.test(date.trim())) return 'future';
  if (/\b(?:will|by|until|before|on|for)\s*$/i.test(before)) return 'future';
  return undefined;
}

const PAST_SLOT =
  /\b(?:shipped|placed|ordered|bought|purchased|paid|sent|was|were|received|made|charged|billed|on your order from)\b[^!?]*$/i;
const PAST_NAMES = new Set([
  'order_date',
  'purchase_date',
  'ship_date',
  'shipped_date',
  'paid_date',
]);

/** What the date placeholder `name` at offset `at` of a reply's text needs. */
export function slotTimeAt(template: string, at: number, name: string): SlotTime {
  if (PAST_NAMES.has(name.toLowerCase())) return 'past';
  return PAST_SLOT.test(template.slice(clauseStartBefore(template, at), at)) ? 'past' : 'promise';
}

/** Where the clause holding offset `at` starts (after the last . ! ? ; , : or " and "/" but "). */
function clauseStartBefore(text: string, at: number): number {
  let start = 0;
  for (const m of text.slice(0, at).matchAll(/[.!?;,:]+(?=\s)|\s(?:and|but)\s/g)) {
    start = m.index + m[0].length;
  }
  return start;
}
