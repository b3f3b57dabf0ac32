/**
 * People's names. A name is only taken where the text says it is one: after "my name is" or a
 * "Name:" label (any word that is not a function word); after a weak cue ("I'm", "this is",
 * "hi", "thanks", "Mrs") only a listed given name (or, after a title, a capitalised surname);
 * a listed given name followed by a capitalised surname; and, from the caller, the names the
 * conversation already gave (`known`: each part of each name, wherever it appears).
 */
import { isStopWord } from '../../knowledge/stop-words';
import { FIRST_NAMES, WORD_NAMES } from './first-names';

/** A name's offsets in the text (end exclusive). */
export interface NameSpan {
  readonly start: number;
  readonly end: number;
}

const LETTER = 'A-Za-zÀ-ÖØ-öø-ÿ\\u0100-\\u017F';
const WORD = `[${LETTER}][${LETTER}'’-]*`;
/** A word and the ones after it (a space after the cue: "IMJOE" is no cue), as candidates. */
const WORDS_AFTER = (cue: string, gap = '\\s+') =>
  new RegExp(`${cue}${gap}(${WORD}(?:[ ]+${WORD}){0,2})`, 'gi');

/** "my name is X Y", "Name: X Y": strong cues, any non-function word counts. */
const STRONG_CUES = [
  WORDS_AFTER(
    `\\b(?:my (?:full )?name(?:'s| is)|name's|i am called|je m'appelle|ich heiße|ich heisse|me llamo|mi chiamo|mijn naam is)`,
  ),
  WORDS_AFTER(`(?:^|\\n|[.;,]\\s*)(?:full |customer |account |first |last )?name\\s*[:=-]`, '\\s*'),
  WORDS_AFTER(`\\b(?:in|under) the name(?: of)?`),
];
/** "I'm X", "this is X", "it's X": weak cues, only a listed given name counts. */
const INTRO_CUES = WORDS_AFTER(
  `\\b(?:i'm|i’m|im|i am|this is|it's|it’s|its|it is|here is|c'est|je suis|hier ist|soy)`,
);
/** "hi X", "thanks X", "dear X", "bye X": the agent addressing the customer. */
const ADDRESS_CUES = WORDS_AFTER(
  `\\b(?:hi|hello|hey|dear|thanks|thank you|cheers|regards|bye|goodbye|sorry|morning|afternoon|evening|bonjour|hallo|hola|ciao),?`,
);
/** "Mrs Lopez", "Dr. Ahmed": a capitalised surname after a title. */
const TITLES = new RegExp(
  `\\b(?:Mr|Mrs|Ms|Miss|Mx|Dr|Prof|Sir|Madam|Herr|Frau|Mme|Madame|Monsieur|Mlle|Señor|Señora|Sr|Sra|Signor|Signora)\\.?[ ]+(${WORD}(?:[ ]+${WORD})?)`,
  'g',
);
/** A capitalised given name and surname anywhere ("Jane Roe"). */
// A lookahead, so every word is tried as a given name ("so Maria Lopez": not only "so Maria").
const FULL_NAME = new RegExp(`(?<![${LETTER}'’-])(?=(${WORD})[ ]+(${WORD}))`, 'g');
/** "Sara here" (a chat opening). */
const NAME_HERE = new RegExp(`(?<![${LETTER}'’-])(${WORD}) here\\b`, 'g');

/** Words that follow a cue or a given name without being part of a name. */
const NOT_NAME = new Set(
  `here from calling speaking again sorry fine okay ok good great ready still back happy
  trying looking writing ringing phoning contacting having going getting waiting afraid not
  just really very so also only glad pleased street road avenue lane drive way close place
  court square station park hall house hospital airport university college bank centre center
  mall hotel beach tech island islands county city state states river lake bay mountains monday tuesday wednesday thursday friday saturday sunday january february march
  april june july august september october november december team support customer service
  please thanks thank regards order account ltd inc plc gmbh`
    .split(/\s+/)
    .filter(Boolean),
);

const capitalised = (word: string) => word[0] !== word[0]!.toLowerCase();

/** A word that can be part of a name after a strong cue. */
function isNameWord(word: string): boolean {
  const lower = word.toLowerCase();
  return lower.length >= 2 && !isStopWord(lower) && !NOT_NAME.has(lower) && !/\d/.test(word);
}

