/**
 * Email addresses read out or typed as words: "sara dot lopez at gmail dot com", "j underscore
 * smith at acme dot co dot uk", "tom.baker at outlook.com". Taken when the words before "at"
 * or after it show it is an address: a dot in the local part, a known mail provider, or a
 * mention of email just before ("my email is…"). "I looked at amazon.com" is left alone.
 */

/** A found span (end exclusive). */
export interface Span {
  readonly start: number;
  readonly end: number;
}

const PART = "[a-z0-9][a-z0-9_%+'’-]*";
const JOIN = '(?:\\s+(?:dot|period|point)\\s+|\\s*\\.\\s*|\\s+(?:underscore|dash|hyphen)\\s+|[_-])';
const TLD =
  'com|net|org|edu|gov|info|biz|io|co|uk|ie|fr|de|es|it|nl|be|ch|at|pt|pl|se|no|dk|fi|au|nz|ca|us|in|me|eu';
const SPOKEN = new RegExp(
  `(?<![\\w@.])(${PART}(?:${JOIN}${PART}){0,4})\\s+(?:at|@)\\s+([a-z0-9-]+(?:(?:\\s+(?:dot|period|point)\\s+|\\.)[a-z0-9-]+)*?(?:\\s+(?:dot|period|point)\\s+|\\.)(?:${TLD}))(?![\\w.@-]|\\.[a-z]|\\s+(?:dot|period|point)\\s+[a-z])`,
  'gi',
);
const PROVIDERS =
  /^(?:gmail|googlemail|hotmail|outlook|live|yahoo|ymail|icloud|me|aol|protonmail|proton|gmx|web|orange|free|wanadoo|laposte|sfr|btinternet|sky|virginmedia|libero|tiscali|alice|telefonica|mail|yandex|zoho|fastmail)\b/i;
const EMAIL_CUE =
  /(e-?mail|mail|address|contact me|reach me|write to|send (?:it|them|the \w+) to)\b[^.!?]{0,20}$/i;

/** Spans of spelled-out email addresses in `text`. */
export function spokenEmails(text: string): Span[] {
  const out: Span[] = [];
  for (const m of text.matchAll(SPOKEN)) {
    const [whole, local, domain] = m as unknown as [string, string, string];
    const dottedLocal = /\s(?:dot|period|point|underscore|dash|hyphen)\s|[._-]/i.test(local);
    const spoken = /\s(?:dot|period|point)\s/i.test(whole) || /\sat\s/i.test(whole);
    if (!spoken && !/\s@\s/.test(whole)) continue; // a written address is the email detector's
    const known = PROVIDERS.test(domain);
    const cued = EMAIL_CUE.test(text.slice(Math.max(0, m.index - 40), m.index));
    if (dottedLocal || known || cued) out.push({ start: m.index, end: m.index + whole.length });
  }
  return out;
}
