/**
 * Concerns: what an escalation flag is about, so a built-in trigger and a pack rule about the
 * same thing raise one flag, not two. A built-in trigger names its concern; a pack rule's
 * concern is read from its id and reason (words such as "churn", "chargeback", "legal"), else
 * from its phrases (those a built-in trigger of the concern also matches), else it is a concern
 * of its own (its id).
 */
import type { EscalationRule } from '../../packs/pack-schemas';
import { porterStem } from '../../knowledge/stemmer';
import { words } from '../../knowledge/tokenizer';
import { BUILTIN_TRIGGERS } from './builtin-triggers';
import { matchPhrase, prepare, preparePhrase } from './phrase-match';

/** The built-in concerns and the words in a rule's id or reason that name each. */
const CONCERN_WORDS: Readonly<Record<string, readonly string[]>> = {
  legal: ['legal', 'lawyer', 'court', 'lawsuit', 'litigation', 'solicitor', 'attorney'],
  chargeback: ['chargeback', 'fraud', 'fraudulent', 'dispute'],
  churn: ['churn', 'cancel', 'cancellation', 'leaving', 'retention', 'retain'],
  vulnerable: ['vulnerable', 'vulnerability', 'bereavement', 'bereaved', 'illness'],
  hardship: ['hardship', 'afford', 'financial', 'debt'],
  repeated: ['repeated', 'repeat', 'recontact'],
  anger: ['angry', 'anger', 'upset', 'furious', 'abusive', 'rude', 'frustrated'],
};

const STEMMED = Object.entries(CONCERN_WORDS).map(([concern, ws]) => ({
  concern,
  stems: new Set(ws.map(porterStem)),
}));

const cache = new WeakMap<EscalationRule, string>();

/** The concern of a pack rule (see the file comment). */
export function concernOfRule(rule: EscalationRule): string {
  const known = cache.get(rule);
  if (known) return known;
  const concern = byName(rule.id) ?? byName(rule.reason) ?? byPhrases(rule) ?? rule.id;
  cache.set(rule, concern);
  return concern;
}

/** The built-in concern a reason names ("Fraud team" → chargeback), or null. */
export function concernOfReason(reason: string): string | null {
  return byName(reason);
}

/** The first concern whose naming words occur in `text` (earliest word wins). */
function byName(text: string): string | null {
  for (const w of words(text.replace(/[_-]+/g, ' '))) {
    const stem = porterStem(w);
    const hit = STEMMED.find((c) => c.stems.has(stem));
    if (hit) return hit.concern;
  }
  return null;
}

/** The built-in concern whose triggers match most of the rule's phrases (at least one). */
function byPhrases(rule: EscalationRule): string | null {
  let best: { concern: string; count: number } | null = null;
  for (const trigger of BUILTIN_TRIGGERS) {
    const phrases = trigger.phrases.map(preparePhrase);
    const count = rule.phrases.filter((p) => {
      const text = prepare(p);
      return phrases.some((q) => matchPhrase(text, q) >= 0);
    }).length;
    if (count > 0 && (!best || count > best.count)) best = { concern: trigger.concern, count };
  }
  return best?.concern ?? null;
}
