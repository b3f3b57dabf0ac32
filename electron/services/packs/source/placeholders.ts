/**
 * `{{placeholders}}` in canned responses: the overlay fills them from the conversation
 * (`{{customer_name}}`, `{{order_id}}`), so a malformed one would reach a customer verbatim.
 */

import {
  PLACEHOLDER_NAME as NAME,
  PLACEHOLDER_PATTERN as PLACEHOLDER,
} from '../../../../shared/assist/placeholders';

/** The placeholder names a text uses, in order of first use (parsed in shared/ with the filler). */
export { placeholdersIn } from '../../../../shared/assist/placeholders';

/** What is wrong with the placeholders of a text, as sentences; empty when nothing is. */
export function placeholderMistakes(text: string): string[] {
  const mistakes: string[] = [];
  for (const match of text.matchAll(PLACEHOLDER)) {
    const name = match[1]!.trim();
    if (!NAME.test(name)) {
      mistakes.push(
        `placeholder ${match[0]} is not a name: use letters, digits and underscores, e.g. {{customer_name}}`,
      );
    }
  }
  const rest = text.replace(PLACEHOLDER, '');
  if (rest.includes('{{') || rest.includes('}}'))
    mistakes.push('a placeholder is not closed: write {{name}} with two braces on each side');
  const single = /(?<!\{)\{([A-Za-z_][A-Za-z0-9_.]*)\}(?!\})/.exec(rest);
  if (single)
    mistakes.push(`{${single[1]}} has single braces: placeholders are written {{${single[1]}}}`);
  return mistakes;
}
