/**
 * Privacy by where text goes. The conversation in memory and on the agent's screen keeps the
 * original text; everything stored (the feedback log, speech corrections, the report) or sent
 * (the generation endpoint) goes through `redactStored`, which masks what the conversation
 * itself says is personal before the PII detectors run: the customer's and agent's names (also
 * each part, "Dana" of "Dana Whitfield"), order numbers, account ids and usernames, so a name
 * the detectors alone would miss is masked too.
 */
import type { Entity } from '../schemas/assist';
import { entityMentions, type EntityTurn } from './entities';
import { redact } from './pii/redact';

/** What a conversation says is personal: the values to mask wherever they appear. */
export interface KnownPersonal {
  readonly names: readonly string[];
  readonly ids: readonly { readonly value: string; readonly mask: string }[];
}

export const NO_KNOWN_PERSONAL: KnownPersonal = { names: [], ids: [] };

/** The mask tokens `redactStored` adds to those of `redact`. */
export const STORED_MASKS = {
  name: '[NAME]',
  order: '[ORDER]',
  account: '[ACCOUNT]',
  username: '[USERNAME]',
} as const;

const USERNAME = /\b(?:user ?name|user id|login)(?:\s+is\s+|\s*:\s*)([A-Za-z][\w.-]{2,})\b/gi;
/** Words that follow "username is" without being one. */
const NOT_USERNAMES = new Set(['the', 'my', 'not', 'wrong', 'correct', 'same', 'still', 'and']);

/** The names and ids `turns` mention (customer's and agent's alike). */
export function knownPersonal(turns: readonly EntityTurn[]): KnownPersonal {
  return fromMentions(
    entityMentions(turns),
    turns.map((t) => t.text),
  );
}

function fromMentions(mentions: readonly Entity[], texts: readonly string[]): KnownPersonal {
  const names = new Set<string>();
  const ids = new Map<string, string>();
  for (const e of mentions) {
    const value = e.value.trim();
    if (!value) continue;
    if (e.kind === 'name') {
      names.add(value);
      for (const part of value.split(/\s+/)) if (part.length >= 2) names.add(part);
    } else if (e.kind === 'order') ids.set(value, STORED_MASKS.order);
    else if (e.kind === 'account') ids.set(value, STORED_MASKS.account);
  }
  for (const text of texts) {
    for (const m of text.matchAll(USERNAME)) {
      const value = m[1]!;
      if (!NOT_USERNAMES.has(value.toLowerCase())) ids.set(value, STORED_MASKS.username);
    }
  }
  return { names: [...names], ids: [...ids].map(([value, mask]) => ({ value, mask })) };
}

const escape = (s: string) => s.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');

/**
 * `text` as it may be stored or sent: every piece of personal data `redact` finds masked, then
 * the known names and ids of the conversation (and any the text itself mentions).
 */
export function redactStored(text: string, known: KnownPersonal = NO_KNOWN_PERSONAL): string {
  const own = knownPersonal([{ role: 'customer', text }]);
  let out = redact(text).text;
  const ids = [...known.ids, ...own.ids].sort((a, b) => b.value.length - a.value.length);
  for (const { value, mask } of ids) {
    out = out.replace(new RegExp(`(?<![\\w-])${escape(value)}(?![\\w-])`, 'g'), mask);
  }
  const names = [...new Set([...known.names, ...own.names])].sort((a, b) => b.length - a.length);
  if (names.length > 0) {
    const pattern = new RegExp(
      `(?<![\\p{L}\\p{N}])(?:${names.map(escape).join('|')})(?![\\p{L}\\p{N}])`,
      'giu',
    );
    out = out.replace(pattern, STORED_MASKS.name);
  }
  return out;
}
