/**
 * Text with its masked tokens (`[email]`, `[card number]`: PII the services redacted, or a
 * placeholder the conversation does not tell yet) marked, so the agent sees what is hidden.
 */
import { blankMarker } from '../../../shared/assist/placeholders';

const MASK = /\[[a-z][a-z0-9_ -]{0,40}\]/gi;

export interface MaskedTextProps {
  text: string;
  /** Names of placeholders left blank: marked as missing, not as redacted. */
  missing?: readonly string[];
}

export function MaskedText({ text, missing }: MaskedTextProps) {
  const parts: (string | { token: string })[] = [];
  let last = 0;
  for (const match of text.matchAll(MASK)) {
    if (match.index > last) parts.push(text.slice(last, match.index));
    parts.push({ token: match[0] });
    last = match.index + match[0].length;
  }
  if (last < text.length) parts.push(text.slice(last));
  const blanks = new Set((missing ?? []).map(blankMarker));
  const isMissing = (token: string) => blanks.has(token.toLowerCase());
  return (
    <>
      {parts.map((part, i) =>
        typeof part === 'string' ? (
          part
        ) : (
          <mark
            key={i}
            className={isMissing(part.token) ? 'masked masked--missing' : 'masked'}
            title={
              isMissing(part.token)
                ? 'Not known yet: fill it in before sending'
                : 'Masked personal data'
            }
          >
            {part.token}
          </mark>
        ),
      )}
    </>
  );
}
