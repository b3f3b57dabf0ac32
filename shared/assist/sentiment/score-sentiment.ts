/**
 * Lexicon-and-rules sentiment of one message, in [-1, 1], after VADER (Hutto & Gilbert 2014):
 * negation flips and damps the next few words, intensifiers and diminishers scale them, a
 * "but" shifts weight to the clause after it, exclamation marks and CAPS amplify, emoticons
 * count. The sum is squashed with x / sqrt(x² + 15).
 */
import { EMOTICONS, PHRASES, wordValence } from './lexicon';

const NEGATIONS = new Set([
  'not',
  'no',
  'never',
  'nothing',
  'nobody',
  'none',
  'neither',
  'nor',
  'cannot',
  'without',
  'hardly',
  'dont',
  'didnt',
  'doesnt',
  'isnt',
  'wasnt',
  'arent',
  'werent',
  'cant',
  'couldnt',
  'wont',
  'wouldnt',
  'shouldnt',
  'havent',
  'hasnt',
  'hadnt',
  'aint',
]);
const INTENSIFIERS = new Set([
  'very',
  'really',
  'so',
  'extremely',
  'absolutely',
  'totally',
  'incredibly',
  'super',
  'completely',
  'utterly',
  'too',
  'such',
  'truly',
  'seriously',
  'highly',
  'hugely',
  'deeply',
  'most',
  'bloody',
  'massively',
  'particularly',
  'especially',
  'exceptionally',
  'entirely',
  'thoroughly',
]);
const DIMINISHERS = new Set([
  'slightly',
  'somewhat',
  'bit',
  'kinda',
  'barely',
  'little',
  'fairly',
  'rather',
  'partly',
  'marginally',
  'mildly',
  'occasionally',
  'sort',
  'kind',
]);
const BOOST = 0.293;
const CAPS_BOOST = 0.733;
const NEGATION_SCALE = -0.74;
const NEGATION_SCOPE = 3;

const TOKEN =
  /:'\(|:-?[)(D/]|;-?\)|<3|\p{Extended_Pictographic}|[\p{L}\p{N}]+(?:['’][\p{L}]+)?|[.!?,;]/gu;

interface Word {
  readonly raw: string;
  readonly lower: string;
}

function isNegation(lower: string): boolean {
  return NEGATIONS.has(lower.replace(/['’]/g, ''));
}

/** Valences of the words of one clause (no punctuation inside). */
function clauseValences(clause: readonly Word[], shouting: boolean): number[] {
  const out: number[] = [];
  let negatedFor = 0;
  for (let i = 0; i < clause.length; i++) {
    const w = clause[i]!;
    const emoticon = EMOTICONS.get(w.raw);
    if (emoticon !== undefined) {
      out.push(emoticon);
      continue;
    }
    const two = i + 1 < clause.length ? `${w.lower} ${clause[i + 1]!.lower}` : '';
    const three = i + 2 < clause.length ? `${two} ${clause[i + 2]!.lower}` : '';
    const phrase = PHRASES.find(([p]) => p === w.lower || p === two || p === three);
    let valence: number;
    if (phrase) {
      valence = phrase[1];
      i += phrase[0].split(' ').length - 1;
    } else if (isNegation(w.lower)) {
      negatedFor = NEGATION_SCOPE;
      continue;
    } else {
      valence = wordValence(w.lower.replace(/['’]s$/, ''));
    }
    if (valence !== 0) {
      const prev = clause[i - (phrase ? phrase[0].split(' ').length : 1)];
      const sign = Math.sign(valence);
      if (prev && INTENSIFIERS.has(prev.lower)) valence += sign * BOOST;
      if (prev && DIMINISHERS.has(prev.lower)) valence -= sign * BOOST;
      if (shouting && w.raw.length > 1 && w.raw === w.raw.toUpperCase() && /\p{L}/u.test(w.raw)) {
        valence += sign * CAPS_BOOST;
      }
      if (negatedFor > 0 && !phrase) valence *= NEGATION_SCALE;
      out.push(valence);
    }
    if (negatedFor > 0) negatedFor--;
  }
  return out;
}

/** The sentiment of `text`: -1 (very negative) .. 1 (very positive), 0 when neutral. */
export function scoreSentiment(text: string): number {
  const letters = text.replace(/[^\p{L}]/gu, '');
  // CAPS emphasise only when the writer also uses lower case.
  const shouting = letters !== letters.toUpperCase();
  const valences: number[] = [];
  let butAt = -1;
  let clause: Word[] = [];
  const flush = () => {
    valences.push(...clauseValences(clause, shouting));
    clause = [];
  };
  for (const m of text.matchAll(TOKEN)) {
    const raw = m[0];
    if (/^[.!?,;]$/.test(raw)) flush();
    else if (raw.toLowerCase() === 'but') {
      flush();
      butAt = valences.length;
    } else clause.push({ raw, lower: raw.toLowerCase().replace(/’/g, "'") });
  }
  flush();
  // Before the last "but" counts half, after it one and a half.
  let sum = 0;
  valences.forEach((v, i) => {
    sum += v * (butAt < 0 ? 1 : i < butAt ? 0.5 : 1.5);
  });
  if (sum !== 0) {
    const bangs = Math.min(4, (text.match(/!/g) ?? []).length);
    sum += Math.sign(sum) * bangs * 0.292;
  }
  return sum / Math.sqrt(sum * sum + 15);
}
