/**
 * Small talk: greetings, thanks, introductions and sign-offs carry no issue and no state, so
 * summaries never quote them. A sentence is small talk when, once the words of courtesy are
 * set aside, fewer than a few content words remain ("Hi, thanks for contacting Threadline, my
 * name is Sam" leaves "Threadline", "Sam").
 */
import { porterStem } from '../../knowledge/stemmer';
import { contentTerms } from './text';

const COURTESY = new Set(
  `hi hello hey thank thanks contacting contact help helping welcome today name morning afternoon
  evening please sure okay ok great perfect bye goodbye day nice glad happy assist assisting
  wonderful lovely cheers alright right yes yeah yep no nope fine good well problem worries
  anything else chat calling call reaching speaking
  `
    .split(/\s+/)
    .filter(Boolean)
    .map(porterStem),
);

const SIGN_POST =
  /\b(?:how (?:can|may) i help|anything else|is that all|have a (?:good|great|nice))\b/i;

/** The content terms of `text` that are not courtesy words. */
export function substantiveTerms(text: string): string[] {
  return contentTerms(text).filter((t) => !COURTESY.has(t));
}

/** True when `text` is small talk: fewer than `minContentWords` substantive words. */
export function isSmallTalk(text: string, minContentWords = 3): boolean {
  return SIGN_POST.test(text) || new Set(substantiveTerms(text)).size < minContentWords;
}
