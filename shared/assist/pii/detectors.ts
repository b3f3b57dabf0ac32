/**
 * One detector per kind of personal data: each finds candidate spans in a text. Patterns that
 * look like ordinary numbers (ZIP codes, bare phone numbers) need context words nearby, and
 * card numbers and IBANs must pass their check digits, so order numbers, prices, dates,
 * tracking codes and versions are left alone.
 */
import { isStopWord } from '../../knowledge/stop-words';
import { ibanValid, luhnValid } from './checksums';
import { findDatesOfBirth } from './date-of-birth';
import { europeanAddresses, europeanPostcodes } from './european-address';
import { findNames } from './names';
import { spokenEmails } from './spoken-email';

/** The kinds of personal data `redact` masks. */
export type PiiKind =
  | 'email'
  | 'phone'
  | 'card'
  | 'iban'
  | 'postcode'
  | 'national-id'
  | 'address'
  | 'name'
  | 'date-of-birth';

/** What the caller knows about the conversation that the text alone may not say. */
export interface PiiContext {
  /** Names the conversation gave (the customer's): masked wherever they appear, in part or whole. */
  readonly names?: readonly string[];
}

/** A found piece of personal data: offsets into the input (end exclusive). */
export interface PiiSpan {
  readonly start: number;
  readonly end: number;
  readonly kind: PiiKind;
}

type Detector = (text: string, context: PiiContext) => PiiSpan[];

function spans(text: string, re: RegExp, kind: PiiKind, keep: (m: RegExpExecArray) => boolean) {
  const out: PiiSpan[] = [];
  for (const m of text.matchAll(re)) {
    const match = m as RegExpExecArray;
    if (keep(match)) out.push({ start: match.index, end: match.index + match[0].length, kind });
  }
  return out;
}

function before(text: string, at: number, chars = 30): string {
  return text.slice(Math.max(0, at - chars), at).toLowerCase();
}

