/**
 * What a message says apart from its particulars: names, order and account numbers, e-mails,
 * phones, dates, codes and the masks redaction left (`[PHONE]`) are taken out before intent
 * matching, for examples and messages alike, and amounts become "money". "Hi, I'm Dana Whitfield. The order number
 * is 4417-2209" keeps "Hi, I'm . The order number is": no intent's examples contain Dana's
 * name, and words no example contains only lower how well a message matches its intent.
 */
import { extractEntities } from '../entities';
import { MASK_SHAPE } from '../pii/redact';

/**
 * A token with digits that is a number, id, time or code: digits without letters
 * ("4417-2209", "$89.99", "7:30"), or two digits or more among letters ("SPRING20", "10am").
 * One digit among letters ("2FA", "mp3") is a word of the domain and stays.
 */
const DIGITS = /[\p{L}\p{N}]*\p{N}[\p{L}\p{N}]*(?:[-/.:,][\p{L}\p{N}]+)*/gu;

/**
 * A self-introduction's name ("I'm Dana Whitfield", "this is Dana", "my name is dana"): one or
 * two capitalised words after the cue; after "my name is", any word, and a second one that is
 * capitalised or ends the clause ("my name is john smith, …").
 */
const INTRODUCTION =
  /\b(?:(?:[Ii]'m|[Ii] am|[Tt]his is|[Ii]t's) (?:[A-Z][\p{L}'’-]+)(?: [A-Z][\p{L}'’-]+)?(?= here\b| from\b| calling\b|[,.!;]|$)|[Mm]y name is [\p{L}'’-]+(?: [A-Z][\p{L}'’-]+| [\p{L}'’-]+(?=[,.!;]|$))?)/gu;

function isParticular(token: string): boolean {
  const digits = token.replace(/\D/g, '').length;
  return digits >= 2 || !/\p{L}/u.test(token);
}

/**
 * The entities taken out, longest first, each with what replaces it: an amount becomes the word
 * "money" (that money is at stake says something: "I haven't got my $89.99 back"), the rest go
 * (dates only when they carry a number: "3 March", not "today").
 */
function particulars(text: string): { value: string; by: string }[] {
  return extractEntities([{ role: 'customer', text }])
    .filter((e) => e.kind !== 'date' || /\d/.test(e.value))
    .map((e) => ({ value: e.value, by: e.kind === 'amount' ? ' money ' : ' ' }))
    .sort((a, b) => b.value.length - a.value.length);
}

/** Text that may hold an entity: a digit, an e-mail, a currency sign or a capital past the start. */
const MAY_HOLD_ENTITY = /[\p{N}@$£€]|.\p{Lu}/u;

/** `text` without names, ids, numbers, dates, amounts, contact details and redaction masks. */
export function neutralise(text: string): string {
  let out = text.replace(MASK_SHAPE, ' ').replace(INTRODUCTION, ' ');
  if (MAY_HOLD_ENTITY.test(out))
    for (const { value, by } of particulars(out)) out = out.split(value).join(by);
  out = out.replace(DIGITS, (token) => (isParticular(token) ? ' ' : token));
  return out.replace(/[ \t]{2,}/g, ' ').trim();
}
