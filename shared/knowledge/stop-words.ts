/**
 * English stop words: the common function-word list used by NLTK and most BM25 baselines,
 * plus the fragments our tokenizer leaves from contractions ("don't" gives "don", "t").
 */
const LIST = `a about above after again against all am an and any are aren as at be because been
before being below between both but by can couldn d did didn do does doesn doing don down during
each few for from further had hadn has hasn have haven having he her here hers herself him himself
his how i if in into is isn it its itself just ll m ma me mightn more most mustn my myself needn no
nor not now o of off on once only or other our ours ourselves out over own re s same shan she
should shouldn so some such t than that the their theirs them themselves then there these they
this those through to too under until up ve very was wasn we were weren what when where which
while who whom why will with won wouldn y you your yours yourself yourselves`;

/** The stop-word set (lower-case words as produced by the tokenizer). */
export const ENGLISH_STOP_WORDS: ReadonlySet<string> = new Set(LIST.split(/\s+/));

/** True when `word` (already lower-cased) carries no topical meaning on its own. */
export function isStopWord(word: string): boolean {
  return ENGLISH_STOP_WORDS.has(word);
}