/** A listed given name (a word-name only when capitalised). */
function isGivenName(word: string): boolean {
  const lower = word.toLowerCase();
  if (!FIRST_NAMES.has(lower)) return false;
  return !WORD_NAMES.has(lower) || capitalised(word);
}

/** A capitalised word that can follow a given name as its surname. */
const isSurname = (word: string) => capitalised(word) && isNameWord(word);

/** The name words at the start of `words` (a given name, then surnames as allowed). */
function takeName(words: string[], first: (w: string) => boolean, rest: (w: string) => boolean) {
  if (words.length === 0 || !first(words[0]!)) return [];
  const taken = [words[0]!];
  for (const word of words.slice(1)) {
    if (!rest(word)) break;
    taken.push(word);
  }
  return taken;
}

/** Spans of the names `text` states (`known`: names the conversation already gave). */
export function findNames(text: string, known: readonly string[] = []): NameSpan[] {
  const out: NameSpan[] = [];
  /** Adds the name `words` read from `start` in the text. */
  const add = (start: number, words: string[]) => {
    if (words.length > 0) out.push({ start, end: endOf(text, start, words) });
  };
  /** Where a cue's captured words start: they end its match. */
  const tail = (m: RegExpExecArray) => m.index + m[0].length - m[1]!.length;
  for (const cue of STRONG_CUES) {
    for (const m of text.matchAll(cue))
      add(tail(m), takeName(split(m[1]!), isNameWord, isNameWord));
  }
  for (const m of text.matchAll(INTRO_CUES))
    add(tail(m), takeName(split(m[1]!), isGivenName, isSurname));
  for (const m of text.matchAll(ADDRESS_CUES))
    add(tail(m), takeName(split(m[1]!), isGivenName, isSurname));
  for (const m of text.matchAll(TITLES)) add(tail(m), takeName(split(m[1]!), isSurname, isSurname));
  for (const m of text.matchAll(FULL_NAME)) {
    const [, first, second] = m;
    // Without a cue, a given name that is also a word ("GI Bill Chapter") does not count.
    const wordName = WORD_NAMES.has(first!.toLowerCase());
    if (capitalised(first!) && !wordName && isGivenName(first!) && isSurname(second!))
      add(m.index, [first!, second!]);
  }
  for (const m of text.matchAll(NAME_HERE)) {
    if (capitalised(m[1]!) && isGivenName(m[1]!)) add(m.index, [m[1]!]);
  }
  out.push(...knownNames(text, known));
  return merge(out);
}

/** The given names and surnames the caller passed, wherever they appear in `text`. */
function knownNames(text: string, known: readonly string[]): NameSpan[] {
  const parts = new Set<string>();
  for (const name of known) {
    for (const part of split(name))
      if (part.length >= 2 && !isStopWord(part.toLowerCase())) parts.add(part);
  }
  const out: NameSpan[] = [];
  for (const part of parts) {
    // A part that is also a word ("Grace", "Will") must keep its capital to count.
    const caseless = !WORD_NAMES.has(part.toLowerCase()) && isNameWord(part);
    const re = new RegExp(
      `(?<![${LETTER}'’-])${escape(part)}(?![${LETTER}'’-])`,
      caseless ? 'gi' : 'g',
    );
    for (const m of text.matchAll(re)) out.push({ start: m.index, end: m.index + m[0].length });
  }
  return out;
}

/** Spans sorted, overlapping or space-separated neighbours joined ("Sara" + "Lopez"). */
function merge(spans: NameSpan[]): NameSpan[] {
  const sorted = [...spans].sort((a, b) => a.start - b.start || b.end - a.end);
  const out: NameSpan[] = [];
  for (const span of sorted) {
    const last = out.at(-1);
    if (last && span.start <= last.end + 1 && span.start >= last.start) {
      out[out.length - 1] = { start: last.start, end: Math.max(last.end, span.end) };
    } else {
      out.push(span);
    }
  }
  return out;
}

/** Where the last of `words` ends, reading them from `start` in `text`. */
function endOf(text: string, start: number, words: string[]): number {
  let at = start;
  for (const word of words) {
    at = text.indexOf(word, at) + word.length;
  }
  return at;
}

const split = (s: string) => s.split(/[ ]+/).filter(Boolean);
const escape = (s: string) => s.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
