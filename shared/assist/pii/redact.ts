/**
 * PII redaction: everything that leaves the device or is stored for analytics goes through
 * `redact`, which replaces each piece of personal data with a visible mask token such as
 * `[EMAIL]`. Pure and synchronous; see detectors.ts for what counts and why.
 */
import { DETECTORS, type PiiContext, type PiiKind, type PiiSpan } from './detectors';
import { findNames } from './names';

export type { PiiContext, PiiKind, PiiSpan } from './detectors';

/** The mask token of each kind. */
export const MASKS: Readonly<Record<PiiKind, string>> = {
  email: '[EMAIL]',
  phone: '[PHONE]',
  card: '[CARD]',
  iban: '[IBAN]',
  postcode: '[POSTCODE]',
  'national-id': '[NATIONAL-ID]',
  address: '[ADDRESS]',
  name: '[NAME]',
  'date-of-birth': '[DOB]',
};

const MASK_SET: ReadonlySet<string> = new Set(Object.values(MASKS));

/**
 * Anything written like a mask token (`[EMAIL]`, `[NATIONAL-ID]`, …), global: what text split,
 * stripped or scanned for masks is cut at. `isMasked` tells a real mask from a look-alike.
 */
export const MASK_SHAPE = /\[[A-Z][A-Z-]*\]/g;

/** The personal data found in `text`, non-overlapping, in reading order. */
export function findPii(text: string, context: PiiContext = {}): PiiSpan[] {
  const accepted: PiiSpan[] = [];
  for (const [, detect] of DETECTORS) {
    const found = detect(text, context).sort((a, b) => b.end - b.start - (a.end - a.start));
    for (const span of found) {
      if (!accepted.some((a) => span.start < a.end && a.start < span.end)) accepted.push(span);
    }
  }
  return accepted.sort((a, b) => a.start - b.start);
}

/**
 * `text` with every piece of personal data replaced by its mask; spans are offsets into `text`.
 * `context.names`: the names the conversation gave so far (see `namesIn`), masked wherever
 * they appear, also alone ("Lopez" once "Sara Lopez" was given).
 */
export function redact(text: string, context: PiiContext = {}): { text: string; spans: PiiSpan[] } {
  const spans = findPii(text, context);
  let out = '';
  let at = 0;
  for (const s of spans) {
    out += text.slice(at, s.start) + MASKS[s.kind];
    at = s.end;
  }
  return { text: out + text.slice(at), spans };
}

/** True when `token` is one of the mask tokens `redact` writes (the UI styles them). */
export function isMasked(token: string): boolean {
  return MASK_SET.has(token);
}

/** The names `text` states ("my name is Sara Lopez"): collect them to pass as `context.names`. */
export function namesIn(text: string): string[] {
  return findNames(text).map((span) => text.slice(span.start, span.end));
}
