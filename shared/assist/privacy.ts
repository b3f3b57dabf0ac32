/**
 * Privacy by where text goes. The conversation in memory and on the agent's screen keeps the
 * original text; everything stored (the feedback log, speech corrections, the report) or sent
 * (the generation endpoint) goes through `redactStored`, which masks what the PII detectors
 * find and what the conversation itself says is personal: the customer's and agent's names go
 * to the detectors as their context (`redact(text, { names })` masks each part too, "Dana" of
 * "Dana Whitfield"), then order numbers, account ids and usernames are masked, so a name or
 * an id the detectors alone would miss is masked too.
 */
import type { Entity } from '../schemas/assist';
import { entityMentions, type EntityTurn } from './entities';
import { redact } from './pii/redact';

/** What a conversation says is personal: the values to mask wherever they appear. */
export interface KnownPersonal {
  /** Whole names as the conversation gave them; `redact` masks each part as well. */
  readonly names: readonly string[];
  readonly ids: readonly { readonly value: string; readonly mask: string }[];
}

export const NO_KNOWN_PERSONAL: KnownPersonal = { names: [], ids: [] };

/** The mask tokens `redactStored` adds to those of `redact`. */
export const STORED_MASKS = {
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
    if (e.kind === 'name') names.add(value);
    else if (e.kind === 'order') ids.set(value, STORED_MASKS.order);
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
 * `text` as it may be stored or sent: every piece of personal data `redact` finds masked, the
 * conversation's known names (and those the text itself gives) among them, as `redact`'s own
 * context; then the known ids.
 */
export function redactStored(text: string, known: KnownPersonal = NO_KNOWN_PERSONAL): string {
  const own = knownPersonal([{ role: 'customer', text }]);
  let out = redact(text, { names: [...known.names, ...own.names] }).text;
  const ids = [...known.ids, ...own.ids].sort((a, b) => b.value.length - a.value.length);
  for (const { value, mask } of ids) {
    out = out.replace(new RegExp(`(?<![\\w-])${escape(value)}(?![\\w-])`, 'g'), mask);
  }
  return out;
}
