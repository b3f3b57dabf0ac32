/**
 * Dates of birth: a date (or a year) only where the text says it is one, right after "date of
 * birth", "DOB", "born (on|in)", "birthday" or their French, German, Spanish, Italian and Dutch
 * forms. Other dates (a delivery, an order) are left alone.
 */

/** A date of birth's offsets in the text (end exclusive). */
export interface DateSpan {
  readonly start: number;
  readonly end: number;
}

const MONTHS = [
  'jan(?:uary|vier|uar|)?\\.?',
  'feb(?:ruary|ruar|)?\\.?',
  'f[ée]v(?:rier)?\\.?',
  'mar(?:ch|s|zo)?\\.?',
  'm[äa]rz',
  'apr(?:il|ile)?\\.?',
  'avr(?:il)?\\.?',
  'abr(?:il)?\\.?',
  'ma[iy]o?',
  'mai',
  'june?',
  'juin',
  'jun[io]o?',
  'giugno',
  'july?',
  'juil(?:let)?\\.?',
  'jul[io]o?',
  'luglio',
  'aug(?:ust)?\\.?',
  'ao[uû]t',
  'agosto',
  'sept?(?:ember|iembre|embre)?\\.?',
  'settembre',
  'oct(?:ober|obre)?\\.?',
  'okt(?:ober)?\\.?',
  'ottobre',
  'nov(?:ember|embre|iembre)?\\.?',
  'dec(?:ember)?\\.?',
  'd[ée]c(?:embre)?\\.?',
  'dez(?:ember)?\\.?',
  'dic(?:iembre|embre)?\\.?',
  'gennaio',
  'febbraio',
  'enero',
  'febrero',
].join('|');

const DAY = '(?:[12]\\d|3[01]|0?[1-9])(?:st|nd|rd|th|er|\\.)?';
const YEAR = '(?:19|20)\\d{2}';
const DATE = [
  `${DAY}[/.-](?:1[0-2]|0?[1-9])[/.-](?:${YEAR}|\\d{2})`, // 04/12/1961, 4.12.61
  `${YEAR}-(?:1[0-2]|0[1-9])-(?:[12]\\d|3[01]|0[1-9])`, // 1961-12-04
  `${DAY}(?: of| de)? (?:${MONTHS})(?:,? (?:de )?${YEAR})?`, // 4 December 1961, 4 de diciembre de 1961
  `(?:${MONTHS}) ${DAY}(?:,? ${YEAR})?`, // December 4, 1961
  YEAR, // born in 1985, DOB 1970
].join('|');

const CUE =
  'date of birth|birth ?date|d\\.?o\\.?b\\.?|born(?: on| in)?|birthday(?: is)?|n[ée]e? le|date de naissance|geboren(?: am)?|geburtsdatum|fecha de nacimiento|nacid[oa] el|data di nascita|nat[oa] il|geboortedatum';

/** The cue, what may stand between it and the date (a few words), then the date. */
const DOB = new RegExp(
  `\\b(?:${CUE})\\b(?:[^\\d\\n.!?]{0,20}?)(?<![\\w])(${DATE})(?![\\w/-]|\\.\\d)`,
  'gi',
);

/** Spans of the dates of birth `text` gives. */
export function findDatesOfBirth(text: string): DateSpan[] {
  return [...text.matchAll(DOB)].map((m) => {
    const start = m.index + m[0].length - m[1]!.length;
    return { start, end: m.index + m[0].length };
  });
}