const EMAIL = /[A-Za-z0-9][A-Za-z0-9._%+'’-]*@[A-Za-z0-9-]+(?:\.[A-Za-z0-9-]+)*\.[A-Za-z]{2,}/g;
const IBAN = /\b[A-Z]{2}\d{2}(?: ?[A-Z0-9]{4}){2,7}(?: ?[A-Z0-9]{1,3})?\b/gi;
const CARD = /(?<![\d-])\d(?:[ -]?\d){12,18}(?![\d-])/g;
const SSN = /(?<![\d-])(?!000|666|9\d\d)\d{3}([- ])(?!00)\d{2}\1(?!0000)\d{4}(?![\d-])/g;
const NINO = /\b(?![DFIQUV])[A-Z](?![DFIOQUV])[A-Z] ?\d{2} ?\d{2} ?\d{2} ?[A-D]\b/gi;
const PHONE_INTL = /(?<![\w+])\+\d{1,3}(?:[ .-]?\(?\d{1,4}\)?){2,6}(?![\w-])/g;
/** "0033 6 12 34 56 78": the international prefix written as 00 (needs phone words nearby). */
const PHONE_00 = /(?<![\w-])00[1-9]\d{0,2}(?:[ .-]?\(?\d{1,4}\)?){2,6}(?![\w-])/g;
/** "06 12 34 56 78", "06.12.34.56.78": French numbers in pairs, one separator throughout. */
const PHONE_PAIRS = /(?<![\w.-])0[1-9]([ .-])\d{2}(?:\1\d{2}){3}(?![\w.-]|\.\d)/g;
/** "(02) 9876 5432", "(030) 1234567": the area code in brackets. */
const PHONE_AREA = /(?<![\w-])\(0\d{1,4}\) ?\d{3,4}[ -]?\d{3,4}(?![\w-])/g;
/** "612 345 678", "98765 43210": grouped numbers with no leading 0 (need phone words nearby). */
const PHONE_GROUPED =
  /(?<![\w.,-])(?:[6-9]\d{2} \d{3} \d{3}|[6-9]\d{4} \d{5}|[6-9]\d \d{3} \d{2} \d{2})(?![\w.,-])/g;
const PHONE_US = /(?<![\w-])(?:\(\d{3}\) ?|\d{3}[-. ])\d{3}[-. ]\d{4}(?![\w-])/g;
const PHONE_UK = /(?<![\w-])0[1-9]\d{0,3}[ -]?\d{3,4}[ -]?\d{3,4}(?![\w-])/g;
const PHONE_BARE = /(?<![\w-])\d{10,11}(?![\w-])/g;
const UK_POSTCODE = /\b[A-Z]{1,2}\d[A-Z\d]? ?\d[ABD-HJLNP-UW-Z]{2}\b/gi;
const ZIP = /(?<![\w$£€.,-])\d{5}(?:-\d{4})?(?![\w.,-]|\.\d)/g;
const STREET_TYPES =
  'street|st|road|rd|avenue|ave|lane|ln|drive|dr|boulevard|blvd|court|ct|place|pl|way|terrace|close|crescent|parkway|pkwy|highway|hwy|square|sq|circle|cir|gardens|grove';
const ADDRESS = new RegExp(
  `\\b\\d{1,5}[A-Za-z]?,? ((?:[A-Za-z][A-Za-z'-]+ ){1,3})(?:${STREET_TYPES})\\b\\.?`,
  'gi',
);

const PHONE_CONTEXT =
  /(call|phone|mobile|cell|tel|number|reach me|text me|contact|ring|whatsapp|portable|handy|m[oó]vil|cellulare|numéro|nummer|número|numero)/;
/**
 * An id word before the number labels it ("order 06 12 34 56 78"), unless the id word is the
 * owner in a phrase ("the number on my account to 06 12 34 56 78").
 */
const NOT_PHONE_CONTEXT =
  /(?<!\b(?:on|for|to|with|in|from|of|under) (?:my|the|your|our|his|her|this|that) )(order|po|purchase|account|acct|tracking|ref|reference|invoice|ticket|case|serial|receipt|part|sku|batch|booking|model|iban|bic|swift|sort code)\b[^.]*$/;
const ZIP_CONTEXT = /(zip|postal|post code|postcode)\b[^.]*$|\b[A-Z]{2},? $/;
const STRONG_STREET = /^(street|road|avenue|lane|drive|boulevard)$/i;

const email: Detector = (t) => [
  ...spans(t, EMAIL, 'email', () => true),
  ...spokenEmails(t).map((s) => ({ ...s, kind: 'email' as const })),
];
/** The longest prefix of an IBAN-shaped match that passes mod-97 (words after it can look alike). */
function validIbanPrefix(candidate: string): string | null {
  for (let end = candidate.length; end >= 15; end--) {
    const prefix = candidate.slice(0, end);
    if (/[A-Z0-9]$/i.test(prefix) && ibanValid(prefix)) return prefix;
  }
  return null;
}

const iban: Detector = (t) =>
  [...t.matchAll(IBAN)].flatMap((m) => {
    const value = validIbanPrefix(m[0]);
    return value ? [{ start: m.index, end: m.index + value.length, kind: 'iban' as const }] : [];
  });
const card: Detector = (t) =>
  spans(t, CARD, 'card', (m) => {
    const n = m[0].replace(/\D/g, '').length;
    // Card networks start 2-6; uniform runs ("0000 0000 ...") pass Luhn but are filler.
    return (
      n >= 13 &&
      n <= 19 &&
      /^[2-6]/.test(m[0]) &&
      !/^(\d)\1+$/.test(m[0].replace(/\D/g, '')) &&
      luhnValid(m[0])
    );
  });
const nationalId: Detector = (t) => [
  ...spans(
    t,
    SSN,
    'national-id',
    (m) => m[1] === '-' || /ssn|social security/.test(before(t, m.index, 40)),
  ),
  ...spans(
    t,
    NINO,
    'national-id',
    (m) => m[0] === m[0].toUpperCase() || /\bni\b|national insurance/.test(before(t, m.index, 40)),
  ),
];
const phone: Detector = (t) => {
  const noOrder = (m: RegExpExecArray) => !NOT_PHONE_CONTEXT.test(before(t, m.index, 25));
  return [
    ...spans(t, PHONE_INTL, 'phone', (m) => m[0].replace(/\D/g, '').length >= 8),
    ...spans(t, PHONE_00, 'phone', (m) => noOrder(m) && PHONE_CONTEXT.test(before(t, m.index))),
    ...spans(t, PHONE_PAIRS, 'phone', noOrder),
    ...spans(t, PHONE_AREA, 'phone', noOrder),
    ...spans(
      t,
      PHONE_GROUPED,
      'phone',
      (m) => noOrder(m) && PHONE_CONTEXT.test(before(t, m.index)),
    ),
    ...spans(t, PHONE_US, 'phone', noOrder),
    ...spans(t, PHONE_UK, 'phone', (m) => noOrder(m) && m[0].replace(/\D/g, '').length >= 10),
    ...spans(t, PHONE_BARE, 'phone', (m) => noOrder(m) && PHONE_CONTEXT.test(before(t, m.index))),
  ];
};
const postcode: Detector = (t) => [
  ...spans(
    t,
    UK_POSTCODE,
    'postcode',
    (m) => m[0] === m[0].toUpperCase() || /post ?code/.test(before(t, m.index)),
  ),
  ...spans(t, ZIP, 'postcode', (m) =>
    ZIP_CONTEXT.test(t.slice(Math.max(0, m.index - 30), m.index)),
  ),
  ...europeanPostcodes(t).map((s) => ({ ...s, kind: 'postcode' as const })),
];
const address: Detector = (t) => [
  ...spans(t, ADDRESS, 'address', (m) => {
    const names = m[1]!.trim().split(' ');
    if (names.some((w) => isStopWord(w.toLowerCase()))) return false;
    const type = m[0].replace(/\.$/, '').split(/\s+/).pop()!;
    return STRONG_STREET.test(type) || names.every((w) => /^[A-Z]/.test(w));
  }),
  ...europeanAddresses(t).map((s) => ({ ...s, kind: 'address' as const })),
];
const dateOfBirth: Detector = (t) =>
  findDatesOfBirth(t).map((s) => ({ ...s, kind: 'date-of-birth' as const }));
const name: Detector = (t, context) =>
  findNames(t, context.names).map((s) => ({ ...s, kind: 'name' as const }));

/** Every detector, most specific first: an earlier kind wins an overlap. */
export const DETECTORS: readonly (readonly [PiiKind, Detector])[] = [
  ['email', email],
  ['iban', iban],
  ['card', card],
  ['national-id', nationalId],
  ['date-of-birth', dateOfBirth],
  ['address', address],
  ['phone', phone],
  ['postcode', postcode],
  ['name', name],
];
