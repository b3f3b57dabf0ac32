/**
 * The parts of a customer message scored for intent: the whole message and each of its
 * sentences. A real message wraps its need in greetings and particulars ("Hi, I'm Dana. My
 * parcel never arrived. The order number is …"); the sentence that states the need matches its
 * intent as well as the pack's one-line examples do, which the whole message cannot.
 */

/** At most this many sentences of a message are scored (the first ones). */
export const MAX_SENTENCES = 12;

/** Sentence ends: . ! ? … followed by a space, line breaks, and semicolons. */
const BOUNDARY = /(?<=[.!?…])\s+|\s*[\r\n;]+\s*/u;

/** The sentences of `text`, trimmed, empty ones dropped. */
export function splitSentences(text: string): string[] {
  return text
    .split(BOUNDARY)
    .map((s) => s.trim())
    .filter((s) => /[\p{L}\p{N}]/u.test(s));
}

/** The whole text (when it has a word) and, when it has more than one, its sentences. */
export function messageUnits(text: string): string[] {
  const sentences = splitSentences(text);
  if (sentences.length <= 1) return sentences.length === 1 ? [text.trim()] : [];
  return [text.trim(), ...sentences.slice(0, MAX_SENTENCES)];
}
